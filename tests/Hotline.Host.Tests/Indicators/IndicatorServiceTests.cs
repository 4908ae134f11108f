using Hotline.Host.Tests.Cases;
using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using static Hotline.Host.Tests.Indicators.TimelineSeed;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The indicators of a seeded month (March 2026, China time) against figures computed by hand: 22 cases across three
/// units, written straight into the timeline, with every kind of event the figures count, cases that start in
/// February and end in April, and events minutes either side of the month's edges.
/// </summary>
public abstract class IndicatorServiceTests : IAsyncLifetime
{
    private const string CG = "U-CG";
    private const string DH = "U-DH";
    private const string XH = "U-XH";
    private const string Idle = "U-IDLE";

    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await IndicatorDatabase.CreateAsync(Provider);
        await SeedMarchAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_match_the_hand_computed_city_wide_figures_When_the_month_is_seeded()
    {
        var report = await _database.Get<IndicatorService>().ComputeAsync(March, April);

        Assert.Equal(March, report.From);
        Assert.Equal(April, report.To);
        Assert.Equal("Asia/Shanghai", report.TimeZone);
        Assert.Equal(
            new IndicatorFigures(
                // Answers submitted in March: CG 7 (4 on time) + DH 6 (5) + XH 4 (3) = 17, 12 on time.
                OnTimeCompletion: F(12, 17),
                // Registered in March: 4 direct answers + CG1-5, CG7, CG8 + DH1-5 + XH1-3 = 19; closed before April:
                // the 4 direct answers + CG1-4 + DH1-3 + XH1-2 = 13.
                Completion: F(13, 19),
                // Callbacks reached in March: CG 6 + DH 3 + XH 5 = 14; satisfied or basically: 5 + 1 + 4 = 10.
                Satisfaction: F(10, 14),
                // Resolved: 4 + 1 + 4 = 9 of 14.
                Resolution: F(9, 14),
                // Replies in March: CG 7 + DH 5 + XH 4 = 16; called back before April: 6 + 4 (CG3 closed unreachable) + 4 = 14.
                Callback: F(14, 16),
                // Sign-fors of handling tasks: CG 8 (6 on time) + DH 7 (6) + XH 5 (4) = 20, 16 on time; the centre's late review sign-for does not count.
                TimelySignFor: F(16, 20),
                // Dispatches in March: CG 7 + DH 6 + XH 4 = 17; returned: CG3 and DH5 (returned twice, one dispatch) = 2.
                Return: F(2, 17),
                // Extended: CG4 and XH3 (twice, one dispatch) = 2 of 17.
                Extension: F(2, 17),
                // Reopened after a March reply: CG2, CG8, DH1 = 3 of 16 (XH4's reopening followed a February reply).
                Rehandle: F(3, 16),
                // Direct answers registered in March: 4 of 19 (the one at 00:10 on 1 April is April's).
                DirectAnswer: F(4, 19),
                CitizenSatisfaction: F(0, 0)),
            report.CityWide);
    }

