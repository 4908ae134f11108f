using System.Globalization;
using Hotline.Host.Calendar;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Indicators;

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
/// unit and the deadline in force are often set before the period starts). Nothing else is read.
/// </para>
/// </remarks>
public sealed class IndicatorService(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, IOptions<IndicatorOptions> options)
{
    /// <summary>The longest period computed at once, in days.</summary>
    public const int MaxPeriodDays = 366;

    /// <summary>The kinds counted or followed in the period.</summary>
    private static readonly CaseEventKind[] PeriodKinds =
    [
        CaseEventKind.Registered, CaseEventKind.AnsweredFromKnowledgeBase, CaseEventKind.Closed, CaseEventKind.Dispatched,
        CaseEventKind.SubDispatched, CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved, CaseEventKind.Returned,
        CaseEventKind.AnswerSubmitted, CaseEventKind.SignedFor, CaseEventKind.Replied, CaseEventKind.CallbackRecorded,
        CaseEventKind.Reopened,
    ];

    /// <summary>The kinds read before the period: they decide the lead unit and the deadline in force.</summary>
    private static readonly CaseEventKind[] StateKinds =
        [CaseEventKind.Dispatched, CaseEventKind.SubDispatched, CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved];

    /// <summary>Whether a unit with that code exists (active or not).</summary>
    public async Task<bool> UnitExistsAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unitCode, cancellationToken);
    }

    /// <summary>
    /// The indicators of [<paramref name="from"/>, <paramref name="to"/>), city-wide and for every unit with something
    /// counted — or only for <paramref name="unitCode"/> when given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>, or the period is longer than <see cref="MaxPeriodDays"/>.</exception>
    public async Task<IndicatorReport> ComputeAsync(DateOnly from, DateOnly to, string? unitCode = null, CancellationToken cancellationToken = default)
    {
        if (to <= from)
            throw new ArgumentOutOfRangeException(nameof(to), to, "The period's end must be after its start (the end is excluded).");
        if (to.DayNumber - from.DayNumber > MaxPeriodDays)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A period may be at most {MaxPeriodDays} days long.");

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var zone = calendar.Hours.TimeZone;
        var (fromUtc, toUtc) = (StartOfDay(from, zone), StartOfDay(to, zone));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var events = await TimelineReader.InRangeAsync(db, PeriodKinds, fromUtc, toUtc, cancellationToken);
        var registeredHere = events.Where(e => e.Kind == CaseEventKind.Registered).Select(e => e.CaseId).ToHashSet();
        var older = events.Select(e => e.CaseId).Where(id => !registeredHere.Contains(id)).Distinct().ToList();
        events.AddRange(await TimelineReader.OfCasesAsync(db, older, StateKinds, fromUtc, cancellationToken));

        var city = new Counts();
        var units = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var timeline in TimelineReader.ByCase(events).Values)
            Walk(timeline, fromUtc, city, units);

        IEnumerable<string> codes = unitCode is null ? units.Keys : [unitCode];
        var codeList = codes.Order(StringComparer.Ordinal).ToList();
        var names = await db.HandlingUnits.AsNoTracking()
            .Where(u => codeList.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var perUnit = codeList
            .Select(code => new UnitIndicators(code, names.GetValueOrDefault(code), (units.GetValueOrDefault(code) ?? new Counts()).ToFigures()))
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
    public async Task<RankingReport> RankAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1);
        var report = await ComputeAsync(from, to, cancellationToken: cancellationToken);
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

    /// <summary>Walks one case's events in timeline order and adds what the period counts to the city's and the units' tallies.</summary>
    private static void Walk(List<TimelineEvent> timeline, DateTimeOffset fromUtc, Counts city, Dictionary<string, Counts> units)
    {
        Counts Unit(string code) => units.TryGetValue(code, out var counts) ? counts : units[code] = new Counts();
        IEnumerable<Counts> Tallies(string? unit) => unit is null ? [city] : [city, Unit(unit)];

        string? lead = null;
        DateTimeOffset? deadline = null;
        var registered = false;
        var closed = false;
        var dispatchedTo = new HashSet<string>(StringComparer.Ordinal);
        DispatchRound? dispatch = null;
        ReplyRound? reply = null;
        foreach (var e in timeline)
        {
            var counted = e.At >= fromUtc;
            switch (e.Kind)
            {
                case CaseEventKind.Registered when counted:
                    registered = true;
                    city.Registered++;
                    break;
                case CaseEventKind.AnsweredFromKnowledgeBase:
                    if (counted && registered && !closed)
                    {
                        city.DirectAnswers++;
                        city.Completed++;
                    }

                    closed = true;
                    break;
                case CaseEventKind.Closed:
                    if (counted && !closed)
                    {
                        if (registered)
                            city.Completed++;
                        if (lead is not null && dispatchedTo.Contains(lead))
                            Unit(lead).Completed++;
                        if (e.Text("result") == "Unreachable" && reply is { Counted: true, CalledBack: false })
                        {
                            reply.CalledBack = true;
                            foreach (var t in Tallies(reply.Unit))
                                t.CalledBack++;
                        }
                    }

                    closed = true;
                    break;
                case CaseEventKind.Dispatched or CaseEventKind.SubDispatched:
                    var to = TimelineReader.DispatchedUnit(e);
                    lead = to ?? lead;
                    dispatch = new DispatchRound(to, counted);
                    if (!counted)
                        break;
                    city.Dispatches++;
                    if (to is null)
                        break;
                    Unit(to).Dispatches++;
                    if (dispatchedTo.Add(to))
                        Unit(to).DispatchedCases++;
                    break;
                case CaseEventKind.DeadlineSet:
                    deadline = TimelineReader.DeadlineOf(e) ?? deadline;
                    break;
                case CaseEventKind.ExtensionApproved:
                    deadline = TimelineReader.DeadlineOf(e) ?? deadline;
                    if (counted && dispatch is { Counted: true, Extended: false })
                    {
                        dispatch.Extended = true;
                        foreach (var t in Tallies(dispatch.Unit))
                            t.Extended++;
                    }

                    break;
                case CaseEventKind.Returned when counted:
                    var returnedBy = e.Text("unitCode") ?? lead;
                    if (dispatch is { Counted: true, Returned: false } && dispatch.Unit == returnedBy)
                    {
                        dispatch.Returned = true;
                        foreach (var t in Tallies(dispatch.Unit))
                            t.Returned++;
                    }

                    break;
                case CaseEventKind.AnswerSubmitted when counted:
                    var onTime = deadline is null || e.At <= deadline;
                    foreach (var t in Tallies(e.Text("unitCode") ?? lead))
                    {
                        t.Answers++;
                        if (onTime)
                            t.AnswersOnTime++;
                    }

                    break;
                case CaseEventKind.SignedFor when counted && e.Text("kind") == "Handle":
                    var signedOnTime = e.Flag("onTime") == true;
                    foreach (var t in Tallies(e.Text("unitCode") ?? lead))
                    {
                        t.SignFors++;
                        if (signedOnTime)
                            t.SignForsOnTime++;
                    }

                    break;
                case CaseEventKind.Replied:
                    reply = new ReplyRound(lead, counted);
                    if (counted)
                    {
                        foreach (var t in Tallies(lead))
                            t.Replies++;
                    }

                    break;
                case CaseEventKind.CallbackRecorded when counted:
                    var outcome = e.Text("outcome");
                    var satisfied = outcome is "Satisfied" or "BasicallySatisfied";
                    var resolved = e.Flag("resolved") == true;
                    foreach (var t in Tallies(lead))
                    {
                        t.Reached++;
                        if (satisfied)
                            t.Satisfied++;
                        if (resolved)
                            t.Resolved++;
                    }

                    if (reply is { Counted: true, CalledBack: false })
                    {
                        reply.CalledBack = true;
                        foreach (var t in Tallies(reply.Unit))
                            t.CalledBack++;
                    }

                    break;
                case CaseEventKind.Reopened when counted:
                    if (reply is { Counted: true, Reopened: false })
                    {
                        reply.Reopened = true;
                        foreach (var t in Tallies(reply.Unit))
                            t.Reopened++;
                    }

                    break;
            }
        }
    }

    /// <summary>A dispatch and what happened while the unit had the case.</summary>
    private sealed class DispatchRound(string? unit, bool counted)
    {
        public string? Unit => unit;

        public bool Counted => counted;

        public bool Returned { get; set; }

        public bool Extended { get; set; }
    }

    /// <summary>A reply to the citizen and what followed it.</summary>
    private sealed class ReplyRound(string? unit, bool counted)
    {
        public string? Unit => unit;

        public bool Counted => counted;

        public bool CalledBack { get; set; }

        public bool Reopened { get; set; }
    }

    /// <summary>The tallies of the city or of one unit.</summary>
    private sealed class Counts
    {
        public int Registered { get; set; }

        public int DispatchedCases { get; set; }

        public int Completed { get; set; }

        public int DirectAnswers { get; set; }

        public int Answers { get; set; }

        public int AnswersOnTime { get; set; }

        public int Reached { get; set; }

        public int Satisfied { get; set; }

        public int Resolved { get; set; }

        public int Replies { get; set; }

        public int CalledBack { get; set; }

        public int Reopened { get; set; }

        public int SignFors { get; set; }

        public int SignForsOnTime { get; set; }

        public int Dispatches { get; set; }

        public int Returned { get; set; }

        public int Extended { get; set; }

        /// <summary>
        /// The figures. The city's completion is measured against registrations, a unit's against the cases dispatched
        /// to it (a unit never registers cases, so <see cref="Registered"/> is 0 for units).
        /// </summary>
        public IndicatorFigures ToFigures() => new(
            OnTimeCompletion: Figure.Of(AnswersOnTime, Answers),
            Completion: Figure.Of(Completed, Registered + DispatchedCases),
            Satisfaction: Figure.Of(Satisfied, Reached),
            Resolution: Figure.Of(Resolved, Reached),
            Callback: Figure.Of(CalledBack, Replies),
            TimelySignFor: Figure.Of(SignForsOnTime, SignFors),
            Return: Figure.Of(Returned, Dispatches),
            Extension: Figure.Of(Extended, Dispatches),
            Rehandle: Figure.Of(Reopened, Replies),
            DirectAnswer: Figure.Of(DirectAnswers, Registered));
    }
}
