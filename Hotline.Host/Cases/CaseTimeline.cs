using System.Text.Json.Nodes;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Cases;

/// <summary>
/// The only way events enter a case's timeline. Appending numbers the event after the case's last one and advances
/// the case's <see cref="Case.Version"/>, so two writers that change the same case from the same version cannot both
/// save: the second fails (<see cref="IsConflict"/>), reloads and retries — <see cref="UpdateCaseAsync"/> does that.
/// Nothing here updates or deletes an event.
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
    /// Loads a case into a new context, lets <paramref name="change"/> change it (appending its events with
    /// <see cref="Append"/>), saves, and on a conflict with another writer starts again from the saved case.
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

    /// <summary>
    /// Adds an event to the context (the caller saves) and marks the case changed at <paramref name="at"/>.
    /// The case must be tracked by <paramref name="db"/> (loaded or added through it).
    /// </summary>
    public static CaseEvent Append(this HotlineDbContext db, Case @case, CaseEventKind kind, CaseActor actor, DateTimeOffset at, JsonObject? data = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var utc = at.ToUniversalTime();
        @case.LastEventSequence++;
        @case.UpdatedAt = utc;
        @case.Version++;
        var @event = new CaseEvent
        {
            CaseId = @case.Id,
            Sequence = @case.LastEventSequence,
            At = utc,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Kind = kind,
            Data = data?.ToStoredJson(),
        };
        db.Add(@event);
        return @event;
    }

    /// <summary>
    /// Links <paramref name="newCase"/> and <paramref name="existing"/> as duplicates (重复诉求), both ways, with a
    /// <see cref="CaseEventKind.DuplicateLinked"/> event on each case. Cases already linked are left alone.
    /// All cases must be tracked by <paramref name="db"/>; the caller saves.
    /// </summary>
    public static void LinkDuplicates(this HotlineDbContext db, Case newCase, IEnumerable<Case> existing, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(existing);
        foreach (var other in existing)
        {
            if (other.Id == newCase.Id || newCase.LinkedCaseIds.Contains(other.Id))
                continue;
            newCase.LinkedCaseIds = [.. newCase.LinkedCaseIds, other.Id];
            other.LinkedCaseIds = [.. other.LinkedCaseIds, newCase.Id];
            db.Append(newCase, CaseEventKind.DuplicateLinked, actor, at, new JsonObject { ["caseId"] = other.Id.ToString(), ["number"] = other.Number, ["role"] = "duplicateOf" });
            db.Append(other, CaseEventKind.DuplicateLinked, actor, at, new JsonObject { ["caseId"] = newCase.Id.ToString(), ["number"] = newCase.Number, ["role"] = "duplicatedBy" });
        }
    }
}