    [Fact]
    public async Task Should_match_the_hand_computed_figures_of_every_unit_When_the_month_is_seeded()
    {
        var report = await _database.Get<IndicatorService>().ComputeAsync(March, April);

        Assert.Equal([CG, DH, XH], report.Units.Select(u => u.UnitCode));
        Assert.Equal(["城管局", "东湖区政府", "新华街道"], report.Units.Select(u => u.UnitName));
        Assert.Equal(
            new IndicatorFigures(
                // CG1 ✓, CG2 ✗ (11th after the 10th) then ✓, CG4 ✓ (on the extended deadline), CG6 ✗ (February's deadline of
                // 4 March), CG8 ✓ (17:00 on the day) then ✗ (31st after the re-handling deadline of the 30th): 4 of 7.
                OnTimeCompletion: F(4, 7),
                // Dispatched in March: CG1-5, CG7, CG8; closed with CG as lead: CG1, CG2, CG4 (CG3 was closed with DH): 3 of 7.
                Completion: F(3, 7),
                // CG1 S, CG2 U then BS, CG4 S, CG6 S, CG8 S (unresolved): 5 of 6 satisfied, 4 of 6 resolved.
                Satisfaction: F(5, 6),
                Resolution: F(4, 6),
                // Replies CG1, CG2 ×2, CG4, CG6, CG8 ×2 = 7; all called back before April but CG8's second: 6.
                Callback: F(6, 7),
                // CG1 ✓, CG2 ✗ ✓, CG3 ✓, CG4 ✓, CG5 ✓, CG8 ✗ ✓ = 6 of 8 (CG6 signed in February, CG7 in April).
                TimelySignFor: F(6, 8),
                Return: F(1, 7),
                Extension: F(1, 7),
                // CG2's and CG8's first replies led to re-handling: 2 of 7.
                Rehandle: F(2, 7),
                DirectAnswer: F(0, 0),
                CitizenSatisfaction: F(0, 0)),
            report.Units[0].Figures);
        Assert.Equal(
            new IndicatorFigures(
                // CG3 ✓ (after the redispatch), DH1 ✓ ✓, DH2 ✓ then ✗ (resubmitted after the deadline), DH5 ✓: 5 of 6.
                OnTimeCompletion: F(5, 6),
                // Dispatched in March: CG3 (redispatch), DH1-5; closed with DH as lead: CG3, DH1, DH2 (DH3 closed with XH): 3 of 6.
                Completion: F(3, 6),
                // DH1 U, U; DH2 S (DH3's callback is XH's; DH5's is in April).
                Satisfaction: F(1, 3),
                Resolution: F(1, 3),
                // Replies CG3, DH1 ×2, DH2, DH5 = 5; called back: all but DH5 (April).
                Callback: F(4, 5),
                // CG3 ✓, DH1 ✓ ✓, DH2 ✗, DH3 ✓, DH4 ✓, DH5 ✓ = 6 of 7.
                TimelySignFor: F(6, 7),
                Return: F(1, 6),
                // DH4's extension was refused.
                Extension: F(0, 6),
                Rehandle: F(1, 5),
                DirectAnswer: F(0, 0),
                CitizenSatisfaction: F(0, 0)),
            report.Units[1].Figures);
        Assert.Equal(
            new IndicatorFigures(
                // DH3 ✓, XH1 ✓, XH2 ✗, XH4 ✓ (re-handling deadline set in March): 3 of 4.
                OnTimeCompletion: F(3, 4),
                // Dispatched in March: DH3 (sub-dispatch), XH1-3; closed: DH3, XH1, XH2 = 3 of 4 (XH4 was dispatched in February).
                Completion: F(3, 4),
                // DH3 BS, XH1 S, XH2 S, XH4 U (February's reply, March's callback; lead unit from February) then S.
                Satisfaction: F(4, 5),
                Resolution: F(4, 5),
                Callback: F(4, 4),
                // DH3 ✗, XH1 ✓, XH2 ✓, XH3 ✓, XH4 ✓.
                TimelySignFor: F(4, 5),
                Return: F(0, 4),
                Extension: F(1, 4),
                Rehandle: F(0, 4),
                DirectAnswer: F(0, 0),
                CitizenSatisfaction: F(0, 0)),
            report.Units[2].Figures);
    }

    [Fact]
    public async Task Should_count_only_the_events_of_the_local_day_When_the_period_is_the_last_day_of_the_month()
    {
        var report = await _database.Get<IndicatorService>().ComputeAsync(new DateOnly(2026, 3, 31), April);

        Assert.Equal(
            new IndicatorFigures(
                // CG8's second answer at 10:00, after the re-handling deadline of the 30th (set on the 16th).
                OnTimeCompletion: F(0, 1),
                // Registered on the 31st (China time): the direct answer at 23:00 and CG7 at 23:30; not the one at 00:10 on 1 April.
                Completion: F(1, 2),
                Satisfaction: F(0, 0),
                Resolution: F(0, 0),
                Callback: F(0, 1),
                TimelySignFor: F(0, 0),
                // CG7's dispatch; XH3's extension that day belongs to a dispatch of the 25th.
                Return: F(0, 1),
                Extension: F(0, 1),
                Rehandle: F(0, 1),
                DirectAnswer: F(1, 2),
                CitizenSatisfaction: F(0, 0)),
            report.CityWide);
        var unit = Assert.Single(report.Units);
        Assert.Equal(CG, unit.UnitCode);
        Assert.Equal(F(0, 1), unit.Figures.OnTimeCompletion);
        Assert.Equal(F(0, 1), unit.Figures.Completion);
    }

