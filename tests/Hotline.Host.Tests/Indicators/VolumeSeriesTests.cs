using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Cases;
using static Hotline.Host.Tests.Indicators.TimelineSeed;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The intake volume of March 2026 day by day (<see cref="VolumeSeriesService"/>): local days in China time, channels,
/// districts and their hot spots by the daily report's rule, and the unit and district filters.
/// </summary>
public abstract class VolumeSeriesTests : IAsyncLifetime
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await IndicatorDatabase.CreateAsync(Provider);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "U-A", Name = "甲局", Level = UnitLevel.District, DistrictCode = "990104" });
        var s = new TimelineSeed(db);
        // The baseline before the month: one case in 990104 on 28 February.
        s.Register(new DateTimeOffset(2026, 2, 28, 10, 0, 0, China), CaseChannel.WeChat, district: "990104");
        s.Register(L(2, 23, 59), CaseChannel.Phone, district: "990103");
        s.Register(L(3, 0), CaseChannel.Web, district: "990103");
        var led = s.Register(L(3, 10), CaseChannel.Phone, district: "990104");
        s.Dispatch(led, L(3, 10), "U-A", Due(10));
        s.Register(L(3, 11), CaseChannel.Phone, CaseType.Help, district: "990104");
        s.Register(L(3, 12), CaseChannel.Phone, district: "990104");
        // A voided case is not counted, as in the daily report.
        s.Register(L(3, 13), CaseChannel.Phone, district: "990104").Status = CaseStatus.Voided;
        s.Register(L(31, 23, 59), CaseChannel.App, district: "990103");
        s.Register(new DateTimeOffset(2026, 4, 1, 0, 0, 0, China), CaseChannel.App, district: "990103");
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<VolumeSeries> BuildAsync(string? unitCode = null, string? districtCode = null) =>
        _database.Get<VolumeSeriesService>().BuildAsync(March, April, unitCode, districtCode);

    [Fact]
    public async Task Should_count_each_local_day_by_channel_and_type_When_cases_fall_either_side_of_midnight()
    {
        var series = await BuildAsync();

        Assert.Equal(31, series.Days.Count);
        Assert.Equal((March, new DateOnly(2026, 3, 31)), (series.Days[0].Date, series.Days[^1].Date));
        Assert.Equal([0, 1, 4], series.Days.Take(3).Select(d => d.Registered));
        Assert.Equal([("Phone", 3), ("Web", 1)], series.Days[2].ByChannel.Where(l => l.Count > 0).Select(l => (l.Key, l.Count)));
        Assert.Equal([("Help", 1), ("Complaint", 3)], series.Days[2].ByType.Where(l => l.Count > 0).Select(l => (l.Key, l.Count)));
        Assert.Equal([("App", 1)], series.Days[^1].ByChannel.Where(l => l.Count > 0).Select(l => (l.Key, l.Count)));
        Assert.Equal(8, series.Days[0].ByChannel.Count);
    }

    [Fact]
    public async Task Should_mark_a_district_hot_When_its_day_meets_the_daily_reports_rule()
    {
        var series = await BuildAsync();

        var third = series.Days[2];
        Assert.Equal([("990103", 1), ("990104", 3)], third.ByDistrict.Select(l => (l.Key, l.Count)));
        // 3 ≥ 3 cases and ≥ 2 × 1/7 (the case of 28 February is in the seven days before).
        Assert.Equal([new HotSpot("district", "990104", null, 3, 1, 0.14)], third.HotDistricts);
        Assert.All(series.Days.Where(d => d.Date != third.Date), d => Assert.Empty(d.HotDistricts));
    }

    [Fact]
    public async Task Should_count_only_the_units_or_districts_cases_When_one_is_given()
    {
        var unit = await BuildAsync(unitCode: "U-A");
        var district = await BuildAsync(districtCode: "990103");

        Assert.Equal(1, unit.Days.Sum(d => d.Registered));
        Assert.Equal(1, unit.Days[2].ByChannel.Single(l => l.Key == "Phone").Count);
        Assert.Equal([1, 1, 1], district.Days.Where(d => d.Registered > 0).Select(d => d.Registered));
    }

    [Fact]
    public async Task Should_refuse_a_period_that_ends_before_it_starts()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _database.Get<VolumeSeriesService>().BuildAsync(April, March));
    }
}

/// <summary>The day series on SQLite.</summary>
public sealed class SqliteVolumeSeriesTests : VolumeSeriesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The day series on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlVolumeSeriesTests : VolumeSeriesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
