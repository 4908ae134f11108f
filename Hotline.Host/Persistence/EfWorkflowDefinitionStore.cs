using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Persistence;

/// <summary><see cref="IWorkflowDefinitionStore"/> on <see cref="HotlineDbContext"/>; each call uses a short-lived context.</summary>
public sealed class EfWorkflowDefinitionStore(IDbContextFactory<HotlineDbContext> contexts) : IWorkflowDefinitionStore
{
    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.WorkflowDefinitions.Where(d => d.Id == versionId).Select(d => d.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : WorkflowDefinitionReader.Parse(document);
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version).Select(d => d.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : WorkflowDefinitionReader.Parse(document);
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.IsLatest)
            .OrderByDescending(d => d.Version).Select(d => d.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : WorkflowDefinitionReader.Parse(document);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ListAsync(q => q.Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowDefinition>> ListLatestAsync(CancellationToken cancellationToken = default) =>
        ListAsync(q => q.Where(d => d.IsLatest).OrderBy(d => d.DefinitionId), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> FindPublishedVersionIdsAsync(IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitionIds);
        if (definitionIds.Count == 0)
            return new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = definitionIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished && ids.Contains(d.DefinitionId))
            .Select(d => new { d.DefinitionId, d.Id, d.Version }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DefinitionId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!.Id, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowDefinition>> ListUsableAsActivitiesAsync(CancellationToken cancellationToken = default) =>
        ListAsync(q => q.Where(d => d.IsPublished && d.UsableAsActivity).OrderBy(d => d.DefinitionId).ThenBy(d => d.Version), cancellationToken);

    /// <inheritdoc />
    public async Task SaveAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = versions.Select(v => v.Id).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.WorkflowDefinitions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var version in versions)
        {
            if (rows.TryGetValue(version.Id, out var row))
                row.CopyFrom(version);
            else
                db.WorkflowDefinitions.Add(rows[version.Id] = WorkflowDefinitionRow.From(version));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowDefinition>> ListAllVersionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(q => q.OrderBy(d => d.DefinitionId).ThenBy(d => d.Version), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowDefinitions.Where(d => d.Id == versionId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(Func<IQueryable<WorkflowDefinitionRow>, IQueryable<WorkflowDefinitionRow>> query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await query(db.WorkflowDefinitions).Select(d => d.Document).ToListAsync(cancellationToken);
        return documents.Select(WorkflowDefinitionReader.Parse).ToList();
    }
}
