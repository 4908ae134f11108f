using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The daily report (每日一报) for one local date of the hotline's time zone, from the case timeline and the stable
/// attributes every case gets at registration (channel, type, subject, district, number).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Volumes</b>: the cases registered that day (<c>Registered</c> events), by channel and by type.</item>
/// <item><b>Direct answers</b>: <c>AnsweredFromKnowledgeBase</c> events that day.</item>
/// <item>
/// <b>Hot spots</b>: a subject, or a district, is a hot spot when the cases registered about it that day are at least
/// <see cref="IndicatorOptions.HotSpotMinimumCount"/> (default 3) <i>and</i> at least
/// <see cref="IndicatorOptions.HotSpotMultiplier"/> (default 2) times its daily average over the
/// <see cref="IndicatorOptions.HotSpotBaselineDays"/> (default 7) days before (total ÷ days, days without cases
/// counting as 0). Cases without a subject or district are left out of that dimension.
/// </item>
/// <item>
/// <b>Overdue</b>: every case that at the end of the day (24:00 local) is open — no <c>Closed</c> or
/// <c>AnsweredFromKnowledgeBase</c> yet —, is with its unit — no <c>AnswerSubmitted</c> since it was last dispatched,
/// sent back (<c>AnswerSentBack</c>) or reopened (a submitted answer waiting for review or a callback is not the
/// unit's delay) — and whose deadline in force (last <c>DeadlineSet</c> or <c>ExtensionApproved</c>) has passed.
/// Days overdue are counted in working days (<see cref="WorkingDayCalendar.WorkingDaysBetween"/> from the deadline's
/// date to the report's date: 0 when it fell due that day).
/// </item>
/// </list>
/// The overdue search narrows the cases (open now with a deadline before the end of the day; closed since with a
/// deadline before it; registered before it with a deadline changed since, through the timeline's <c>(Kind, At)</c>
/// index) and then decides each candidate from its timeline alone; the rows only narrow, they never decide.
/// </remarks>
public sealed class DailyReportService(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, IOptions<IndicatorOptions> options)
{
    /// <summary>The dimension name of subject hot spots.</summary>
    public const string SubjectDimension = "subject";

    /// <summary>The dimension name of district hot spots.</summary>
    public const string DistrictDimension = "district";

    private static readonly CaseEventKind[] OverdueKinds =
    [
        CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved, CaseEventKind.Dispatched, CaseEventKind.SubDispatched,
        CaseEventKind.AnswerSubmitted, CaseEventKind.AnswerSentBack, CaseEventKind.Reopened, CaseEventKind.Closed,
        CaseEventKind.AnsweredFromKnowledgeBase,
    ];

