using Hotline.Workflows.Definitions;

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
