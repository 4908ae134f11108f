using Hotline.Host.Demo;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Cases;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Routing;

/// <summary>Routing from the rule table of the demo city, on each database provider.</summary>
public abstract class RoutingServiceTests : IAsyncLifetime
{
    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await CaseDatabase.CreateAsync(Provider);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await DemoSeeder.SeedAsync(db, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private RoutingService Routing => _database.Get<RoutingService>();

    [Fact]
    public async Task Should_GiveExactlyOneLeadUnitFromARule_When_RoutingEverySubjectInEveryDistrict()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var subjects = await db.Subjects.Select(s => s.Code).ToListAsync();
        var districts = await db.HandlingUnits.Where(u => u.Level == UnitLevel.District).Select(u => u.DistrictCode).ToListAsync();
        var units = await db.HandlingUnits.ToDictionaryAsync(u => u.Code);

        foreach (var subject in subjects)
        {
            foreach (var district in districts)
            {
                var result = await Routing.RouteAsync(subject, district);
                Assert.False(result.IsDefaultDispatch, $"{subject} in {district}: {result.Explanation}");
                Assert.True(units[result.LeadUnitCode].IsActive);
                Assert.DoesNotContain(result.LeadUnitCode, result.AssistingUnitCodes);
            }
        }
    }

    [Fact]
    public async Task Should_RouteToTheDistrictWithTheDepartmentAssisting_When_ASubjectIsHandledLocally()
    {
        var result = await Routing.RouteAsync("SR-ZDJY", "990103");

        Assert.Equal("DH", result.LeadUnitCode);
        Assert.Equal(["SZ-CG"], result.AssistingUnitCodes);
        Assert.Equal("R-SR-ZDJY-DH", result.RuleId);
    }

    [Fact]
    public async Task Should_FallBackToTheCategoryRule_When_TheSubjectsLeadUnitIsInactive()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var company = await db.HandlingUnits.SingleAsync(u => u.Code == "QY-GS");
            company.IsActive = false;
            await db.SaveChangesAsync();
        }

        var result = await Routing.RouteAsync("GY-GSTS", "990103");

        Assert.Equal("SZ-SW", result.LeadUnitCode);
        Assert.Equal("GY", result.MatchedSubjectCode);
        Assert.False(result.IsDefaultDispatch);
    }

    [Theory]
    [InlineData("NO-SUCH-SUBJECT", "990103")]
    [InlineData(null, "990103")]
    public async Task Should_GiveTheCaseToTheDispatchDesk_When_NoRuleCoversIt(string? subject, string district)
    {
        var result = await Routing.RouteAsync(subject, district);

        Assert.Equal(DemoCity.DispatchDeskCode, result.LeadUnitCode);
        Assert.True(result.IsDefaultDispatch);
        Assert.Contains(DemoCity.DispatchDeskCode, result.Explanation, StringComparison.Ordinal);
    }
}

public sealed class SqliteRoutingServiceTests : RoutingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRoutingServiceTests : RoutingServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
