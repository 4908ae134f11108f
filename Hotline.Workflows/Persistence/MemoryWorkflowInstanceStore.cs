using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Instances in memory, with the same revision check as the database stores.</summary>
public sealed class MemoryWorkflowInstanceStore : IWorkflowInstanceStore
{
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BookmarkRef> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityExecutionRecord> _records = new(StringComparer.Ordinal);
    private readonly List<TaskRequest> _tasks = [];
    private readonly List<CompletedTask> _completed = [];
    private readonly Lock _lock = new();

    /// <summary>Every human task a saved burst completed, in commit order.</summary>
    public IReadOnlyList<CompletedTask> CompletedTasks
    {
        get
        {
            lock (_lock)
                return _completed.ToList();
        }
    }

    /// <summary>Every human task a saved burst created, in commit order (the memory store's task inbox).</summary>
    public IReadOnlyList<TaskRequest> Tasks
    {
        get
        {
            lock (_lock)
                return _tasks.ToList();
        }
    }

    /// <summary>Whether the journal and records are kept (benchmarks may turn them off to measure the engine alone).</summary>
    public bool KeepHistory { get; init; } = true;

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_instances.TryGetValue(instanceId, out var i) ? Copy(i) : null);
    }

    public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var current = _instances.GetValueOrDefault(commit.Instance.Id);
            if ((current?.Revision ?? 0) != commit.ExpectedRevision)
                throw new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
            _instances[commit.Instance.Id] = Copy(commit.Instance);
            foreach (var bookmark in commit.RemovedBookmarks)
                _bookmarks.Remove(bookmark.Id);
            foreach (var b in commit.AddedBookmarks)
                _bookmarks[b.Id] = new BookmarkRef(b.Id, commit.Instance.Id, b.Name, b.Hash, b.ResumeAt, commit.Instance.CorrelationId);
            _tasks.AddRange(commit.Tasks);
            _completed.AddRange(commit.CompletedTasks);
            if (!KeepHistory)
                return Task.CompletedTask;
            if (!_journal.TryGetValue(commit.Instance.Id, out var journal))
                _journal[commit.Instance.Id] = journal = [];
            journal.AddRange(commit.Journal);
            foreach (var record in commit.Records)
                _records[record.Id] = record;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<BookmarkRef>>(_bookmarks.Values
                .Where(b => b.Name == name && (hash is null || b.Hash == hash) && (correlationId is null || b.CorrelationId == correlationId) && (instanceId is null || b.WorkflowInstanceId == instanceId))
                .ToList());
    }

    public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<BookmarkRef>>(_bookmarks.Values.Where(b => b.ResumeAt <= dueBy).OrderBy(b => b.ResumeAt).Take(max).ToList());
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<JournalEntry>>((_journal.GetValueOrDefault(instanceId) ?? []).OrderBy(j => j.Sequence).Skip(skip).Take(take).ToList());
    }

    public Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<ActivityExecutionRecord>>(_records.Values.Where(r => r.WorkflowInstanceId == instanceId).OrderBy(r => r.StartedAt).ToList());
    }

    public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var matches = _instances.Values.Where(i =>
                    (query.DefinitionId is null || i.DefinitionId == query.DefinitionId) &&
                    (query.Status is null || i.Status == query.Status) &&
                    (query.SubStatus is null || i.SubStatus == query.SubStatus) &&
                    (query.CorrelationId is null || i.CorrelationId == query.CorrelationId))
                .OrderByDescending(i => i.CreatedAt).ToList();
            return Task.FromResult(new InstancePage(matches.Skip(query.Skip).Take(query.Take).Select(Copy).ToList(), matches.Count));
        }
    }

    public Task<InstanceDeletion> DeleteEndedAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_instances.TryGetValue(instanceId, out var instance))
                return Task.FromResult(InstanceDeletion.NotFound);
            if (instance.Status == WorkflowStatus.Running)
                return Task.FromResult(InstanceDeletion.Running);
            _instances.Remove(instanceId);
            foreach (var bookmark in _bookmarks.Values.Where(b => b.WorkflowInstanceId == instanceId).ToList())
                _bookmarks.Remove(bookmark.BookmarkId);
            _journal.Remove(instanceId);
            foreach (var record in _records.Values.Where(r => r.WorkflowInstanceId == instanceId).ToList())
                _records.Remove(record.Id);
            return Task.FromResult(InstanceDeletion.Deleted);
        }
    }

    private static WorkflowInstance Copy(WorkflowInstance i) => new()
    {
        Id = i.Id,
        DefinitionId = i.DefinitionId,
        DefinitionVersionId = i.DefinitionVersionId,
        Version = i.Version,
        Name = i.Name,
        CorrelationId = i.CorrelationId,
        Status = i.Status,
        SubStatus = i.SubStatus,
        CreatedAt = i.CreatedAt,
        UpdatedAt = i.UpdatedAt,
        FinishedAt = i.FinishedAt,
        IncidentCount = i.IncidentCount,
        State = (System.Text.Json.Nodes.JsonObject)i.State.DeepClone(),
        Revision = i.Revision,
    };
}
