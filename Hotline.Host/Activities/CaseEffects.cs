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
