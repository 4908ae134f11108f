namespace Hotline.Domain.Outbox;

/// <summary>
/// A way out for outbox messages (e-mail over SMTP, an SMS gateway). A channel sends one message or throws; the
/// <see cref="OutboxDelivery"/> records the try, retries and gives up. A second SMS gateway is one more implementation.
/// </summary>
public interface INoticeChannel
{
    /// <summary>The channel it delivers.</summary>
    OutboxChannel Channel { get; }

    /// <summary>Whether the host's settings give it somewhere to send to; an unconfigured channel is not written to.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends <paramref name="message"/>; throws when it was not accepted.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
