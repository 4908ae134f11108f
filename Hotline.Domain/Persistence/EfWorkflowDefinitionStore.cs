using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// <see cref="IWorkflowDefinitionStore"/> on <see cref="HotlineDbContext"/>: each call uses a short-lived context, or,
/// for the reads of a workflow burst (<see cref="InScope"/>), the burst's own context.
/// </summary>
public sealed class EfWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly IDbContextFactory<HotlineDbContext>? _contexts;
    private readonly HotlineDbContext? _shared;

    /// <summary>A store whose calls each use a context of their own.</summary>
    public EfWorkflowDefinitionStore(IDbContextFactory<HotlineDbContext> contexts) => _contexts = contexts;

    private EfWorkflowDefinitionStore(HotlineDbContext shared) => _shared = shared;

    /// <summary>
    /// A store on a scope's context (a burst's), which it never disposes: the runtime reads the definitions a burst
    /// starts through it, so a start takes no context of its own. Meant for reads; a write would save the scope's pending
    /// changes with it.
    /// </summary>
    public static EfWorkflowDefinitionStore InScope(HotlineDbContext db) => new(db);

    private async ValueTask<Lease> OpenAsync(CancellationToken cancellationToken) =>
        _shared is not null ? new Lease(_shared, owned: false) : new Lease(await _contexts!.CreateDbContextAsync(cancellationToken), owned: true);

    /// <summary>A context for one call, disposed afterwards only when the call opened it.</summary>
    private readonly struct Lease(HotlineDbContext db, bool owned) : IAsyncDisposable
    {
        public HotlineDbContext Db => db;

        public ValueTask DisposeAsync() => owned ? db.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
        var document = await db.WorkflowDefinitions.Where(d => d.Id == versionId).Select(d => d.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : WorkflowDefinitionReader.Parse(document);
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
        var document = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version).Select(d => d.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : WorkflowDefinitionReader.Parse(document);
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
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
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
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
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
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
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
        return await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowDefinition>> ListAllVersionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(q => q.OrderBy(d => d.DefinitionId).ThenBy(d => d.Version), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
        return await db.WorkflowDefinitions.Where(d => d.Id == versionId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(Func<IQueryable<WorkflowDefinitionRow>, IQueryable<WorkflowDefinitionRow>> query, CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(cancellationToken);
        var db = lease.Db;
        var documents = await query(db.WorkflowDefinitions).Select(d => d.Document).ToListAsync(cancellationToken);
        return documents.Select(WorkflowDefinitionReader.Parse).ToList();
    }
}
