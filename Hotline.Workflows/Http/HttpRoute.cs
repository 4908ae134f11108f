namespace Hotline.Workflows.Http;

/// <summary>An HttpEndpoint of a stored definition version, with its inputs evaluated.</summary>
/// <param name="Template">The path.</param>
/// <param name="Method">The method, upper case.</param>
/// <param name="DefinitionId">The definition.</param>
/// <param name="VersionId">The version.</param>
/// <param name="ActivityId">The HttpEndpoint's activity id.</param>
/// <param name="IsTrigger">Whether a request starts a new instance (the version is published and the endpoint can start it).</param>
/// <param name="Authorize">Whether only authenticated callers may call it.</param>
/// <param name="Policy">The authorization policy callers must satisfy, if any.</param>
public sealed record HttpRoute(HttpRouteTemplate Template, string Method, string DefinitionId, string VersionId, string ActivityId, bool IsTrigger, bool Authorize, string? Policy);

/// <summary>Whether a request found a workflow.</summary>
public enum HttpMatchKind
{
    /// <summary>No trigger and no waiting instance has this path and method.</summary>
    NotFound,

    /// <summary>Several workflows (or waiting instances) match; none is run.</summary>
    Ambiguous,

    /// <summary>One trigger or one bookmark matches.</summary>
    Found,
}

/// <summary>What a request matched: a trigger to start (<see cref="DefinitionId"/>) or a bookmark to resume.</summary>
public sealed record HttpRouteMatch(HttpMatchKind Kind, IReadOnlyDictionary<string, string> RouteValues, bool Authorize = false, string? Policy = null)
{
    /// <summary>The definition a trigger starts.</summary>
    public string? DefinitionId { get; init; }

    /// <summary>The HttpEndpoint that starts it.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>The waiting instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Its bookmark.</summary>
    public string? BookmarkId { get; init; }

    /// <summary>The correlation id the request carried (query <c>correlationId</c> or header <c>x-correlation-id</c>).</summary>
    public string? CorrelationId { get; init; }

    internal static readonly HttpRouteMatch None = new(HttpMatchKind.NotFound, new Dictionary<string, string>());
    internal static readonly HttpRouteMatch Many = new(HttpMatchKind.Ambiguous, new Dictionary<string, string>());
}
