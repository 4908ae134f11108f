namespace Hotline.Host.Workflows;

/// <summary>
/// Where and how workflows send HTTP requests (Elsa.SendHttpRequest, Elsa.FlowSendHttpRequest). Bound from
/// <c>Hotline:Workflows:Http</c>, beside <see cref="HttpWorkflowsOptions"/>.
/// </summary>
public sealed class OutgoingHttpOptions
{
    /// <summary>
    /// The host names workflows may send requests to, at any address, internal ones included. Empty (the default): any
    /// host whose address is public; loopback, private, link-local and other internal addresses are refused.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long a request may take before it completes through "Timeout". 30 seconds by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest response content read, in bytes (larger: "Failed to connect"). 10 MiB by default.</summary>
    public long MaxResponseContentSize { get; set; } = Hotline.Workflows.Http.GuardedHttpRequestSender.DefaultMaxResponseSize;
}
