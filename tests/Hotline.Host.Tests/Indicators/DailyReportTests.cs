using Hotline.Host.Tests.Cases;
using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Tests.Indicators.TimelineSeed;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The daily report of Friday 20 March 2026 (China time) over a seeded fortnight: volumes, hot spots against the seven
/// days before (13–19 March), and the cases overdue at midnight. March 2026 has no holidays; 14–15 and 21–22 are weekends.
/// </summary>
public abstract class DailyReportTests : IAsyncLifetime
{
    private const string CG = "U-CG";
    private const string DH = "U-DH";
    private const string XH = "U-XH";
    private static readonly DateOnly Friday = new(2026, 3, 20);

    private CaseDatabase _database = null!;
    private readonly Dictionary<string, string> _numbers = [];

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await CreateAsync(null);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_count_the_days_cases_by_channel_and_type_and_the_direct_answers()
    {
        var report = await _database.Get<DailyReportService>().BuildAsync(Friday);

        Assert.Equal(Friday, report.Date);
        Assert.Equal("Asia/Shanghai", report.TimeZone);
        // NOISE 3 + ROAD 3 + LIGHT 2 + WATER 4 (the last at 23:59; not the one at 00:00 on the 21st) + EDGE 4 + 2 direct answers = 18.
        Assert.Equal(18, report.Registered);
        Assert.Equal(2, report.DirectAnswers);
        Assert.Equal(
            [("Phone", 12), ("Web", 3), ("Sms", 0), ("WeChat", 2), ("App", 1), ("MayorMailbox", 0), ("ProvincialPlatform", 0), ("PoliceTransfer", 0)],
            report.ByChannel.Select(v => (v.Key, v.Count)));
        Assert.Equal(
            [("Consultation", 2), ("Help", 4), ("Complaint", 9), ("Report", 2), ("Suggestion", 1), ("Praise", 0)],
            report.ByType.Select(v => (v.Key, v.Count)));
    }

    [Fact]
    public async Task Should_flag_the_subjects_and_districts_whose_count_doubled_with_at_least_three_cases()
    {
        var report = await _database.Get<DailyReportService>().BuildAsync(Friday);

        Assert.Equal(new HotSpotRule(2, 3, 7), report.HotSpotRule);
        Assert.Equal(
            [
                // 4 ≥ 2 × 14/7: exactly twice the average counts.
                new HotSpot("subject", "SR-EDGE", "边界", 4, 14, 2),
                // Nothing the week before: any 3 or more is a jump.
                new HotSpot("subject", "SR-WATER", "供水", 4, 0, 0),
                // 3 ≥ 2 × 7/7 (the case at 23:59 on the 12th is outside the seven days; the one at 00:00 on the 13th inside).
                new HotSpot("subject", "SR-NOISE", "噪声扰民", 3, 7, 1),
                // Not SR-ROAD (3 < 2 × 14/7), SR-LIGHT (2 < 3), SR-POLICY (2 < 3).
                // 990103: NOISE 3 + LIGHT 2 = 5 ≥ 2 × 7/7.
                new HotSpot("district", "990103", null, 5, 7, 1),
                new HotSpot("district", "990105", null, 4, 0, 0),
                new HotSpot("district", "990106", null, 4, 14, 2),
                // Not 990104 (3 < 4).
            ],
            report.HotSpots);
    }

    [Fact]
    public async Task Should_apply_the_configured_threshold_When_the_minimum_count_is_raised()
    {
        await using var raised = await CreateAsync(new Dictionary<string, string?> { ["Hotline:Indicators:HotSpotMinimumCount"] = "5" });

        var report = await raised.Get<DailyReportService>().BuildAsync(Friday);

        Assert.Equal(5, report.HotSpotRule.MinimumCount);
        Assert.Equal([("district", "990103", 5)], report.HotSpots.Select(h => (h.Dimension, h.Code, h.Count)));
    }

