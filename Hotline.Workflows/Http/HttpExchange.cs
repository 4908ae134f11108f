using System.Text.Json.Nodes;

namespace Hotline.Workflows.Http;

/// <summary>
/// One inbound request being handled by a workflow, and the response the workflow writes to it. The router
/// (<see cref="HttpWorkflowRouter"/>) makes it current for the burst it runs (as ASP.NET Core's HttpContext is current
/// for Elsa's activities); only the instance it was opened for sees it, so another instance resumed in the same flow
/// (an event published after the commit) cannot answer this request.
/// </summary>
public sealed class HttpExchange
{
    private static readonly AsyncLocal<HttpExchange?> CurrentExchange = new();

    internal HttpExchange(HttpRequestData request, string instanceId, string? triggerActivityId, IReadOnlyDictionary<string, string> routeValues, JsonNode? parsedContent)
    {
        Request = request;
        InstanceId = instanceId;
        TriggerActivityId = triggerActivityId;
        RouteValues = routeValues;
        ParsedContent = parsedContent;
    }

    /// <summary>The request.</summary>
    public HttpRequestData Request { get; }

    /// <summary>The instance the request starts or resumes.</summary>
    public string InstanceId { get; }

    /// <summary>The HttpEndpoint that starts a new instance with this request (null: the request resumes a bookmark).</summary>
    public string? TriggerActivityId { get; }

    /// <summary>The values of the route template's parameters.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>The body, parsed by its content type.</summary>
    public JsonNode? ParsedContent { get; }

    /// <summary>The response a WriteHttpResponse wrote, if any (the last one wins, as on a retried burst).</summary>
    public HttpResponseData? Response { get; internal set; }

    /// <summary>The exchange of the request the current burst handles for <paramref name="instanceId"/>, if any.</summary>
    public static HttpExchange? For(string instanceId) => CurrentExchange.Value is { } exchange && exchange.InstanceId == instanceId ? exchange : null;

    /// <summary>Makes the exchange current until the returned scope is disposed.</summary>
    internal static IDisposable Open(HttpExchange exchange)
    {
        var previous = CurrentExchange.Value;
        CurrentExchange.Value = exchange;
        return new Restore(previous);
    }

    private sealed class Restore(HttpExchange? previous) : IDisposable
    {
        public void Dispose() => CurrentExchange.Value = previous;
    }
}
