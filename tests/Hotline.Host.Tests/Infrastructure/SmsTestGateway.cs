using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hotline.Host.Notices;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// A local HTTP SMS gateway for a test: it checks each request's signature with the shared secret (as a real gateway
/// would), keeps the requests, and answers with <see cref="Status"/> (202 unless the test makes it fail).
/// </summary>
public sealed class SmsTestGateway : IAsyncDisposable
{
    /// <summary>The secret the host is configured with.</summary>
    public const string Secret = "test-sms-signing-secret-4e1d";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public SmsTestGateway()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The address to configure.</summary>
    public string Url { get; }

    /// <summary>The answer to give.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

    /// <summary>Every request received: its body, and whether its signature was right.</summary>
    public ConcurrentQueue<(JsonObject Body, bool SignatureValid)> Received { get; } = new();

    /// <summary>The settings that point a host at this gateway.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Hotline:Notices:Sms:Url"] = Url,
        ["Hotline:Notices:Sms:Secret"] = Secret,
    };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var valid = SmsSignature.Verify(Secret, context.Request.Headers[SmsSignature.TimestampHeader] ?? "", body, context.Request.Headers[SmsSignature.SignatureHeader]);
            Received.Enqueue((JsonNode.Parse(body)!.AsObject(), valid));
            context.Response.StatusCode = valid ? (int)Status : 401;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
