using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.RouteToUnits</c>: 按责转办 by the routing rules.</summary>
public sealed class RouteToUnitsTests : ActivityTest
{
    [Fact]
    public async Task Should_GiveTheCaseTheRulesUnitsAndRecordTheRule_When_ARuleMatches()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Route(registered.Id.ToString()));

        AssertFinished(run);
        Assert.Equal("Done", Outcome(run));
        Assert.Equal((ActivityCity.Lead, $"[\"{ActivityCity.Assisting}\"]"), (Text(run, "LeadUnitCode"), Text(run, "AssistingUnitCodes")));
        var @case = await CaseAsync(registered.Id);
        Assert.Equal((CaseStatus.Dispatched, ActivityCity.Lead), (@case.Status, @case.LeadUnitCode));
        Assert.Equal([ActivityCity.Assisting], @case.AssistingUnitCodes);
        var (_, data) = await LastEventAsync<DispatchedData>(registered.Id, CaseEventKind.Dispatched);
        Assert.Equal((ActivityCity.Lead, ActivityCity.Rule, ActivityCity.Subject), (data.LeadUnitCode, data.Rule, data.MatchedSubjectCode));
        Assert.Equal([ActivityCity.Assisting], data.AssistingUnitCodes);
        Assert.False(string.IsNullOrWhiteSpace(data.Explanation));
    }

    [Fact]
    public async Task Should_LeaveTheCaseToTheDispatchDesk_When_NoRuleMatches()
    {
        var registered = await RegisterAsync(ActivityCity.Complaint(subject: "SR-NOISE"));

        var run = await RunAsync(Route(registered.Id.ToString()));

        AssertFinished(run);
        Assert.Equal("DispatchDesk", Outcome(run));
        Assert.Equal((ActivityCity.Desk, "[]"), (Text(run, "LeadUnitCode"), Text(run, "AssistingUnitCodes")));
        var @case = await CaseAsync(registered.Id);
        Assert.Equal((CaseStatus.Registered, null, registered.Version), (@case.Status, @case.LeadUnitCode, @case.Version));
    }

    [Fact]
    public async Task Should_FaultNamingTheText_When_TheCaseIdIsNotACaseId()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Route(registered.Number));

        await AssertRefusedAsync(run, $"'{registered.Number}' is not a case id.", registered);
        Assert.Null(Outcome(run));
    }

    private static ActivityFlow Route(string caseId) =>
        new ActivityFlow("RouteToUnits").With("CaseId", caseId).Output("LeadUnitCode").Output("AssistingUnitCodes").Ports("Done", "DispatchDesk");
}
