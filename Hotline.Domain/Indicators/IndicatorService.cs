using System.Globalization;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The ten indicators (KPIs) and the monthly unit ranking, computed from the case timeline (<see cref="CaseEvent"/>)
/// alone, never from the case's mutable flags: the same events always give the same figures, and because every
/// figure only counts events before the period's end, the figures of a period that has ended never change.
/// </summary>
/// <remarks>
/// <para>
/// <b>Period.</b> [from, to) in local dates of the hotline's time zone (the calendar's, Asia/Shanghai): from 00:00 on
/// <c>from</c> to 00:00 on <c>to</c>. An event belongs to the period when its time does.
/// </para>
/// <para>
/// <b>Unit.</b> An event is attributed to the unit it names — the <c>unitCode</c> of a handling task's event
/// (<c>SignedFor</c>, <c>AnswerSubmitted</c>, <c>Returned</c>), the <c>leadUnitCode</c> of <c>Dispatched</c>, the
/// <c>unitCode</c> of <c>SubDispatched</c> — and otherwise (<c>Replied</c>, <c>CallbackRecorded</c>,
/// <c>ExtensionApproved</c>, <c>Closed</c>...) to the case's lead unit at that moment: the unit of its last
/// <c>Dispatched</c> or <c>SubDispatched</c> event before it. Events of a case never dispatched count city-wide only.
/// The definitions of the figures are on <see cref="IndicatorFigures"/>.
/// </para>
/// <para>
/// <b>Reading.</b> The events of the counted kinds in the period, one <c>(Kind, At)</c> index range per kind; then,
/// for the cases registered before the period, their earlier dispatches and deadlines through the case key (the lead
/// unit and the deadline in force are often set before the period starts) (<see cref="IndicatorTallies"/>). An ended
/// day or calendar month is read from its snapshot while the snapshot still agrees with the timeline
/// (<see cref="IndicatorSnapshotStore"/>).
/// </para>
/// </remarks>
public sealed class IndicatorService(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, IndicatorSnapshotStore snapshots, IOptions<IndicatorOptions> options)
{
    /// <summary>The longest period computed at once, in days.</summary>
    public const int MaxPeriodDays = 366;

    /// <summary>Whether a unit with that code exists (active or not).</summary>
    public async Task<bool> UnitExistsAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unitCode, cancellationToken);
    }

    /// <summary>
    /// The indicators of [<paramref name="from"/>, <paramref name="to"/>), city-wide and for every unit with something
    /// counted — or only for <paramref name="unitCode"/> when given. With <paramref name="districtCode"/>, a sub-centre's
    /// figures: only the cases of that district count, city-wide and per unit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>, or the period is longer than <see cref="MaxPeriodDays"/>.</exception>
    public async Task<IndicatorReport> ComputeAsync(DateOnly from, DateOnly to, string? unitCode = null, string? districtCode = null, CancellationToken cancellationToken = default)
    {
        if (to <= from)
            throw new ArgumentOutOfRangeException(nameof(to), to, "The period's end must be after its start (the end is excluded).");
        if (to.DayNumber - from.DayNumber > MaxPeriodDays)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A period may be at most {MaxPeriodDays} days long.");

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var zone = calendar.Hours.TimeZone;
        var (fromUtc, toUtc) = (StartOfDay(from, zone), StartOfDay(to, zone));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var (city, units) = await snapshots.TalliesAsync(db, from, to, fromUtc, toUtc, districtCode, cancellationToken);

        IEnumerable<string> codes = unitCode is null ? units.Keys : [unitCode];
        var codeList = codes.Order(StringComparer.Ordinal).ToList();
        var names = await db.HandlingUnits.AsNoTracking()
            .Where(u => codeList.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var perUnit = codeList
            .Select(code => new UnitIndicators(code, names.GetValueOrDefault(code), (units.GetValueOrDefault(code) ?? new IndicatorCounts()).ToFigures()))
            .ToList();
        return new IndicatorReport(from, to, zone.Id, city.ToFigures(), perUnit);
    }

    /// <summary>
    /// The unit ranking of a month (月度考核): every unit with something counted in the month, scored
    /// 100 × Σ weight × score ÷ Σ weight over the weighted figures the unit has a rate for (a unit with no answers
    /// is not scored on 按期办结率, rather than given 0 or full marks), where the score of 按期办结率, 满意率, 解决率 and
    /// 签收及时率 is the rate and that of 退单率 and 重办率 is 1 − rate. Weights from <see cref="IndicatorOptions.Weights"/>.
    /// Best first; equal scores (to 2 decimal places) share a rank and are listed by unit code.
    /// </summary>
    public async Task<RankingReport> RankAsync(int year, int month, string? districtCode = null, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1);
        var report = await ComputeAsync(from, to, districtCode: districtCode, cancellationToken: cancellationToken);
        var weights = options.Value.Weights;
        var scored = report.Units
            .Select(u => (Unit: u, Score: Score(u.Figures, weights)))
            .OrderBy(s => s.Score is null)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Unit.UnitCode, StringComparer.Ordinal)
            .ToList();
        var lines = scored.Select(s => new UnitRanking(
                1 + scored.Count(o => s.Score is null ? o.Score is not null : o.Score > s.Score),
                s.Unit.UnitCode, s.Unit.UnitName, s.Score, s.Unit.Figures))
            .ToList();
        return new RankingReport(from.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to,
            new RankingWeightsUsed(weights.OnTimeCompletion, weights.Satisfaction, weights.Resolution, weights.TimelySignFor, weights.Return, weights.Rehandle),
            lines);
    }

    /// <summary>The UTC moment a local date starts in <paramref name="zone"/>.</summary>
    internal static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        // A zone that skips midnight for daylight saving starts that day at the first valid minute.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static double? Score(IndicatorFigures figures, RankingWeights weights)
    {
        (Figure Figure, double Weight, bool Inverted)[] parts =
        [
            (figures.OnTimeCompletion, weights.OnTimeCompletion, false), (figures.Satisfaction, weights.Satisfaction, false),
            (figures.Resolution, weights.Resolution, false), (figures.TimelySignFor, weights.TimelySignFor, false),
            (figures.Return, weights.Return, true), (figures.Rehandle, weights.Rehandle, true),
        ];
        double total = 0, weightSum = 0;
        foreach (var (figure, weight, inverted) in parts)
        {
            if (figure.Denominator == 0 || weight == 0)
                continue;
            var rate = (double)figure.Numerator / figure.Denominator;
            total += weight * (inverted ? 1 - rate : rate);
            weightSum += weight;
        }

        return weightSum == 0 ? null : Math.Round(100 * total / weightSum, 2, MidpointRounding.AwayFromZero);
    }
}
