using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Tests.Indicators.TimelineSeed;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The snapshots of ended days and months (<see cref="IndicatorSnapshotStore"/>): kept when an ended day or calendar
/// month is computed, read while the timeline still agrees with them, computed again when an event is written into the
/// period afterwards or a case is voided, never kept for a period still running or of another length; and the refresher
/// makes those of the last months and yesterday for the city and each district a user works in.
/// </summary>
public abstract class IndicatorSnapshotTests : IAsyncLifetime
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    private CaseDatabase _database = null!;
    private Guid _east;

    protected abstract DatabaseProvider Provider { get; }

    private IndicatorService Indicators => _database.Get<IndicatorService>();

    public async Task InitializeAsync()
    {
        _database = await IndicatorDatabase.CreateAsync(Provider);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var s = new TimelineSeed(db);
        var west = s.Register(L(5, 9), district: "990103");
        s.Dispatch(west, L(5, 10), "U-CG", Due(12)).Sign(west, L(5, 11), "U-CG", onTime: true).Answer(west, L(9, 15), "U-CG");
        _east = s.Register(L(6, 9), district: "990104").Id;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_ReadAnEndedMonthFromItsSnapshot_When_TheTimelineStillAgrees()
    {
        var first = await Indicators.ComputeAsync(March, April, "U-CG");
        await TamperAsync(March, April);

        var second = await Indicators.ComputeAsync(March, April, "U-CG");

        Assert.Equal(2, first.CityWide.DirectAnswer.Denominator);
        Assert.Equal(1, first.Units.Single().Figures.OnTimeCompletion.Numerator);
        // The tampered snapshot is what the second reading returned: nothing was read from the timeline.
        Assert.Equal(999, second.CityWide.DirectAnswer.Denominator);
    }

    [Fact]
    public async Task Should_ComputeAgain_When_ACaseOfThePeriodIsVoidedLater()
    {
        await Indicators.ComputeAsync(March, April);
        await TamperAsync(March, April);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            await db.Cases.Where(c => c.Id == _east).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CaseStatus.Voided));

        var report = await Indicators.ComputeAsync(March, April);

        Assert.Equal(1, report.CityWide.DirectAnswer.Denominator);
        Assert.Equal(1, (await SnapshotsAsync()).Single().ExcludedCaseCount);
    }

    [Fact]
    public async Task Should_ComputeAgain_When_AnEventIsWrittenIntoTheEndedPeriodLater()
    {
        await Indicators.ComputeAsync(March, April);
        await TamperAsync(March, April);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            // An import of a call taken on 20 March, written in April.
            new TimelineSeed(db).Register(L(20, 14));
            await db.SaveChangesAsync();
        }

        var report = await Indicators.ComputeAsync(March, April);

        Assert.Equal(3, report.CityWide.DirectAnswer.Denominator);
    }

    [Fact]
    public async Task Should_CountACaseWithAnEmptyDistrictOnce_When_TheCityAndItsDistrictsAreMadeTogether()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            new TimelineSeed(db).Register(L(7, 9), district: "");
            await db.SaveChangesAsync();
        }

        await _database.Get<IndicatorSnapshotStore>().RefreshAsync(March, April, new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), ["990104", ""], default);

        // Three registrations in March, the one without a district counted once (not again as the empty district's).
        Assert.Equal(3, (await Indicators.ComputeAsync(March, April)).CityWide.DirectAnswer.Denominator);
        Assert.Equal(["", "990104"], (await SnapshotsAsync()).Select(s => s.DistrictKey).Order());
    }

    [Fact]
    public async Task Should_KeepOnlyEndedDaysAndMonths_When_PeriodsAreComputed()
    {
        await Indicators.ComputeAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
        await Indicators.ComputeAsync(new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 11));
        await Indicators.ComputeAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));
        await Indicators.ComputeAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 2));
        var day = await Indicators.ComputeAsync(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 7), districtCode: "990104");

        // April and 10 April (today on the clock) have not ended; half a month and a month from the 2nd are not kept.
        var kept = Assert.Single(await SnapshotsAsync());
        Assert.Equal((new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 7), "990104"), (kept.From, kept.To, kept.DistrictKey));
        Assert.Equal(1, day.CityWide.DirectAnswer.Denominator);
    }

    [Fact]
    public async Task Should_MakeTheLastMonthsAndYesterdaysSnapshotsForTheCityAndUsersDistricts_When_TheRefresherRuns()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.UserAccounts.Add(new UserAccount { UserName = "sub-zhao", DisplayName = "赵敏", PasswordHash = "x", Roles = [HotlineRoles.Leader], DistrictCode = "990104" });
            await db.SaveChangesAsync();
        }

        var refresher = _database.Get<IndicatorSnapshotRefresher>();
        var made = await refresher.RunAsync(default);
        var again = await refresher.RunAsync(default);

        // Yesterday (9 April) and the 13 months before April, each for the city and district 990104.
        Assert.Equal(28, made);
        Assert.Equal(0, again);
        var snapshots = await SnapshotsAsync();
        Assert.Contains(snapshots, s => s.From == new DateOnly(2026, 4, 9) && s.To == new DateOnly(2026, 4, 10) && s.DistrictKey == "");
        Assert.Contains(snapshots, s => s.From == new DateOnly(2025, 3, 1) && s.DistrictKey == "990104");
        Assert.DoesNotContain(snapshots, s => s.From == new DateOnly(2025, 2, 1));
        // The district's month, read from its snapshot, counts its own case only.
        await TamperAsync(March, April, "");
        Assert.Equal(1, (await Indicators.ComputeAsync(March, April, districtCode: "990104")).CityWide.DirectAnswer.Denominator);
    }

    private async Task<List<IndicatorSnapshot>> SnapshotsAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.IndicatorSnapshots.AsNoTracking().ToListAsync();
    }

    /// <summary>Sets the city's registrations in the period's city-wide snapshot (or <paramref name="key"/>'s) to 999.</summary>
    private async Task TamperAsync(DateOnly from, DateOnly to, string key = "")
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var snapshot = await db.IndicatorSnapshots.SingleAsync(s => s.From == from && s.To == to && s.DistrictKey == key);
        var tallies = System.Text.Json.Nodes.JsonNode.Parse(snapshot.Tallies)!;
        tallies["city"]!["registered"] = 999;
        snapshot.Tallies = tallies.ToJsonString();
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteIndicatorSnapshotTests : IndicatorSnapshotTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlIndicatorSnapshotTests : IndicatorSnapshotTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
