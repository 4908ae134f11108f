using System.Net.Http;

namespace Hotline.Workflows.Http;

/// <summary>
/// Sends workflow HTTP requests through a client whose connections are opened by an <see cref="HttpAddressGuard"/>.
/// The host builds its client with IHttpClientFactory (<see cref="CreateHandler"/> as its primary handler); the engine
/// on its own (the <c>workflows run</c> command, engine tests) uses <see cref="Default"/>, which reaches public
/// addresses only.
/// </summary>
public sealed class GuardedHttpRequestSender : IHttpRequestSender
{
    private readonly Func<HttpClient> _client;

    /// <summary>Sends through the clients <paramref name="client"/> returns, checking each URL with <paramref name="guard"/> first.</summary>
    public GuardedHttpRequestSender(HttpAddressGuard guard, Func<HttpClient> client)
    {
        Guard = guard;
        _client = client;
    }

    /// <summary>Sends through a client of its own: <paramref name="guard"/> opens its connections, <paramref name="timeout"/> (30 s by default) bounds each request.</summary>
    public GuardedHttpRequestSender(HttpAddressGuard guard, TimeSpan? timeout = null)
    {
        Guard = guard;
        var client = new HttpClient(CreateHandler(guard)) { Timeout = timeout ?? TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = DefaultMaxResponseSize };
        _client = () => client;
    }

    /// <summary>The largest response content read, in bytes (10 MiB): the content is kept in the workflow's outputs.</summary>
    public const int DefaultMaxResponseSize = 10 * 1024 * 1024;

    /// <summary>A sender that reaches public addresses only, with a 30-second timeout.</summary>
    public static GuardedHttpRequestSender Default { get; } = new(new HttpAddressGuard());

    /// <summary>The guard.</summary>
    public HttpAddressGuard Guard { get; }

    /// <summary>
    /// The handler to send through: the guard opens every connection, including those of redirects, and no proxy is used
    /// (a proxy would connect on the request's behalf, to addresses the guard never sees).
    /// </summary>
    public static SocketsHttpHandler CreateHandler(HttpAddressGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, UseProxy = false, UseCookies = false, MaxAutomaticRedirections = 10 };
    }

    /// <inheritdoc />
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.CheckUrl(request.RequestUri ?? throw new ArgumentException("The request has no URL.", nameof(request)));
        return _client().SendAsync(request, cancellationToken);
    }
}