    [Fact]
    public async Task Should_list_the_cases_open_with_their_unit_past_the_deadline_in_force_at_midnight()
    {
        var report = await _database.Get<DailyReportService>().BuildAsync(Friday);

        Assert.Equal(
            [
                // Answered on the 12th but sent back on the 13th: due 13th, overdue 16–20 = 5 working days.
                (_numbers["O5"], DH, "东湖区政府", Due(13), 5),
                // Never answered: due Monday 16th, overdue 17–20 = 4.
                (_numbers["O1"], CG, "城管局", Due(16), 4),
                // Answered on the 23rd and closed on the 25th: still overdue on the 20th.
                (_numbers["O9"], DH, "东湖区政府", Due(17), 3),
                // Reopened on the 24th with an April deadline: on the 20th the deadline in force was the 18th.
                (_numbers["O8"], CG, "城管局", Due(18), 2),
                // Sub-dispatched to XH; and a reopened case that is with XH again (same deadline: by number).
                (_numbers["O11"], XH, "新华街道", Due(19), 1),
                (_numbers["O12"], XH, "新华街道", Due(19), 1),
                // Due that very day.
                (_numbers["O2"], CG, "城管局", Due(20), 0),
            ],
            report.Overdue.Select(o => (o.Number, o.LeadUnitCode!, o.LeadUnitName!, o.DeadlineAt, o.DaysOverdue)));
        Assert.All(report.Overdue, o => Assert.Equal(("SR-OTHER", "其他"), (o.SubjectCode!, o.SubjectName!)));
    }

    [Fact]
    public async Task Should_list_nothing_overdue_When_the_report_is_for_a_day_before_any_deadline()
    {
        var report = await _database.Get<DailyReportService>().BuildAsync(new DateOnly(2026, 3, 6));

        Assert.Empty(report.Overdue);
        Assert.Empty(report.HotSpots);
    }

    [Fact]
    public async Task Should_look_only_at_cases_registered_by_the_days_end_When_deadlines_were_set_after_it()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var candidates = await DailyReportService.OverdueCandidatesAsync(db, new DateTimeOffset(2026, 3, 21, 0, 0, 0, China).ToUniversalTime(), default);
        var numbers = await db.Cases.Where(c => candidates.Contains(c.Id)).Select(c => c.Number).ToListAsync();

