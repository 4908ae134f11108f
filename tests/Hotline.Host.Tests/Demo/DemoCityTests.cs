using Hotline.Host.Cli;
using Hotline.Host.Demo;
using Hotline.Domain.Routing;

namespace Hotline.Host.Tests.Demo;

public class DemoCityTests
{
    private static readonly DemoData City = DemoCity.Load();

    [Fact]
    public void Should_HaveAtLeastFortyUnitsOnEachOfTheFourLevels_When_Built()
    {
        Assert.True(City.Units.Count >= 40, $"{City.Units.Count} units");
        foreach (var level in Enum.GetValues<UnitLevel>())
            Assert.Contains(City.Units, u => u.Level == level);
        Assert.InRange(City.Units.Count(u => u.Level == UnitLevel.District), 4, 6);
        Assert.Equal(City.Units.Count, City.Units.Select(u => u.Code).Distinct().Count());
        Assert.Equal(City.Units.Count, City.Units.Select(u => u.Name).Distinct().Count());
    }

    [Fact]
    public void Should_HangEveryTownUnderADistrictAndEveryCommunityUnderATownOfTheSameDistrict_When_Built()
    {
        var byCode = City.Units.ToDictionary(u => u.Code);
        foreach (var unit in City.Units)
        {
            Assert.Matches("^[0-9]{6}$", unit.DistrictCode);
            Assert.False(string.IsNullOrWhiteSpace(unit.ContactPhone));
            if (unit.Level <= UnitLevel.District)
            {
                Assert.Null(unit.ParentCode);
                continue;
            }

            var parent = byCode[unit.ParentCode!];
            Assert.Equal(unit.Level - 1, parent.Level);
            Assert.Equal(parent.DistrictCode, unit.DistrictCode);
        }
    }

    [Fact]
    public void Should_HaveThirtySubjectsAndFiftyAnswersThatPointToExistingSubjects_When_Built()
    {
        var subjects = City.Subjects.Select(s => s.Code).ToHashSet();
        Assert.True(City.Subjects.Count(s => s.ParentCode is not null) >= 30, $"{City.Subjects.Count} subjects");
        Assert.All(City.Subjects.Where(s => s.ParentCode is not null), s => Assert.Contains(s.ParentCode!, subjects));
        Assert.True(City.Articles.Count >= 50, $"{City.Articles.Count} articles");
        Assert.Equal(City.Articles.Count, City.Articles.Select(a => a.Id).Distinct().Count());
        Assert.Equal(City.Articles.Count, City.Articles.Select(a => a.Title).Distinct().Count());
        Assert.All(City.Articles, a =>
        {
            Assert.Contains(a.SubjectCode!, subjects);
            Assert.False(string.IsNullOrWhiteSpace(a.Answer));
            Assert.False(string.IsNullOrWhiteSpace(a.Keywords));
        });
    }

    [Fact]
    public void Should_RouteEverySubjectInEveryDistrictByARule_When_Built()
    {
        var units = City.Units.ToDictionary(u => u.Code);
        var parents = City.Subjects.ToDictionary(s => s.Code, s => s.ParentCode);
        var districts = City.Units.Where(u => u.Level == UnitLevel.District).Select(u => u.DistrictCode).ToList();
        Assert.All(City.Rules, r =>
        {
            Assert.True(units.ContainsKey(r.LeadUnitCode), r.LeadUnitCode);
            Assert.All(r.AssistingUnitCodes, u => Assert.True(units.ContainsKey(u), u));
            Assert.DoesNotContain(r.LeadUnitCode, r.AssistingUnitCodes);
        });

        foreach (var subject in City.Subjects)
        {
            var chain = new List<string> { subject.Code };
            if (parents[subject.Code] is { } parent)
                chain.Add(parent);
            foreach (var district in districts)
            {
                var result = RoutingRules.Select(chain, district, City.Rules, _ => true, DemoCity.DispatchDeskCode);
                Assert.False(result.IsDefaultDispatch, $"{subject.Code} in {district}: {result.Explanation}");
                Assert.Equal(subject.Code, result.MatchedSubjectCode);
            }
        }
    }

    [Fact]
    public void Should_LetTheCountyLeadInACountyAndTheCompanyInTheCity_When_RoutingWaterSupply()
    {
        var county = (Code: "NH", DistrictCode: "990121");
        var urban = (Code: "DH", DistrictCode: "990103");

        Assert.Equal(county.Code, RoutingRules.Select(["GY-GSTS", "GY"], county.DistrictCode, City.Rules, _ => true, DemoCity.DispatchDeskCode).LeadUnitCode);
        Assert.Equal("QY-GS", RoutingRules.Select(["GY-GSTS", "GY"], urban.DistrictCode, City.Rules, _ => true, DemoCity.DispatchDeskCode).LeadUnitCode);
    }

    [Fact]
    public async Task Should_RefuseAndTouchNoDatabase_When_SeedingInProductionWithoutForce()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hotline-test-{Guid.NewGuid():N}");
        var file = Path.Combine(directory, "hotline.db");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await CommandLine.TryRunAsync(
            ["demo", "seed", "--environment", "Production", "--Hotline:Database:Provider=Sqlite", $"--Hotline:Database:ConnectionString=Data Source={file}"],
            stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Contains("Production", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Should_PrintUsage_When_TheDemoVerbIsNotSeed()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, await CommandLine.TryRunAsync(["demo", "plant"], new StringWriter(), stderr));
        Assert.StartsWith("usage: demo seed", stderr.ToString(), StringComparison.Ordinal);
    }
}
