using Hotline.Domain.Routing;

namespace Hotline.Host.Tests.Routing;

public class RoutingRulesTests
{
    private const string Desk = "RX-PD";
    private const string Dongcheng = "990103";

    [Fact]
    public void Should_PreferTheDistrictRule_When_ADistrictRuleAndAnAnyDistrictRuleMatch()
    {
        RoutingRule[] rules =
        [
            new() { Id = "any", SubjectCode = "S", LeadUnitCode = "CITY", Priority = 100 },
            new() { Id = "exact", SubjectCode = "S", DistrictCode = Dongcheng, LeadUnitCode = "DH", AssistingUnitCodes = ["CITY"], Priority = 0 },
        ];

        var result = RoutingRules.Select(["S"], Dongcheng, rules, _ => true, Desk);

        Assert.Equal("DH", result.LeadUnitCode);
        Assert.Equal(["CITY"], result.AssistingUnitCodes);
        Assert.Equal("exact", result.RuleId);
        Assert.False(result.IsDefaultDispatch);
    }

    [Fact]
    public void Should_UseTheAnyDistrictRule_When_TheDistrictRuleIsForAnotherDistrict()
    {
        RoutingRule[] rules =
        [
            new() { Id = "any", SubjectCode = "S", LeadUnitCode = "CITY" },
            new() { Id = "other", SubjectCode = "S", DistrictCode = "990104", LeadUnitCode = "XS", Priority = 50 },
        ];

        Assert.Equal("CITY", RoutingRules.Select(["S"], Dongcheng, rules, _ => true, Desk).LeadUnitCode);
    }

    [Fact]
    public void Should_PickTheHigherPriority_When_TwoRulesAreEquallySpecific()
    {
        RoutingRule[] rules =
        [
            new() { Id = "low", SubjectCode = "S", DistrictCode = Dongcheng, LeadUnitCode = "A", Priority = 1 },
            new() { Id = "high", SubjectCode = "S", DistrictCode = Dongcheng, LeadUnitCode = "B", Priority = 5 },
        ];

        Assert.Equal("B", RoutingRules.Select(["S"], Dongcheng, rules, _ => true, Desk).LeadUnitCode);
        Assert.Equal("B", RoutingRules.Select(["S"], Dongcheng, rules.Reverse(), _ => true, Desk).LeadUnitCode);
    }

    [Fact]
    public void Should_BreakTiesByRuleId_When_RulesAreEquallySpecificAndEquallyImportant()
    {
        RoutingRule[] rules =
        [
            new() { Id = "r2", SubjectCode = "S", LeadUnitCode = "B" },
            new() { Id = "r1", SubjectCode = "S", LeadUnitCode = "A" },
        ];

        Assert.Equal("A", RoutingRules.Select(["S"], Dongcheng, rules, _ => true, Desk).LeadUnitCode);
        Assert.Equal("A", RoutingRules.Select(["S"], Dongcheng, rules.Reverse(), _ => true, Desk).LeadUnitCode);
    }

    [Fact]
    public void Should_UseTheCategoryRule_When_TheSubjectHasNone()
    {
        RoutingRule[] rules = [new() { Id = "cat", SubjectCode = "CAT", LeadUnitCode = "CITY" }];

        var result = RoutingRules.Select(["LEAF", "CAT"], Dongcheng, rules, _ => true, Desk);

        Assert.Equal("CITY", result.LeadUnitCode);
        Assert.Equal("CAT", result.MatchedSubjectCode);
    }

    [Fact]
    public void Should_PassOverARule_When_ItsLeadUnitIsInactive()
    {
        RoutingRule[] rules =
        [
            new() { Id = "exact", SubjectCode = "S", DistrictCode = Dongcheng, LeadUnitCode = "CLOSED" },
            new() { Id = "any", SubjectCode = "S", LeadUnitCode = "CITY", AssistingUnitCodes = ["CLOSED", "CITY", "HELP", "HELP"] },
        ];

        var result = RoutingRules.Select(["S"], Dongcheng, rules, u => u != "CLOSED", Desk);

        Assert.Equal("CITY", result.LeadUnitCode);
        Assert.Equal(["HELP"], result.AssistingUnitCodes);
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "UNKNOWN" }, Dongcheng)]
    [InlineData(new[] { "S" }, "990199")]
    public void Should_GiveTheCaseToTheDispatchDeskAndSaySo_When_NoRuleMatches(string[] chain, string? district)
    {
        RoutingRule[] rules = [new() { Id = "exact", SubjectCode = "S", DistrictCode = Dongcheng, LeadUnitCode = "DH" }];

        var result = RoutingRules.Select(chain, district, rules, _ => true, Desk);

        Assert.Equal(Desk, result.LeadUnitCode);
        Assert.Empty(result.AssistingUnitCodes);
        Assert.True(result.IsDefaultDispatch);
        Assert.Null(result.RuleId);
        Assert.Contains("首接负责制", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_When_NoDefaultDispatchUnitIsConfigured()
    {
        Assert.Throws<ArgumentException>(() => RoutingRules.Select(["S"], null, [], _ => true, " "));
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions { DefaultDispatchUnitCode = "" }).Failed);
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);
    }
}