    [Fact]
    public async Task Should_give_only_the_unit_asked_for_with_empty_figures_When_it_had_nothing_to_do()
    {
        var service = _database.Get<IndicatorService>();

        var idle = await service.ComputeAsync(March, April, Idle);
        var cg = await service.ComputeAsync(March, April, CG);

        var unit = Assert.Single(idle.Units);
        Assert.Equal((Idle, "空闲单位"), (unit.UnitCode, unit.UnitName));
        Assert.All(Figures(unit.Figures), f => Assert.Equal(new Figure(0, 0, null), f));
        Assert.Equal(F(12, 17), idle.CityWide.OnTimeCompletion);
        Assert.Equal(F(4, 7), Assert.Single(cg.Units).Figures.OnTimeCompletion);
    }

    [Fact]
    public async Task Should_rank_the_units_by_the_weighted_score_When_the_month_is_ranked()
    {
        var ranking = await _database.Get<IndicatorService>().RankAsync(2026, 3);

        Assert.Equal("2026-03", ranking.Month);
        Assert.Equal(new RankingWeightsUsed(30, 30, 20, 10, 5, 5), ranking.Weights);
        // XH: 30×3/4 + 30×4/5 + 20×4/5 + 10×4/5 + 5×(1−0) + 5×(1−0) = 22.5 + 24 + 16 + 8 + 5 + 5 = 80.5
        // CG: 30×4/7 + 30×5/6 + 20×4/6 + 10×6/8 + 5×(1−1/7) + 5×(1−2/7) = 17.1429 + 25 + 13.3333 + 7.5 + 4.2857 + 3.5714 = 70.83
        // DH: 30×5/6 + 30×1/3 + 20×1/3 + 10×6/7 + 5×(1−1/6) + 5×(1−1/5) = 25 + 10 + 6.6667 + 8.5714 + 4.1667 + 4 = 58.40
        Assert.Equal(
            [(1, XH, 80.5), (2, CG, 70.83), (3, DH, 58.4)],
            ranking.Units.Select(u => (u.Rank, u.UnitCode, u.Score!.Value)));
    }

    [Fact]
    public async Task Should_rank_with_the_configured_weights_When_weights_are_set()
    {
        await using var weighted = await IndicatorDatabase.CreateAsync(Provider, new Dictionary<string, string?>
        {
            ["Hotline:Indicators:Weights:OnTimeCompletion"] = "1",
            ["Hotline:Indicators:Weights:Satisfaction"] = "0",
            ["Hotline:Indicators:Weights:Resolution"] = "0",
            ["Hotline:Indicators:Weights:TimelySignFor"] = "0",
            ["Hotline:Indicators:Weights:Return"] = "0",
            ["Hotline:Indicators:Weights:Rehandle"] = "0",
        });
        await using (var db = await weighted.Contexts.CreateDbContextAsync())
        {
            var seed = new TimelineSeed(db);
            // Two units with one on-time answer each tie at 100; a third with a late one scores 0.
            foreach (var (unit, answered) in new[] { ("U-B", L(5, 10)), ("U-A", L(5, 10)), ("U-C", L(20, 10)) })
            {
                var @case = seed.Register(L(2, 9));
                seed.Dispatch(@case, L(2, 9), unit, Due(16)).Answer(@case, answered, unit);
            }

            await db.SaveChangesAsync();
        }

        var ranking = await weighted.Get<IndicatorService>().RankAsync(2026, 3);

        Assert.Equal([(1, "U-A", 100.0), (1, "U-B", 100.0), (3, "U-C", 0.0)], ranking.Units.Select(u => (u.Rank, u.UnitCode, u.Score!.Value)));
    }

