using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Stores instances, their bookmark index, journal and execution records.</summary>
public interface IWorkflowInstanceStore
{
    /// <summary>An instance by id.</summary>
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a burst. Throws <see cref="ConcurrencyConflictException"/> if the stored revision is not
    /// <see cref="WorkflowCommit.ExpectedRevision"/>; then nothing of the commit is saved. The commit's
    /// <see cref="WorkflowCommit.Tasks"/> are saved with it.
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

    /// <summary>
    /// Deletes an ended instance (finished, cancelled or faulted) with its bookmarks, journal and execution records, in
    /// one step that re-checks the status, so a running instance is never deleted. Human tasks the instance created stay:
    /// they belong to the cases' records.
    /// </summary>
    Task<InstanceDeletion> DeleteEndedAsync(string instanceId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not delete instances.");
}
