using Microsoft.Extensions.Options;
using MimeKit;

namespace Hotline.Host.Notices;

/// <summary>The SMTP server notices are e-mailed through (<c>Hotline:Notices:Email</c>); no <see cref="Host"/>, no e-mail.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Notices:Email";

    /// <summary>The SMTP server's host name; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    /// <summary>Its port (default 25; 587 with STARTTLS, 465 with TLS on connect).</summary>
    public int Port { get; set; } = 25;

    /// <summary>
    /// <c>Auto</c> (default: TLS on port 465, STARTTLS when the server offers it), <c>StartTls</c> (required),
    /// <c>SslOnConnect</c> or <c>None</c> (plain, for a relay on the same machine).
    /// </summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The account to sign in with; empty for none.</summary>
    public string? UserName { get; set; }

    /// <summary>Its password: give it from the environment or a secret store, never in a file in git.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>12345热线 &lt;notice@12345.example.gov.cn&gt;</c>; required with a host.</summary>
    public string? From { get; set; }

    /// <summary>How long one message may take (default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether e-mail is on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Refuses e-mail settings that cannot work, when the host starts.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    /// <summary>The accepted values of <see cref="EmailOptions.Security"/>.</summary>
    public static readonly string[] SecurityModes = ["Auto", "StartTls", "SslOnConnect", "None"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        var section = EmailOptions.SectionName;
        if (options.Port is < 1 or > 65535)
            errors.Add($"{section}:Port must be 1 to 65535; it is {options.Port}.");
        if (!SecurityModes.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
            errors.Add($"{section}:Security must be one of {string.Join(", ", SecurityModes)}; it is '{options.Security}'.");
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
            errors.Add($"{section}:From must be a sender address such as '12345热线 <notice@example.gov.cn>'; it is '{options.From}'.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"{section}:Timeout must be positive and at most 5 minutes; it is {options.Timeout}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