    /// <summary>The report for <paramref name="date"/>.</summary>
    public async Task<DailyReport> BuildAsync(DateOnly date, string? districtCode = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var zone = calendar.Hours.TimeZone;
        var dayStart = IndicatorService.StartOfDay(date, zone);
        var dayEnd = IndicatorService.StartOfDay(date.AddDays(1), zone);
        var baselineStart = IndicatorService.StartOfDay(date.AddDays(-settings.HotSpotBaselineDays), zone);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var registrations = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Registered && e.At >= baselineStart && e.At < dayEnd)
            .Join(db.Cases.Where(TimelineReader.Counted), e => e.CaseId, c => c.Id, (e, c) => new { e.At, c.Channel, c.Type, c.SubjectCode, c.DistrictCode })
            .Where(r => districtCode == null || r.DistrictCode == districtCode)
            .ToListAsync(cancellationToken);
        var today = registrations.Where(r => r.At >= dayStart).ToList();
        var before = registrations.Where(r => r.At < dayStart).ToList();
        var directAnswers = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.AnsweredFromKnowledgeBase && e.At >= dayStart && e.At < dayEnd)
            .CountAsync(e => districtCode == null || db.Cases.Any(c => c.Id == e.CaseId && c.DistrictCode == districtCode), cancellationToken);

        var rule = new HotSpotRule(settings.HotSpotMultiplier, settings.HotSpotMinimumCount, settings.HotSpotBaselineDays);
        var hotSubjects = HotSpots(SubjectDimension, today.Select(r => r.SubjectCode), before.Select(r => r.SubjectCode), rule);
        var hotDistricts = HotSpots(DistrictDimension, today.Select(r => r.DistrictCode), before.Select(r => r.DistrictCode), rule);
        var overdue = await OverdueAsync(db, calendar, date, dayEnd, districtCode, cancellationToken);

        var subjectCodes = hotSubjects.Select(h => h.Code).Concat(overdue.Select(o => o.SubjectCode).OfType<string>()).Distinct().ToList();
        var subjectNames = await db.Subjects.AsNoTracking().Where(s => subjectCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);
        var unitCodes = overdue.Select(o => o.LeadUnitCode).OfType<string>().Distinct().ToList();
        var unitNames = await db.HandlingUnits.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);

        return new DailyReport(
            date,
            zone.Id,
            today.Count,
            directAnswers,
            [.. Enum.GetValues<CaseChannel>().Select(c => new VolumeLine(c.ToString(), today.Count(r => r.Channel == c)))],
            [.. Enum.GetValues<CaseType>().Select(t => new VolumeLine(t.ToString(), today.Count(r => r.Type == t)))],
            rule,
            [.. hotSubjects.Select(h => h with { Name = subjectNames.GetValueOrDefault(h.Code) }), .. hotDistricts],
            [.. overdue.Select(o => o with
            {
                SubjectName = o.SubjectCode is null ? null : subjectNames.GetValueOrDefault(o.SubjectCode),
                LeadUnitName = o.LeadUnitCode is null ? null : unitNames.GetValueOrDefault(o.LeadUnitCode),
            })]);
    }

    /// <summary>The codes whose count today meets the rule, largest count first, then by code (the daily report's and the day series' hot spots).</summary>
    internal static List<HotSpot> HotSpots(string dimension, IEnumerable<string?> today, IEnumerable<string?> before, HotSpotRule rule)
    {
        var baseline = before.OfType<string>().GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return today.OfType<string>()
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Count(), Baseline: baseline.GetValueOrDefault(g.Key)))
            // count ≥ multiplier × (baseline ÷ days), multiplied out so that no division rounds.
            .Where(s => s.Count >= rule.MinimumCount && s.Count * (double)rule.BaselineDays >= rule.Multiplier * s.Baseline)
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new HotSpot(dimension, s.Code, null, s.Count, s.Baseline, Math.Round((double)s.Baseline / rule.BaselineDays, 2, MidpointRounding.AwayFromZero)))
            .ToList();
    }

    private static async Task<List<OverdueCase>> OverdueAsync(
        HotlineDbContext db, WorkingDayCalendar calendar, DateOnly date, DateTimeOffset end, string? districtCode, CancellationToken cancellationToken)
    {
        var candidates = (await TimelineReader.CountedAsync(db, await OverdueCandidatesAsync(db, end, cancellationToken), districtCode, cancellationToken)).ToList();
        var events = await TimelineReader.OfCasesAsync(db, candidates, OverdueKinds, end, cancellationToken);
        var overdue = new List<(Guid CaseId, string? Lead, DateTimeOffset Deadline)>();
        foreach (var (caseId, timeline) in TimelineReader.ByCase(events))
        {
            if (OverdueAt(timeline, end) is { } state)
                overdue.Add((caseId, state.Lead, state.Deadline));
        }

        var cases = await NumbersAndSubjectsAsync(db, overdue.Select(o => o.CaseId).ToList(), cancellationToken);
        return overdue
            .Select(o => new OverdueCase(o.CaseId, cases[o.CaseId].Number, cases[o.CaseId].Subject, null, o.Lead, null, o.Deadline,
                Math.Max(0, calendar.WorkingDaysBetween(calendar.DateOf(o.Deadline), date).Value)))
            .OrderByDescending(o => o.DaysOverdue)
            .ThenBy(o => o.DeadlineAt)
            .ThenBy(o => o.Number, StringComparer.Ordinal)
            .ToList();
    }

    internal static async Task<List<Guid>> OverdueCandidatesAsync(HotlineDbContext db, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // Candidates, a superset of the cases overdue at the end of the day, each read through an index so that
        // yesterday's report costs what changed since (the timeline decides each one; reading the row of every case
        // registered before the end instead cost 350–600 ms at a million cases):
        // - open now, with a deadline before the end (the open cases' deadline index);
        var candidates = await db.Cases.AsNoTracking().Where(Case.Open)
            .Where(c => c.DeadlineAt != null && c.DeadlineAt < end && c.CreatedAt < end)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        // - closed since the end, with a deadline before it (the closing time's index: what closed since);
        candidates.AddRange(await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAt >= end && c.CreatedAt < end && c.DeadlineAt != null && c.DeadlineAt < end)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken));
        // - with a deadline changed since (an extension or a re-handling round moved it later; the deadline then in force
        //   is in the timeline), of a case registered before the end: every case registered since has its first deadline
        //   set since, and a report of a day six months back read the timelines of 600,000 later cases at a million.
        foreach (var kind in new[] { CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved })
        {
            candidates.AddRange(await db.CaseEvents.AsNoTracking()
                .Where(e => e.Kind == kind && e.At >= end && db.Cases.Any(c => c.Id == e.CaseId && c.CreatedAt < end))
                .Select(e => e.CaseId)
                .ToListAsync(cancellationToken));
        }

        return candidates;
    }

    /// <summary>The lead unit and deadline of a case whose timeline up to <paramref name="end"/> leaves it open, unanswered and past its deadline; null otherwise.</summary>
    private static (string? Lead, DateTimeOffset Deadline)? OverdueAt(List<TimelineEvent> timeline, DateTimeOffset end)
    {
        string? lead = null;
        DateTimeOffset? deadline = null;
        bool closed = false, answered = false;
        foreach (var e in timeline)
        {
            switch (e.Kind)
            {
                case CaseEventKind.DeadlineSet or CaseEventKind.ExtensionApproved:
                    deadline = TimelineReader.DeadlineOf(e) ?? deadline;
                    break;
                case CaseEventKind.Dispatched or CaseEventKind.SubDispatched:
                    lead = TimelineReader.DispatchedUnit(e) ?? lead;
                    answered = false;
                    break;
                case CaseEventKind.AnswerSubmitted:
                    answered = true;
                    break;
                case CaseEventKind.AnswerSentBack or CaseEventKind.Reopened:
                    answered = false;
                    break;
                case CaseEventKind.Closed or CaseEventKind.AnsweredFromKnowledgeBase:
                    closed = true;
                    break;
            }
        }

        return !closed && !answered && deadline is { } due && due < end ? (lead, due) : null;
    }

    private static async Task<Dictionary<Guid, (string Number, string? Subject)>> NumbersAndSubjectsAsync(HotlineDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var cases = new Dictionary<Guid, (string Number, string? Subject)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.SubjectCode }).ToListAsync(cancellationToken))
                cases[c.Id] = (c.Number, c.SubjectCode);
        }

        return cases;
    }
}
