using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotline.Workflows.Tests.Http;

/// <summary>
/// An HTTP server on 127.0.0.1 for the tests of workflow requests: it answers each path with what the test set, records
/// the requests, and leaves requests to <c>/hang</c> unanswered until it is disposed (for timeouts).
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (int Status, string? ContentType, string? Body, Dictionary<string, string> Headers)> _answers = new();
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public LocalHttpServer Answer(string path, int status, string? contentType = null, string? body = null, Dictionary<string, string>? headers = null)
    {
        _answers["/" + path.TrimStart('/')] = (status, contentType, body, headers ?? []);
        return this;
    }

    /// <summary>A port nothing listens on (the listener that found it is closed again).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new ReceivedRequest(request.HttpMethod, request.Url!.AbsolutePath, headers, body));
        var response = context.Response;
        try
        {
            if (request.Url.AbsolutePath == "/hang")
            {
                await _stopping.Task;
                return;
            }

            var (status, contentType, text, extra) = _answers.TryGetValue(request.Url.AbsolutePath, out var answer) ? answer : (404, null, null, []);
            response.StatusCode = status;
            foreach (var (name, value) in extra)
                response.Headers[name] = value;
            if (text is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                response.ContentType = contentType;
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
        }
        finally
        {
            response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>A request the server received.</summary>
public sealed record ReceivedRequest(string Method, string Path, Dictionary<string, string> Headers, string Body);
