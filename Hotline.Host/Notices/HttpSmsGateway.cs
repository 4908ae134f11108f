using System.Globalization;
using System.Text;
using System.Text.Json;
using Hotline.Domain.Outbox;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notices;

/// <summary>
/// Sends text messages through an HTTP SMS gateway: one signed JSON POST per message
/// (<c>{"messageId": "…", "to": "138…", "text": "…"}</c>, <see cref="SmsSignature"/>); any 2xx answer is success. The
/// message id lets the gateway drop a message it already has (a host that died after sending and before recording).
/// Another provider's gateway is one more <see cref="INoticeChannel"/> like this one.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<SmsOptions> options, TimeProvider clock) : INoticeChannel
{
    /// <summary>The named HTTP client.</summary>
    public const string ClientName = "hotline-sms";

    /// <inheritdoc />
    public OutboxChannel Channel => OutboxChannel.Sms;

    /// <inheritdoc />
    public bool IsConfigured => options.Value.IsConfigured;

    /// <inheritdoc />
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var body = JsonSerializer.Serialize(new SmsRequest(message.Id.ToString(CultureInfo.InvariantCulture), message.Address, message.Body));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SmsSignature.TimestampHeader, timestamp);
        request.Headers.Add(SmsSignature.SignatureHeader, SmsSignature.Sign(settings.Secret!, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    /// <summary>The request's body.</summary>
    private sealed record SmsRequest(
        [property: System.Text.Json.Serialization.JsonPropertyName("messageId")] string MessageId,
        [property: System.Text.Json.Serialization.JsonPropertyName("to")] string To,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);
}
