using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Filter for instance lists.</summary>
public sealed record InstanceQuery(string? DefinitionId = null, WorkflowStatus? Status = null, WorkflowSubStatus? SubStatus = null, string? CorrelationId = null, int Skip = 0, int Take = 50);

/// <summary>A page of instances.</summary>
public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, long TotalCount);

/// <summary>The moment columns of an instance that lists filter and sort on.</summary>
public enum InstanceTimestamp
{
    /// <summary>When the instance was created.</summary>
    CreatedAt,

    /// <summary>When it was last saved.</summary>
    UpdatedAt,

    /// <summary>When it finished.</summary>
    FinishedAt,
}

/// <summary>How a moment column is compared with a filter's moment.</summary>
public enum TimestampOperator
{
    /// <summary>On the same day as the filter's moment (in the filter's offset).</summary>
    Is,

    /// <summary>Not on that day.</summary>
    IsNot,

    /// <summary>Before the moment.</summary>
    LessThan,

    /// <summary>After the moment.</summary>
    GreaterThan,

    /// <summary>At or before the moment.</summary>
    LessThanOrEqual,

    /// <summary>At or after the moment.</summary>
    GreaterThanOrEqual,
}

/// <summary>A condition on one moment column; an instance without that moment (not finished) never matches.</summary>
public sealed record InstanceTimestampFilter(InstanceTimestamp Column, TimestampOperator Operator, DateTimeOffset Timestamp)
{
    /// <summary>The start of the filter's day and of the next one, for <see cref="TimestampOperator.Is"/> and <see cref="TimestampOperator.IsNot"/>.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Day
    {
        get
        {
            var from = new DateTimeOffset(Timestamp.Date, Timestamp.Offset);
            return (from, from.AddDays(1));
        }
    }

    /// <summary>Whether a moment matches.</summary>
    public bool Matches(DateTimeOffset? value) => value is { } v && Operator switch
    {
        TimestampOperator.Is => v >= Day.From && v < Day.To,
        TimestampOperator.IsNot => v < Day.From || v >= Day.To,
        TimestampOperator.LessThan => v < Timestamp,
        TimestampOperator.GreaterThan => v > Timestamp,
        TimestampOperator.LessThanOrEqual => v <= Timestamp,
        _ => v >= Timestamp,
    };
}

/// <summary>The order of an instance list.</summary>
public enum InstanceOrder
{
    /// <summary>By creation.</summary>
    CreatedAt,

    /// <summary>By last save.</summary>
    UpdatedAt,

    /// <summary>By finish.</summary>
    FinishedAt,

    /// <summary>By name.</summary>
    Name,
}

/// <summary>
/// The designer's instance list: any of several definitions, versions, statuses and sub-statuses, a search term (in the
/// id, name, correlation id or definition id), incidents or not, moment conditions, an order and a page.
/// </summary>
public sealed record InstanceSearch
{
    /// <summary>Definition ids (any); empty means all.</summary>
    public IReadOnlyList<string> DefinitionIds { get; init; } = [];

    /// <summary>Definition version ids (any); empty means all.</summary>
    public IReadOnlyList<string> DefinitionVersionIds { get; init; } = [];

    /// <summary>A definition version number.</summary>
    public int? Version { get; init; }

    /// <summary>Statuses (any); empty means all.</summary>
    public IReadOnlyList<WorkflowStatus> Statuses { get; init; } = [];

    /// <summary>Sub-statuses (any); empty means all.</summary>
    public IReadOnlyList<WorkflowSubStatus> SubStatuses { get; init; } = [];

    /// <summary>An exact correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Text searched in the id, name, correlation id and definition id.</summary>
    public string? SearchTerm { get; init; }

    /// <summary>Only instances with (true) or without (false) incidents.</summary>
    public bool? HasIncidents { get; init; }

    /// <summary>Moment conditions, all of which must hold.</summary>
    public IReadOnlyList<InstanceTimestampFilter> Timestamps { get; init; } = [];

    /// <summary>The order.</summary>
    public InstanceOrder OrderBy { get; init; } = InstanceOrder.CreatedAt;

    /// <summary>Whether the order is descending (newest first by default).</summary>
    public bool Descending { get; init; } = true;

    /// <summary>How many to skip.</summary>
    public int Skip { get; init; }

    /// <summary>How many to return.</summary>
    public int Take { get; init; } = 50;

    /// <summary>Whether an instance matches every condition.</summary>
    public bool Matches(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (DefinitionIds.Count == 0 || DefinitionIds.Contains(instance.DefinitionId)) &&
            (DefinitionVersionIds.Count == 0 || DefinitionVersionIds.Contains(instance.DefinitionVersionId)) &&
            (Version is null || instance.Version == Version) &&
            (Statuses.Count == 0 || Statuses.Contains(instance.Status)) &&
            (SubStatuses.Count == 0 || SubStatuses.Contains(instance.SubStatus)) &&
            (CorrelationId is null || instance.CorrelationId == CorrelationId) &&
            (string.IsNullOrEmpty(SearchTerm) || Contains(instance.Id) || Contains(instance.Name) || Contains(instance.CorrelationId) || Contains(instance.DefinitionId)) &&
            (HasIncidents is null || (instance.IncidentCount > 0) == HasIncidents) &&
            Timestamps.All(t => t.Matches(t.Column switch
            {
                InstanceTimestamp.CreatedAt => instance.CreatedAt,
                InstanceTimestamp.UpdatedAt => instance.UpdatedAt,
                _ => instance.FinishedAt,
            }));
    }

    /// <summary>Filters, orders and pages instances in memory (the reference the database queries follow).</summary>
    public InstancePage Apply(IEnumerable<WorkflowInstance> instances)
    {
        var matches = instances.Where(Matches).ToList();
        var ordered = OrderBy switch
        {
            InstanceOrder.UpdatedAt => Descending ? matches.OrderByDescending(i => i.UpdatedAt) : matches.OrderBy(i => i.UpdatedAt),
            InstanceOrder.FinishedAt => Descending ? matches.OrderByDescending(i => i.FinishedAt) : matches.OrderBy(i => i.FinishedAt),
            InstanceOrder.Name => Descending ? matches.OrderByDescending(i => i.Name, StringComparer.Ordinal) : matches.OrderBy(i => i.Name, StringComparer.Ordinal),
            _ => Descending ? matches.OrderByDescending(i => i.CreatedAt) : matches.OrderBy(i => i.CreatedAt),
        };
        var page = Descending ? ordered.ThenByDescending(i => i.Id, StringComparer.Ordinal) : ordered.ThenBy(i => i.Id, StringComparer.Ordinal);
        return new InstancePage(page.Skip(Math.Max(Skip, 0)).Take(Math.Max(Take, 0)).ToList(), matches.Count);
    }

    private bool Contains(string? value) => value is not null && value.Contains(SearchTerm!, StringComparison.OrdinalIgnoreCase);
}
