using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>
/// Wraps an instance store so that, once armed, the next <c>parties</c> loads of an instance all return before any of
/// them goes on: every concurrent resume works on the same revision, so the revision check on commit must settle it.
/// Counts the conflicts the store reported.
/// </summary>
public sealed class RendezvousInstanceStore(IWorkflowInstanceStore inner) : IWorkflowInstanceStore
{
    // A safety net so that a broken rendezvous fails the test instead of hanging it; nothing waits for it normally.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _parties;
    private int _loads;
    private int _conflicts;

    /// <summary>Conflicts reported by <see cref="CommitAsync"/> so far.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Makes the next <paramref name="parties"/> loads wait for each other.</summary>
    public void Arm(int parties)
    {
        _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _loads, 0);
        Volatile.Write(ref _parties, parties);
    }

    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await inner.FindAsync(instanceId, cancellationToken);
        var parties = Volatile.Read(ref _parties);
        var arrived = Interlocked.Increment(ref _loads);
        if (arrived <= parties)
        {
            if (arrived == parties)
                _allLoaded.TrySetResult();
            await _allLoaded.Task.WaitAsync(Deadline, cancellationToken);
        }

        return instance;
    }

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.CommitAsync(commit, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default) =>
        inner.FindBookmarksAsync(name, hash, correlationId, instanceId, cancellationToken);

    public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        inner.FindDueBookmarksAsync(dueBy, max, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default) =>
        inner.GetJournalAsync(instanceId, skip, take, cancellationToken);

    public Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetRecordsAsync(instanceId, cancellationToken);

    public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, cancellationToken);
}
