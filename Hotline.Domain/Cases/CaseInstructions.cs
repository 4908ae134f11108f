using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Cases;

/// <summary>
/// 督办意见: records a supervisor's or leader's instruction on an open case (<see cref="Case.Instruct"/>), in one save
/// with the lead unit's notification. The caller has checked who may instruct and that they may see the case.
/// </summary>
public sealed class CaseInstructions(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock)
{
    /// <summary>The longest instruction.</summary>
    public const int MaxLength = 1000;

    /// <summary>How often a save that lost a race with a workflow burst on the same case is tried again.</summary>
    private const int Attempts = 3;

    /// <summary>
    /// Records <paramref name="text"/> on case <paramref name="caseId"/> by <paramref name="actor"/>; the event written, or
    /// null when the case is no longer open (closed, voided, merged) or no longer there.
    /// </summary>
    public async Task<CaseEvent?> InstructAsync(Guid caseId, string text, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (@case is null || !@case.IsOpen)
                return null;
            var written = @case.Instruct(text, actor, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return written;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A workflow burst changed the case meanwhile (its version, or the next event's number, is taken): read it
                // again and append after its events.
            }
        }
    }
}
