using Hotline.Workflows.Definitions;

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
