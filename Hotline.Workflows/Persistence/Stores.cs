using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Stores definition versions. Every version is kept; flags say which is latest and which is published.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>One version by its id.</summary>
    Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>The published version of a definition, if any.</summary>
    Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The latest version of a definition, if any.</summary>
    Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Every version of a definition, oldest first.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every definition.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> ListLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>The published version id of each of the given definitions that has one.</summary>
    Task<IReadOnlyDictionary<string, string>> FindPublishedVersionIdsAsync(IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken = default);

    /// <summary>Published definitions that may be used as activities.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> ListUsableAsActivitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates versions (by version id) in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken cancellationToken = default);

    /// <summary>Deletes every version of a definition; returns how many were removed.</summary>
    Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every stored version of every definition, by definition id then version (the designer's version lists and its
    /// workflows-as-activities). The default reads each definition's versions; database stores override it with one query.
    /// </summary>
    async Task<IReadOnlyList<WorkflowDefinition>> ListAllVersionsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<WorkflowDefinition>();
        foreach (var definitionId in (await ListLatestAsync(cancellationToken)).Select(d => d.DefinitionId).Distinct().Order(StringComparer.Ordinal))
            all.AddRange((await ListVersionsAsync(definitionId, cancellationToken)).OrderBy(v => v.Version));
        return all;
    }

    /// <summary>
    /// Deletes one version; returns whether it existed. Which version is latest afterwards is the caller's business. The
    /// default rewrites the definition's other versions; database stores override it with a delete by key.
    /// </summary>
    async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        if (await FindByVersionIdAsync(versionId, cancellationToken) is not { } version)
            return false;
        var others = (await ListVersionsAsync(version.DefinitionId, cancellationToken)).Where(v => v.Id != versionId).ToList();
        await DeleteAsync(version.DefinitionId, cancellationToken);
        await SaveAsync(others, cancellationToken);
        return true;
    }
}

/// <summary>A bookmark as the index sees it.</summary>
public sealed record BookmarkRef(string BookmarkId, string WorkflowInstanceId, string Name, string? Hash, DateTimeOffset? ResumeAt, string? CorrelationId);

/// <summary>Everything one burst of execution changes, saved atomically.</summary>
/// <param name="Instance">The instance after the burst; its <see cref="WorkflowInstance.Revision"/> is the new revision.</param>
/// <param name="ExpectedRevision">The revision the burst started from; 0 for a new instance.</param>
/// <param name="AddedBookmarks">Bookmarks created by the burst.</param>
/// <param name="RemovedBookmarks">Bookmarks consumed or removed by the burst.</param>
/// <param name="Journal">Journal lines written by the burst.</param>
/// <param name="Records">Execution records created or changed by the burst.</param>
public sealed record WorkflowCommit(
    WorkflowInstance Instance,
    long ExpectedRevision,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<Bookmark> RemovedBookmarks,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<ActivityExecutionRecord> Records)
{
    /// <summary>
    /// Changes activities made to the host's own data (a case, its timeline, an inbox task), saved in the same
    /// transaction as the instance: a burst that loses a race and is retried leaves no trace of its first attempt.
    /// The store applies the kinds it knows and refuses others.
    /// </summary>
    public IReadOnlyList<object> Effects { get; init; } = [];

    /// <summary>
    /// The human tasks the burst created whose bookmarks it saves. A store that <see cref="IWorkflowInstanceStore.SavesTasks"/>
    /// writes them in the same transaction (a task can then never be lost between the commit and its hand-over);
    /// otherwise the runtime hands them to the task dispatcher once the commit is saved.
    /// </summary>
    public IReadOnlyList<TaskRequest> Tasks { get; init; } = [];

    /// <summary>
    /// The instance as the burst loaded it, at <see cref="ExpectedRevision"/>; null for a new instance or when unknown.
    /// A store may compare it with <see cref="Instance"/> to write only the columns that changed (and so leave the
    /// indexes on the others alone); the revision check makes the comparison exact.
    /// </summary>
    public WorkflowInstance? Previous { get; init; }
}

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

/// <summary>Stores instances, their bookmark index, journal and execution records.</summary>
public interface IWorkflowInstanceStore
{
    /// <summary>An instance by id.</summary>
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a burst. Throws <see cref="ConcurrencyConflictException"/> if the stored revision is not
    /// <see cref="WorkflowCommit.ExpectedRevision"/>; then nothing of the commit is saved.
    /// </summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <see cref="CommitAsync"/> saves <see cref="WorkflowCommit.Tasks"/> itself, in the commit's transaction. When
    /// false (the default), the runtime hands each task to its task dispatcher after the commit.
    /// </summary>
    bool SavesTasks => false;

    /// <summary>Bookmarks by name and hash (and optionally correlation id or instance).</summary>
    Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default);

    /// <summary>Timer bookmarks due at or before a moment, earliest first.</summary>
    Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    /// <summary>The journal of an instance in sequence order.</summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The execution records of an instance.</summary>
    Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Lists instances.</summary>
    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists instances for the designer (<see cref="InstanceSearch"/>). Items carry their summary columns; their
    /// <see cref="WorkflowInstance.State"/> may be empty. The default filters every instance in memory; database stores
    /// override it with one query shaped for their indexes.
    /// </summary>
    async Task<InstancePage> SearchAsync(InstanceSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var all = await ListAsync(new InstanceQuery(Take: int.MaxValue), cancellationToken);
        return search.Apply(all.Items);
    }
}

/// <summary>Another worker saved the instance first; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string instanceId, long expectedRevision)
    : Exception($"Instance {instanceId} changed since revision {expectedRevision} was read.")
{
    public string InstanceId { get; } = instanceId;
    public long ExpectedRevision { get; } = expectedRevision;
}
