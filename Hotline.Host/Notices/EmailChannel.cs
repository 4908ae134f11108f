using Hotline.Domain.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hotline.Host.Notices;

/// <summary>E-mails outbox messages through the configured SMTP server (MailKit), one connection per message.</summary>
public sealed class EmailChannel(IOptions<EmailOptions> options) : INoticeChannel
{
    /// <inheritdoc />
    public OutboxChannel Channel => OutboxChannel.Email;

    /// <inheritdoc />
    public bool IsConfigured => options.Value.IsConfigured;

    /// <inheritdoc />
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From!));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        mail.Subject = message.Subject;
        // The case's number, so that a mail client threads a case's notices and a reader can quote it.
        if (message.CaseNumber is { } number)
            mail.Headers.Add("X-Hotline-Case", number);
        mail.Headers.Add("X-Hotline-Message", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), timeout.Token);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
        await client.SendAsync(mail, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private static SecureSocketOptions Security(string mode) => mode.ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
