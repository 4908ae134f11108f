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
}

/// <summary>Filter for instance lists.</summary>
public sealed record InstanceQuery(string? DefinitionId = null, WorkflowStatus? Status = null, WorkflowSubStatus? SubStatus = null, string? CorrelationId = null, int Skip = 0, int Take = 50);

/// <summary>A page of instances.</summary>
public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, long TotalCount);

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
}

/// <summary>Another worker saved the instance first; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string instanceId, long expectedRevision)
    : Exception($"Instance {instanceId} changed since revision {expectedRevision} was read.")
{
    public string InstanceId { get; } = instanceId;
    public long ExpectedRevision { get; } = expectedRevision;
}