    [Fact]
    public async Task Should_refuse_a_period_that_ends_before_it_starts_or_is_longer_than_a_year()
    {
        var service = _database.Get<IndicatorService>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.ComputeAsync(April, March));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.ComputeAsync(March, March));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.ComputeAsync(March, March.AddDays(IndicatorService.MaxPeriodDays + 1)));
        // A full year from 1 March: March's 19 registrations and 4 direct answers, and April's direct answer.
        Assert.Equal(F(5, 20), (await service.ComputeAsync(March, March.AddDays(IndicatorService.MaxPeriodDays))).CityWide.DirectAnswer);
    }

    [Fact]
    public async Task Should_count_the_citizens_own_ratings_by_the_lead_unit_When_cases_were_rated_in_the_period()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var s = new TimelineSeed(db);
            foreach (var (day, rating) in new[] { (10, CitizenRating.Satisfied), (11, CitizenRating.BasicallySatisfied), (12, CitizenRating.Unsatisfied), (20, CitizenRating.Satisfied) })
            {
                var @case = s.Register(Apr(day, 9));
                s.Dispatch(@case, Apr(day, 9), CG, Apr(day + 3, 17)).AcceptAndReply(@case, Apr(day, 15));
                // The last one is rated on 1 May: outside the period.
                @case.Rate(rating, "评价", day == 20 ? new DateTimeOffset(2026, 5, 1, 9, 0, 0, China) : Apr(day, 16));
            }

            await db.SaveChangesAsync();
        }

        var report = await _database.Get<IndicatorService>().ComputeAsync(April, new DateOnly(2026, 5, 1));
        var march = await _database.Get<IndicatorService>().ComputeAsync(March, April);

        Assert.Equal(F(2, 3), report.CityWide.CitizenSatisfaction);
        Assert.Equal(F(2, 3), Assert.Single(report.Units, u => u.UnitCode == CG).Figures.CitizenSatisfaction);
        Assert.Equal(F(0, 0), march.CityWide.CitizenSatisfaction);
    }

    private static Figure F(int numerator, int denominator) => Figure.Of(numerator, denominator);

    private static IEnumerable<Figure> Figures(IndicatorFigures f) =>
        [f.OnTimeCompletion, f.Completion, f.Satisfaction, f.Resolution, f.Callback, f.TimelySignFor, f.Return, f.Extension, f.Rehandle, f.DirectAnswer, f.CitizenSatisfaction];

    private static DateTimeOffset Feb(int day, int hour, int minute = 0) => new(2026, 2, day, hour, minute, 0, China);

    private static DateTimeOffset Apr(int day, int hour, int minute = 0) => new(2026, 4, day, hour, minute, 0, China);

    /// <summary>
    /// March 2026. Times are China time; a deadline "Due(n)" is 17:30 on the n-th. ✓/✗: on time or late.
    /// </summary>
    private async Task SeedMarchAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = CG, Name = "城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = DH, Name = "东湖区政府", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = XH, Name = "新华街道", ParentCode = DH, Level = UnitLevel.Town, DistrictCode = "990103" },
            new HandlingUnit { Code = Idle, Name = "空闲单位", Level = UnitLevel.District, DistrictCode = "990103" });
        var s = new TimelineSeed(db);

        // Direct answers: three on 2 and 9 March, one at 23:00 on the 31st; the one at 00:10 on 1 April is April's.
        s.DirectAnswer(L(2, 9));
        s.DirectAnswer(L(2, 10));
        s.DirectAnswer(L(9, 10), CaseChannel.Web);
        s.DirectAnswer(L(31, 23), CaseChannel.WeChat);
        s.DirectAnswer(Apr(1, 0, 10));

        // CG1: signed ✓, answered ✓, satisfied and resolved. The centre's late sign-for of its review task is not a unit's.
        var cg1 = s.Register(L(2, 9));
        s.Dispatch(cg1, L(2, 9), CG, Due(16)).Sign(cg1, L(2, 10), CG, onTime: true).Answer(cg1, L(5, 10), CG)
            .Sign(cg1, L(5, 13), "RX-PD", onTime: false, kind: "ReviewAnswer")
            .Finish(cg1, L(5, 14), L(6, 10), "Satisfied", resolved: true);

        // CG2: signed ✗, answered ✗ (due the 10th), unsatisfied → reopened (due the 19th), signed ✓, answered ✓, basically satisfied.
        var cg2 = s.Register(L(3, 9));
        s.Dispatch(cg2, L(3, 9), CG, Due(10)).Sign(cg2, L(3, 15), CG, onTime: false).Answer(cg2, L(11, 10), CG)
            .AcceptAndReply(cg2, L(11, 11)).Callback(cg2, L(12, 10), "Unsatisfied", resolved: false).Reopen(cg2, L(12, 10), Due(19))
            .Sign(cg2, L(12, 11), CG, onTime: true).Answer(cg2, L(18, 10), CG).Finish(cg2, L(18, 11), L(19, 10), "BasicallySatisfied", resolved: true);

        // CG3: signed ✓, returned; the centre accepts and dispatches to DH, which signs ✓ and answers ✓; three unreachable calls.
        var cg3 = s.Register(L(4, 9));
        s.Dispatch(cg3, L(4, 9), CG, Due(18)).Sign(cg3, L(4, 10), CG, onTime: true).Return(cg3, L(4, 11), CG).ReviewReturn(cg3, L(4, 14), accepted: true)
            .Redispatch(cg3, L(4, 14), DH).Sign(cg3, L(4, 15), DH, onTime: true).Answer(cg3, L(9, 10), DH).AcceptAndReply(cg3, L(9, 11))
            .Unreachable(cg3, L(10, 10)).Unreachable(cg3, L(10, 14)).Unreachable(cg3, L(11, 10)).Close(cg3, L(11, 10), "Unreachable", resolved: false);

        // CG4: due the 12th, extended to the 17th, answered on the 16th ✓ (late against the first deadline).
        var cg4 = s.Register(L(5, 9));
        s.Dispatch(cg4, L(5, 9), CG, Due(12)).Sign(cg4, L(5, 10), CG, onTime: true).RequestExtension(cg4, L(11, 10), CG)
            .ApproveExtension(cg4, L(11, 15), Due(17)).Answer(cg4, L(16, 10), CG).Finish(cg4, L(16, 11), L(17, 10), "Satisfied", resolved: true);

        // CG5: signed ✓; answered only in April.
        var cg5 = s.Register(L(20, 9));
        s.Dispatch(cg5, L(20, 9), CG, Due(27)).Sign(cg5, L(20, 10), CG, onTime: true).Answer(cg5, Apr(2, 10), CG);

        // CG6: registered, dispatched (due 4 March) and signed in February; answered ✗ on 5 March, satisfied.
        var cg6 = s.Register(Feb(25, 9));
        s.Dispatch(cg6, Feb(25, 9), CG, Due(4)).Sign(cg6, Feb(25, 10), CG, onTime: true).Answer(cg6, L(5, 9), CG)
            .Finish(cg6, L(5, 10), L(6, 9), "Satisfied", resolved: true);

        // CG7: registered and dispatched at 23:30 on the 31st; signed in April.
        var cg7 = s.Register(L(31, 23, 30));
        s.Dispatch(cg7, L(31, 23, 30), CG, Apr(14, 17, 30)).Sign(cg7, Apr(1, 9), CG, onTime: true);

        // CG8: registered at 00:05 on 1 March (16:05 UTC on 28 February); signed ✗, answered ✓ at 17:00 on the due day,
        // satisfied but unresolved → reopened (due the 30th), signed ✓, answered ✗ on the 31st, called back in April.
        var cg8 = s.Register(L(1, 0, 5));
        s.Dispatch(cg8, L(1, 0, 5), CG, Due(13)).Sign(cg8, L(2, 9), CG, onTime: false).Answer(cg8, L(13, 17), CG).AcceptAndReply(cg8, L(13, 17, 10))
            .Callback(cg8, L(16, 10), "Satisfied", resolved: false).Reopen(cg8, L(16, 10), Due(30)).Sign(cg8, L(16, 11), CG, onTime: true)
            .Answer(cg8, L(31, 10), CG).Finish(cg8, L(31, 11), Apr(1, 10), "Satisfied", resolved: true);

        // DH1: ✓ ✓, unsatisfied → reopened (due the 23rd), ✓ ✓, unsatisfied again and closed.
        var dh1 = s.Register(L(2, 9));
        s.Dispatch(dh1, L(2, 9), DH, Due(9)).Sign(dh1, L(2, 10), DH, onTime: true).Answer(dh1, L(6, 10), DH).AcceptAndReply(dh1, L(6, 11))
            .Callback(dh1, L(9, 10), "Unsatisfied", resolved: false).Reopen(dh1, L(9, 10), Due(23)).Sign(dh1, L(9, 11), DH, onTime: true)
            .Answer(dh1, L(13, 10), DH).Finish(dh1, L(13, 11), L(16, 10), "Unsatisfied", resolved: false);

        // DH2: signed ✗, answered ✓, sent back, answered again ✗ (due the 17th), satisfied.
        var dh2 = s.Register(L(10, 9));
        s.Dispatch(dh2, L(10, 9), DH, Due(17)).Sign(dh2, L(10, 16), DH, onTime: false).Answer(dh2, L(12, 10), DH).SendBack(dh2, L(12, 14))
            .Answer(dh2, L(18, 10), DH).Finish(dh2, L(18, 11), L(19, 10), "Satisfied", resolved: true);

        // DH3: DH signs ✓ and sub-dispatches to XH, which signs ✗ and answers ✓; basically satisfied.
        var dh3 = s.Register(L(11, 9));
        s.Dispatch(dh3, L(11, 9), DH, Due(25)).Sign(dh3, L(11, 10), DH, onTime: true).SubDispatch(dh3, L(11, 11), XH).Sign(dh3, L(12, 10), XH, onTime: false)
            .Answer(dh3, L(16, 10), XH).Finish(dh3, L(16, 11), L(17, 10), "BasicallySatisfied", resolved: true);

        // DH4: signed ✓, extension refused, still open at the end of the month.
        var dh4 = s.Register(L(23, 9));
        s.Dispatch(dh4, L(23, 9), DH, Due(30)).Sign(dh4, L(23, 10), DH, onTime: true).RequestExtension(dh4, L(27, 10), DH).RefuseExtension(dh4, L(27, 14));

        // DH5: signed ✓, returned twice (both rejected), answered ✓, replied; called back in April.
        var dh5 = s.Register(L(24, 9));
        s.Dispatch(dh5, L(24, 9), DH, Apr(7, 17, 30)).Sign(dh5, L(24, 10), DH, onTime: true).Return(dh5, L(24, 11), DH).ReviewReturn(dh5, L(24, 14), accepted: false)
            .Return(dh5, L(24, 15), DH).ReviewReturn(dh5, L(24, 16), accepted: false).Answer(dh5, L(27, 10), DH).AcceptAndReply(dh5, L(27, 11))
            .Callback(dh5, Apr(1, 10), "Satisfied", resolved: true).Close(dh5, Apr(1, 10), "Satisfied", resolved: true);

        // XH1: ✓ ✓ satisfied.
        var xh1 = s.Register(L(3, 9));
        s.Dispatch(xh1, L(3, 9), XH, Due(10)).Sign(xh1, L(3, 10), XH, onTime: true).Answer(xh1, L(6, 10), XH).Finish(xh1, L(6, 11), L(9, 10), "Satisfied", resolved: true);

        // XH2: signed ✓, answered ✗ (due the 11th), satisfied.
        var xh2 = s.Register(L(4, 9));
        s.Dispatch(xh2, L(4, 9), XH, Due(11)).Sign(xh2, L(4, 10), XH, onTime: true).Answer(xh2, L(12, 9), XH).Finish(xh2, L(12, 10), L(13, 10), "Satisfied", resolved: true);

        // XH3: signed ✓, extended twice; answered in April.
        var xh3 = s.Register(L(25, 9));
        s.Dispatch(xh3, L(25, 9), XH, Due(27)).Sign(xh3, L(25, 10), XH, onTime: true).ApproveExtension(xh3, L(26, 15), Due(31))
            .ApproveExtension(xh3, L(31, 10), Apr(3, 17, 30)).Answer(xh3, Apr(2, 10), XH);

        // XH4: February's case replied in February; unsatisfied on 2 March → reopened (due the 16th), ✓ ✓, satisfied.
        var xh4 = s.Register(Feb(16, 9));
        s.Dispatch(xh4, Feb(16, 9), XH, Feb(27, 17, 30)).Sign(xh4, Feb(16, 10), XH, onTime: true).Answer(xh4, Feb(26, 10), XH).AcceptAndReply(xh4, Feb(26, 11))
            .Callback(xh4, L(2, 10), "Unsatisfied", resolved: false).Reopen(xh4, L(2, 10), Due(16)).Sign(xh4, L(2, 11), XH, onTime: true)
            .Answer(xh4, L(10, 10), XH).Finish(xh4, L(10, 11), L(11, 10), "Satisfied", resolved: true);

        await db.SaveChangesAsync();
    }
}

/// <summary>The seeded month on SQLite.</summary>
public sealed class SqliteIndicatorServiceTests : IndicatorServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The seeded month on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlIndicatorServiceTests : IndicatorServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
