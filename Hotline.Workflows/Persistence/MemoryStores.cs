using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Definitions in memory (engine tests, the command-line runner, benchmarks).</summary>
public sealed class MemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Dictionary<string, WorkflowDefinition> _versions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_versions.GetValueOrDefault(versionId)?.Clone());
    }

    public Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(d => d.DefinitionId == definitionId && d.IsPublished).LastOrDefault());

    public Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(d => d.DefinitionId == definitionId && d.IsLatest).LastOrDefault());

    public Task<IReadOnlyList<WorkflowDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkflowDefinition>>(Where(d => d.DefinitionId == definitionId));

    public Task<IReadOnlyList<WorkflowDefinition>> ListLatestAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkflowDefinition>>(Where(d => d.IsLatest));

    public Task<IReadOnlyDictionary<string, string>> FindPublishedVersionIdsAsync(IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyDictionary<string, string>>(_versions.Values
                .Where(d => d.IsPublished && definitionIds.Contains(d.DefinitionId))
                .GroupBy(d => d.DefinitionId)
                .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.Id, StringComparer.Ordinal));
    }

    public Task<IReadOnlyList<WorkflowDefinition>> ListUsableAsActivitiesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkflowDefinition>>(Where(d => d.IsPublished && d.UsableAsActivity));

    public Task SaveAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            foreach (var version in versions)
                _versions[version.Id] = version.Clone();
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ids = _versions.Values.Where(d => d.DefinitionId == definitionId).Select(d => d.Id).ToList();
            ids.ForEach(id => _versions.Remove(id));
            return Task.FromResult(ids.Count);
        }
    }

    private List<WorkflowDefinition> Where(Func<WorkflowDefinition, bool> predicate)
    {
        lock (_lock)
            return _versions.Values.Where(predicate).OrderBy(d => d.Version).Select(d => d.Clone()).ToList();
    }
}

/// <summary>Instances in memory, with the same revision check as the database stores.</summary>
public sealed class MemoryWorkflowInstanceStore : IWorkflowInstanceStore
{
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BookmarkRef> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityExecutionRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

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
            foreach (var effect in commit.Effects)
            {
                if (effect is not IMemoryEffect memoryEffect)
                    throw new NotSupportedException($"The memory store cannot save a {effect.GetType().Name}.");
                memoryEffect.Apply();
            }

            _instances[commit.Instance.Id] = Copy(commit.Instance);
            foreach (var bookmark in commit.RemovedBookmarks)
                _bookmarks.Remove(bookmark.Id);
            foreach (var b in commit.AddedBookmarks)
                _bookmarks[b.Id] = new BookmarkRef(b.Id, commit.Instance.Id, b.Name, b.Hash, b.ResumeAt, commit.Instance.CorrelationId);
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

/// <summary>An effect the memory store can apply (tests and tools without a database).</summary>
public interface IMemoryEffect
{
    /// <summary>Applies the change.</summary>
    void Apply();
}
