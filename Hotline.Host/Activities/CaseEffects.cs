using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// A change to one case, applied to the context that saves the instance: the case is read there (or taken from the
/// context when an earlier effect of the same burst added it), so its version token guards the change.
/// </summary>
internal sealed class CaseEffect(Guid caseId, Action<HotlineDbContext, Case> change) : IDbEffect
{
    public async Task ApplyAsync(HotlineDbContext db, CancellationToken cancellationToken)
    {
        var @case = db.Cases.Local.FirstOrDefault(c => c.Id == caseId)
            ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new KeyNotFoundException($"Case {caseId} does not exist.");
        change(db, @case);
    }
}

/// <summary>Reads the case id input shared by the case activities.</summary>
internal static class CaseIds
{
    public static Guid Parse(string? text) =>
        Guid.TryParse(text, out var id) ? id : throw new Hotline.Workflows.Runtime.WorkflowFaultException($"'{text}' is not a case id.");
}

/// <summary>Reads a case as the running burst sees it: saved, plus the changes the burst's activities have made so far.</summary>
internal static class CaseReader
{
    /// <summary>
    /// The case with the burst's pending effects applied (a case registered earlier in the same burst is found too), or
    /// null. The effects are applied to a throwaway context that is never saved; they are applied for real when the
    /// burst commits. The returned case is detached: change a case through a <see cref="CaseEffect"/>.
    /// </summary>
    public static async Task<Case?> FindAsync(Hotline.Workflows.Runtime.ActivityExecutionContext context, Guid caseId)
    {
        await using var db = await context.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var effects = context.Workflow.Effects.OfType<IDbEffect>().ToList();
        if (effects.Count == 0)
            return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId);
        foreach (var effect in effects)
            await effect.ApplyAsync(db, CancellationToken.None);
        return db.Cases.Local.FirstOrDefault(c => c.Id == caseId) ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId);
    }
}
