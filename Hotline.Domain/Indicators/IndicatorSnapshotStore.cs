using System.Text.Json;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The tallies of a period, from its snapshot (<see cref="IndicatorSnapshot"/>) when the period is an ended day or
/// calendar month whose snapshot still agrees with the timeline, computed otherwise (and kept, for an ended day or month).
/// </summary>
/// <remarks>
/// A month at a million cases holds ~700,000 counted events: reading them takes seconds, checking a snapshot two
/// index-only counts (tens of milliseconds). The check compares the period's counted events and the voided or merged
/// cases registered before its end with what they were when the snapshot was made, so an event written into the period
/// afterwards, a case voided, merged or erased later, makes it compute again: the figures are always those the timeline
/// gives now. <see cref="IndicatorSnapshotRefresher"/> makes the snapshots of the last months ahead of the first reader.
/// </remarks>
public sealed class IndicatorSnapshotStore(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, ILogger<IndicatorSnapshotStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly CaseStatus[] Excluded = [CaseStatus.Voided, CaseStatus.Merged];

    /// <summary>The tallies of [<paramref name="from"/>, <paramref name="to"/>) (UTC bounds given), city-wide or for <paramref name="districtCode"/>.</summary>
    internal async Task<IndicatorTallies> TalliesAsync(
        HotlineDbContext db, DateOnly from, DateOnly to, DateTimeOffset fromUtc, DateTimeOffset toUtc, string? districtCode, CancellationToken cancellationToken)
    {
        if (!Kept(from, to, toUtc))
            return (await IndicatorTallies.ComputeAsync(db, fromUtc, toUtc, [districtCode], cancellationToken))[IndicatorTallies.Key(districtCode)];

        var (events, excluded) = await StateAsync(db, fromUtc, toUtc, cancellationToken);
        var key = IndicatorTallies.Key(districtCode);
        var snapshot = await db.IndicatorSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.From == from && s.To == to && s.DistrictKey == key, cancellationToken);
        if (snapshot is not null && snapshot.EventCount == events && snapshot.ExcludedCaseCount == excluded
            && JsonSerializer.Deserialize<IndicatorTallies>(snapshot.Tallies, Json) is { } kept)
            return kept;

        var tallies = await IndicatorTallies.ComputeAsync(db, fromUtc, toUtc, [districtCode], cancellationToken);
        await SaveAsync(from, to, events, excluded, tallies, cancellationToken);
        return tallies[key];
    }

    /// <summary>
    /// Makes (or makes again, when they no longer agree with the timeline) the snapshots of an ended period for the whole
    /// city and for each of <paramref name="districtCodes"/>, from one reading of the timeline; returns how many it made.
    /// </summary>
    public async Task<int> RefreshAsync(DateOnly from, DateOnly to, DateTimeOffset fromUtc, DateTimeOffset toUtc, IReadOnlyCollection<string> districtCodes, CancellationToken cancellationToken)
    {
        if (!Kept(from, to, toUtc))
            return 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (events, excluded) = await StateAsync(db, fromUtc, toUtc, cancellationToken);
        var keys = districtCodes.Select(IndicatorTallies.Key).Append("").ToHashSet(StringComparer.Ordinal);
        var current = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.From == from && s.To == to && s.EventCount == events && s.ExcludedCaseCount == excluded)
            .Select(s => s.DistrictKey).ToListAsync(cancellationToken);
        keys.ExceptWith(current);
        if (keys.Count == 0)
            return 0;
        var tallies = await IndicatorTallies.ComputeAsync(db, fromUtc, toUtc, keys.Select(k => k.Length == 0 ? null : k).ToList(), cancellationToken);
        await SaveAsync(from, to, events, excluded, tallies, cancellationToken);
        return tallies.Count;
    }

    /// <summary>Whether a period's tallies are kept: it has ended, and it is one day or one calendar month.</summary>
    internal bool Kept(DateOnly from, DateOnly to, DateTimeOffset toUtc) =>
        toUtc <= clock.GetUtcNow() && (to == from.AddDays(1) || (from.Day == 1 && to == from.AddMonths(1)));

    /// <summary>What a snapshot is checked against: the period's counted events, and the voided or merged cases registered before its end.</summary>
    private static async Task<(int Events, int Excluded)> StateAsync(HotlineDbContext db, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var kinds = IndicatorTallies.PeriodKinds;
        var events = await db.CaseEvents.AsNoTracking().CountAsync(e => kinds.Contains(e.Kind) && e.At >= fromUtc && e.At < toUtc, cancellationToken);
        var excluded = await db.Cases.AsNoTracking().CountAsync(c => Excluded.Contains(c.Status) && c.CreatedAt < toUtc, cancellationToken);
        return (events, excluded);
    }

    /// <summary>Writes the snapshots in their own unit of work; one written meanwhile by another reader is replaced.</summary>
    private async Task SaveAsync(DateOnly from, DateOnly to, int events, int excluded, Dictionary<string, IndicatorTallies> tallies, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var keys = tallies.Keys.ToList();
            await db.IndicatorSnapshots.Where(s => s.From == from && s.To == to && keys.Contains(s.DistrictKey)).ExecuteDeleteAsync(cancellationToken);
            var now = clock.GetUtcNow();
            db.IndicatorSnapshots.AddRange(tallies.Select(t => new IndicatorSnapshot
            {
                From = from, To = to, DistrictKey = t.Key, EventCount = events, ExcludedCaseCount = excluded, ComputedAt = now,
                Tallies = JsonSerializer.Serialize(t.Value, Json),
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another reader wrote the same snapshot at the same moment: theirs is as good; the figures were computed anyway.
            logger.LogDebug(e, "The indicator snapshot of {From}–{To} was written by another reader.", from, to);
        }
    }
}
