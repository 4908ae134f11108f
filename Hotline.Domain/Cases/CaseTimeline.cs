using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Cases;

/// <summary>
/// Saving a case outside a workflow burst. A case records its own events (<see cref="Case.Record{TData}"/>), numbered
/// after its last one and advancing its <see cref="Case.Version"/>, so two writers that change the same case from the
/// same version cannot both save: the second fails (<see cref="IsConflict"/>), reloads and retries —
/// <see cref="UpdateCaseAsync"/> does that.
/// </summary>
public static class CaseTimeline
{
    /// <summary>
    /// How often <see cref="UpdateCaseAsync"/> tries before giving up. Every round of a race has a winner, so N writers
    /// at once need up to N attempts; this covers far more concurrent writers of one case than a hotline has.
    /// </summary>
    public const int MaxAttempts = 64;

    /// <summary>
    /// Whether a failed save lost a race for a case: the case's version had moved on
    /// (<see cref="DbUpdateConcurrencyException"/>), or — when the database inserted the event before updating the
    /// case — another writer had already taken the event's sequence number (a key violation on an added event).
    /// </summary>
    public static bool IsConflict(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is DbUpdateConcurrencyException ||
            exception.Entries.Any(e => e.Entity is CaseEvent && e.State == EntityState.Added);
    }

    /// <summary>
    /// Loads a case into a new context, lets <paramref name="change"/> change it (through its methods), saves, and on a conflict with another writer starts again from the saved case.
    /// Returns the case as saved.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No case has that id.</exception>
    public static async Task<Case> UpdateCaseAsync(
        this IDbContextFactory<HotlineDbContext> contexts,
        Guid caseId,
        Func<HotlineDbContext, Case, CancellationToken, Task> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
                ?? throw new KeyNotFoundException($"Case {caseId} does not exist.");
            await change(db, @case, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return @case;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && IsConflict(e))
            {
            }
        }
    }
}
