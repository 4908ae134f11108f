using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.EntryPoints;

/// <summary>Which definitions other systems may start, and administrators' changes to that list.</summary>
public sealed class EntryPointService(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock)
{
    /// <summary>The entry point of a definition, or null when it cannot be started from outside.</summary>
    public async Task<WorkflowEntryPoint?> FindAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowEntryPoints.AsNoTracking().FirstOrDefaultAsync(e => e.DefinitionId == definitionId, cancellationToken);
    }

    /// <summary>Every entry point, by definition id.</summary>
    public async Task<IReadOnlyList<WorkflowEntryPoint>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowEntryPoints.AsNoTracking().OrderBy(e => e.DefinitionId).ToListAsync(cancellationToken);
    }

    /// <summary>Opens a definition to other systems, or changes how its input is checked.</summary>
    public async Task<WorkflowEntryPoint> OpenAsync(string definitionId, EntryPointIntake intake, string changedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.WorkflowEntryPoints.FirstOrDefaultAsync(e => e.DefinitionId == definitionId, cancellationToken);
        if (entry is null)
            db.Add(entry = new WorkflowEntryPoint { DefinitionId = definitionId });
        entry.Intake = intake;
        entry.ChangedBy = changedBy;
        entry.ChangedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(entry).State == EntityState.Added)
        {
            // Opened at the same moment by another administrator: theirs stands, then ours applies.
            return await OpenAsync(definitionId, intake, changedBy, cancellationToken);
        }

        return entry;
    }

    /// <summary>Closes a definition to other systems; returns whether it was open.</summary>
    public async Task<bool> CloseAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowEntryPoints.Where(e => e.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
