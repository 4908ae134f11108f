using Hotline.Workflows.Activities.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Http;

/// <summary>What running a workflow for a request produced: the response it wrote (if any) and how the burst ended.</summary>
public sealed record HttpWorkflowResult(HttpResponseData? Response, RunResult Run);

/// <summary>
/// Routes HTTP requests to workflows as Elsa's HttpWorkflowsMiddleware does: the first route template that matches the
/// path and has a trigger or a waiting bookmark for the method wins (literal paths before templates with parameters);
/// a trigger starts a new instance of the published version, a bookmark resumes its instance. The routes are read
/// from the stored versions and read again after any publish, retract or delete on this node
/// (<see cref="Invalidate"/>), and at the latest after <see cref="MaxAge"/> (changes made by another node).
/// </summary>
public sealed class HttpWorkflowRouter(WorkflowRuntime runtime)
{
    private volatile Snapshot? _snapshot;
    private long _generation;

    /// <summary>How long a route table read on this node is trusted without a local change.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Forgets the routes; the next request reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    /// <summary>The routes now (read again when stale).</summary>
    public async Task<IReadOnlyList<HttpRoute>> RoutesAsync(CancellationToken cancellationToken = default)
    {
        var now = runtime.Services.Clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < MaxAge)
            return fresh.Routes;
        // Concurrent readers may both read the table; each result is complete, the last one stays.
        var generation = Interlocked.Read(ref _generation);
        var routes = await HttpRouteTable.BuildAsync(runtime, cancellationToken);
        // Literal paths first, then templates with parameters, as ASP.NET Core orders its routes.
        routes = routes.OrderBy(r => r.Template.HasParameters).ToList();
        // A table read while a change was made is used for this request, not kept.
        if (Interlocked.Read(ref _generation) == generation)
            _snapshot = new Snapshot(routes, now);
        return routes;
    }

    /// <summary>Finds the trigger or waiting bookmark a request is for (its body is not read).</summary>
    public async Task<HttpRouteMatch> MatchAsync(HttpRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.ToUpperInvariant();
        var correlationId = Selector(request, "correlationId", "x-correlation-id");
        var instanceId = Selector(request, "workflowInstanceId", "x-workflow-instance-id");
        var routes = await RoutesAsync(cancellationToken);
        foreach (var template in routes.Select(r => r.Template).DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase))
        {
            if (template.Match(request.Path) is not { } values)
                continue;
            var same = routes.Where(r => r.Method == method && string.Equals(r.Template.Text, template.Text, StringComparison.OrdinalIgnoreCase)).ToList();
            var triggers = same.Where(r => r.IsTrigger).ToList();
            if (triggers.Select(t => t.DefinitionId).Distinct().Count() > 1)
                return HttpRouteMatch.Many;
            if (triggers.Count > 0)
                return new HttpRouteMatch(HttpMatchKind.Found, values, triggers[0].Authorize, triggers[0].Policy)
                    { DefinitionId = triggers[0].DefinitionId, TriggerActivityId = triggers[0].ActivityId, CorrelationId = correlationId };
            var bookmarks = await runtime.Instances.FindBookmarksAsync(HttpEndpoint.BookmarkName, HttpEndpoint.Hash(method, template.Text), correlationId, instanceId, cancellationToken);
            if (bookmarks.Count > 1)
                return HttpRouteMatch.Many;
            if (bookmarks.Count == 1)
                // The endpoints of any version with this path decide; if one of them requires a caller, the bookmark does.
                return new HttpRouteMatch(HttpMatchKind.Found, values, same.Count == 0 || same.Exists(r => r.Authorize), same.Select(r => r.Policy).FirstOrDefault(p => p is not null))
                    { InstanceId = bookmarks[0].WorkflowInstanceId, BookmarkId = bookmarks[0].BookmarkId, CorrelationId = correlationId };
        }

        return HttpRouteMatch.None;
    }

    /// <summary>Starts or resumes the matched workflow with the request and returns what it answered.</summary>
    /// <exception cref="HttpBadRequestException">The body does not parse as its media type says.</exception>
    /// <exception cref="WorkflowNotFoundException">The definition was retracted meanwhile.</exception>
    /// <exception cref="BookmarkNotFoundException">Another request consumed the bookmark meanwhile.</exception>
    public async Task<HttpWorkflowResult> RunAsync(HttpRouteMatch match, HttpRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(request);
        if (match.Kind != HttpMatchKind.Found)
            throw new ArgumentException("Only a found route can be run.", nameof(match));
        var parsed = HttpContentParser.Parse(request.ContentType, request.Body);
        var instanceId = match.InstanceId ?? IdGenerator.New();
        var exchange = new HttpExchange(request, instanceId, match.TriggerActivityId, match.RouteValues, parsed);
        using (HttpExchange.Open(exchange))
        {
            var run = match.DefinitionId is { } definitionId
                ? await runtime.StartAsync(definitionId, new StartOptions { InstanceId = instanceId, CorrelationId = match.CorrelationId }, cancellationToken)
                : await runtime.ResumeAsync(instanceId, match.BookmarkId!, exchange, cancellationToken);
            return new HttpWorkflowResult(exchange.Response, run);
        }
    }

    /// <summary>
    /// The publish-time check of Elsa's HttpEndpointTriggerPayloadValidator: a trigger's path and method must not be a
    /// trigger of another published definition.
    /// </summary>
    public async Task<IReadOnlyList<Definitions.DefinitionError>> FindConflictsAsync(WorkflowBlueprint blueprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        var others = (await RoutesAsync(cancellationToken)).Where(r => r.IsTrigger && r.DefinitionId != blueprint.Definition.DefinitionId).ToList();
        return HttpRouteTable.RoutesOf(blueprint, runtime.Services)
            .Select(r => (Route: r, Node: blueprint.Nodes.Values.First(n => n.Id == r.ActivityId)))
            .Where(r => r.Node.CanStartWorkflow && others.Exists(o => o.Method == r.Route.Method && string.Equals(o.Template.Text, r.Route.Template.Text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => Definitions.DefinitionError.At(r.Node, $"The /{r.Route.Template.Text} path and {r.Route.Method.ToLowerInvariant()} method are already in use by another workflow!", "path"))
            .Distinct()
            .ToList();
    }

    private static string? Selector(HttpRequestData request, string queryName, string headerName)
    {
        var query = request.Query.FirstOrDefault(q => string.Equals(q.Key, queryName, StringComparison.OrdinalIgnoreCase)).Value;
        var header = request.Headers.FirstOrDefault(h => string.Equals(h.Key, headerName, StringComparison.OrdinalIgnoreCase)).Value;
        return (query is { Length: > 0 } ? query[0] : null) ?? (header is { Length: > 0 } ? header[0] : null);
    }

    private sealed record Snapshot(IReadOnlyList<HttpRoute> Routes, DateTimeOffset ReadAt);
}
