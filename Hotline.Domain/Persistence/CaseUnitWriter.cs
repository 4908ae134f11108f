using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Keeps <see cref="CaseUnit"/> in step with cases and tasks: a save that makes a unit a case's lead unit, or adds a
/// task for a unit on a case, adds the unit's row for that case in that same save (so in the same transaction), unless
/// the unit has one already.
/// </summary>
/// <remarks>
/// A hook on the context, like <see cref="SearchIndexer"/>: lead units are set by the routing and dispatch activities,
/// the desks and the reference import, tasks are added by workflow bursts, and none of them has to know of the rows.
/// A task's unit never changes once written (a move closes the task and opens another), so only added tasks count.
/// Writes that bypass the change tracker (<c>ExecuteUpdate</c>, raw SQL) bypass this too; none sets a lead unit or adds
/// a task. A save that sets no lead unit and adds no case task pays one look over the tracked entries; one that does,
/// for a case registered before it, one indexed read of the case's rows.
/// </remarks>
public sealed class CaseUnitWriter : SaveChangesInterceptor
{
    /// <summary>The writer; it holds no state.</summary>
    public static CaseUnitWriter Instance { get; } = new();

    private CaseUnitWriter()
    {
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            WriteAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            await WriteAsync(db, async: true, cancellationToken);
        return result;
    }

    /// <remarks>With <paramref name="async"/> false nothing is awaited that is not already complete.</remarks>
    private static async Task WriteAsync(HotlineDbContext db, bool async, CancellationToken cancellationToken)
    {
        var cases = db.ChangeTracker.Entries<Case>().ToList();
        var wanted = new HashSet<(Guid CaseId, string UnitCode)>();
        foreach (var entry in cases)
        {
            if (entry.Entity.LeadUnitCode is { Length: > 0 } lead
                && (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(c => c.LeadUnitCode).IsModified)))
                wanted.Add((entry.Entity.Id, lead));
        }

        foreach (var entry in db.ChangeTracker.Entries<InboxTask>())
        {
            if (entry.State == EntityState.Added && entry.Entity is { CaseId: { } caseId, UnitCode: { Length: > 0 } unit })
                wanted.Add((caseId, unit));
        }

        if (wanted.Count == 0)
            return;
        // A save tried again on the same context finds the rows it added the first time.
        foreach (var entry in db.ChangeTracker.Entries<CaseUnit>())
            wanted.Remove((entry.Entity.CaseId, entry.Entity.UnitCode));

        // A case this save registers has no rows yet; an earlier one's are read.
        var added = cases.Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var stored = wanted.Select(w => w.CaseId).Where(id => !added.Contains(id)).Distinct().ToList();
        var created = cases.ToDictionary(e => e.Entity.Id, e => e.Entity.CreatedAt);
        if (stored.Count > 0)
        {
            var rows = db.CaseUnits.Where(m => stored.Contains(m.CaseId)).Select(m => new { m.CaseId, m.UnitCode });
            foreach (var row in async ? await rows.ToListAsync(cancellationToken) : [.. rows])
                wanted.Remove((row.CaseId, row.UnitCode));
            var untracked = wanted.Select(w => w.CaseId).Where(id => !created.ContainsKey(id)).Distinct().ToList();
            if (untracked.Count > 0)
            {
                var moments = db.Cases.Where(c => untracked.Contains(c.Id)).Select(c => new { c.Id, c.CreatedAt });
                foreach (var moment in async ? await moments.ToListAsync(cancellationToken) : [.. moments])
                    created[moment.Id] = moment.CreatedAt;
            }
        }

        foreach (var (caseId, unitCode) in wanted)
        {
            // A task naming a case that does not exist keeps no case (InboxTaskRows); nothing to add for it.
            if (created.TryGetValue(caseId, out var createdAt))
                db.CaseUnits.Add(new CaseUnit { CaseId = caseId, UnitCode = unitCode, CaseCreatedAt = createdAt });
        }
    }
}