        // Reopened on the 24th with a new deadline: a candidate for its deadline then (the 18th).
        Assert.Contains(_numbers["O8"], numbers);
        // Registered on the 21st, its first deadline set then: not a case on the 20th at all.
        Assert.DoesNotContain(_numbers["O10"], numbers);
    }

    private async Task<CaseDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        var database = await IndicatorDatabase.CreateAsync(Provider, settings);
        await using var db = await database.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = CG, Name = "城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = DH, Name = "东湖区政府", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = XH, Name = "新华街道", ParentCode = DH, Level = UnitLevel.Town, DistrictCode = "990103" },
            new Subject { Code = "SR-NOISE", Name = "噪声扰民" },
            new Subject { Code = "SR-WATER", Name = "供水" },
            new Subject { Code = "SR-EDGE", Name = "边界" },
            new Subject { Code = "SR-OTHER", Name = "其他" });
        var s = new TimelineSeed(db);
        _numbers.Clear();

        // The week before (13–19 March): NOISE once a day (the first at 00:00 on the 13th), ROAD and EDGE twice a day.
        s.Register(L(12, 23, 59), subject: "SR-NOISE", district: "990103");
        for (var day = 13; day <= 19; day++)
        {
            s.Register(day == 13 ? L(13, 0) : L(day, 10), subject: "SR-NOISE", district: "990103");
            for (var i = 0; i < 2; i++)
            {
                s.Register(L(day, 11 + i), subject: "SR-ROAD", district: "990104");
                s.Register(L(day, 14 + i), subject: "SR-EDGE", district: "990106");
            }
        }

        s.DirectAnswer(L(19, 23, 59));

        // Friday the 20th.
        foreach (var hour in new[] { 9, 10, 11 })
            s.Register(L(20, hour), CaseChannel.Phone, CaseType.Complaint, "SR-NOISE", "990103");
        s.Register(L(20, 9), CaseChannel.Phone, CaseType.Complaint, "SR-ROAD", "990104");
        s.Register(L(20, 10), CaseChannel.Web, CaseType.Complaint, "SR-ROAD", "990104");
        s.Register(L(20, 11), CaseChannel.Web, CaseType.Complaint, "SR-ROAD", "990104");
        s.Register(L(20, 9), CaseChannel.WeChat, CaseType.Help, "SR-LIGHT", "990103");
        s.Register(L(20, 10), CaseChannel.WeChat, CaseType.Help, "SR-LIGHT", "990103");
        s.Register(L(20, 9), CaseChannel.Phone, CaseType.Help, "SR-WATER", "990105");
        s.Register(L(20, 10), CaseChannel.Phone, CaseType.Help, "SR-WATER", "990105");
        s.Register(L(20, 11), CaseChannel.Phone, CaseType.Report, "SR-WATER", "990105");
        s.Register(L(20, 23, 59), CaseChannel.App, CaseType.Report, "SR-WATER", "990105");
        s.Register(new DateTimeOffset(2026, 3, 21, 0, 0, 0, China), CaseChannel.App, CaseType.Report, "SR-WATER", "990105");
        s.Register(L(20, 9), CaseChannel.Phone, CaseType.Complaint, "SR-EDGE", "990106");
        s.Register(L(20, 10), CaseChannel.Phone, CaseType.Complaint, "SR-EDGE", "990106");
        s.Register(L(20, 11), CaseChannel.Phone, CaseType.Complaint, "SR-EDGE", "990106");
        s.Register(L(20, 12), CaseChannel.Web, CaseType.Suggestion, "SR-EDGE", "990106");
        s.DirectAnswer(L(20, 9));
        s.DirectAnswer(L(20, 15));

        // Work orders about another subject and district, so they stay out of the hot spots.
        Case Order(string name, DateTimeOffset at)
        {
            var @case = s.Register(at, subject: "SR-OTHER", district: "990199");
            _numbers[name] = @case.Number;
            return @case;
        }

        var o1 = Order("O1", L(2, 9));
        s.Dispatch(o1, L(2, 9), CG, Due(16)).Sign(o1, L(2, 10), CG, onTime: true);
        var o11 = Order("O11", L(2, 9));
        s.Dispatch(o11, L(2, 9), DH, Due(19)).SubDispatch(o11, L(3, 10), XH).Sign(o11, L(3, 11), XH, onTime: true);
        var o12 = Order("O12", L(2, 10));
        s.Dispatch(o12, L(2, 10), XH, Due(9)).Answer(o12, L(6, 10), XH).AcceptAndReply(o12, L(6, 11))
            .Callback(o12, L(10, 10), "Unsatisfied", resolved: false).Reopen(o12, L(10, 10), Due(19));
        var o2 = Order("O2", L(13, 9));
        s.Dispatch(o2, L(13, 9), CG, Due(20));
        var o3 = Order("O3", L(10, 9));
        s.Dispatch(o3, L(10, 9), CG, Due(23));
        var o4 = Order("O4", L(5, 9));
        s.Dispatch(o4, L(5, 9), DH, Due(13)).Answer(o4, L(12, 10), DH);
        var o5 = Order("O5", L(5, 9));
        s.Dispatch(o5, L(5, 9), DH, Due(13)).Answer(o5, L(12, 10), DH).SendBack(o5, L(13, 9));
        var o6 = Order("O6", L(3, 9));
        s.Dispatch(o6, L(3, 9), CG, Due(10)).Answer(o6, L(9, 10), CG).Finish(o6, L(9, 11), L(11, 10), "Satisfied", resolved: true);
        var o7 = Order("O7", L(9, 9));
        s.Dispatch(o7, L(9, 9), CG, Due(18)).ApproveExtension(o7, L(17, 10), Due(25));
        var o8 = Order("O8", L(4, 9));
        s.Dispatch(o8, L(4, 9), CG, Due(18)).Answer(o8, L(23, 10), CG).AcceptAndReply(o8, L(23, 11))
            .Callback(o8, L(24, 10), "Unsatisfied", resolved: false).Reopen(o8, L(24, 10), new DateTimeOffset(2026, 4, 7, 17, 30, 0, China));
        var o9 = Order("O9", L(4, 9));
        s.Dispatch(o9, L(4, 9), DH, Due(17)).Answer(o9, L(23, 10), DH).Finish(o9, L(23, 11), L(25, 10), "Satisfied", resolved: true);
        var o10 = Order("O10", new DateTimeOffset(2026, 3, 21, 9, 0, 0, China));
        s.Dispatch(o10, new DateTimeOffset(2026, 3, 21, 9, 0, 0, China), CG, new DateTimeOffset(2026, 3, 21, 9, 0, 0, China));

        await db.SaveChangesAsync();
        return database;
    }
}

/// <summary>The daily report on SQLite.</summary>
public sealed class SqliteDailyReportTests : DailyReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The daily report on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlDailyReportTests : DailyReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
