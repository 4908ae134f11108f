using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.AssignUnit</c>: (re-)dispatch by the centre, sub-dispatch by the owning unit.</summary>
public sealed class AssignUnitTests : ActivityTest
{
    [Fact]
    public async Task Should_MakeTheUnitTheLeadAndRecordTheDispatch_When_TheCentreRedispatches()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Assign(routed.Id, ActivityCity.Assisting).With("Note", "职责属住建").Output("LeadUnitCode"));

        AssertFinished(run);
        Assert.Equal(ActivityCity.Assisting, Text(run, "LeadUnitCode"));
        var @case = await CaseAsync(routed.Id);
        Assert.Equal((ActivityCity.Assisting, CaseStatus.Dispatched), (@case.LeadUnitCode, @case.Status));
        var (_, data) = await LastEventAsync<DispatchedData>(routed.Id, CaseEventKind.Dispatched);
        Assert.Equal((ActivityCity.Assisting, ActivityCity.Lead, "职责属住建", (DateTimeOffset?)Deadline), (data.LeadUnitCode, data.PreviousUnitCode, data.Note, data.DeadlineAt));
        Assert.Null(data.Rule);
    }

    [Fact]
    public async Task Should_RecordASubDispatchByTheOwningUnit_When_TheModeIsSubDispatch()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Assign(routed.Id, ActivityCity.Assisting).With("Mode", "SubDispatch").With("Note", "二级派单"));

        AssertFinished(run);
        Assert.Equal(ActivityCity.Assisting, (await CaseAsync(routed.Id)).LeadUnitCode);
        var (@event, data) = await LastEventAsync<SubDispatchedData>(routed.Id, CaseEventKind.SubDispatched);
        Assert.Equal(new SubDispatchedData(ActivityCity.Lead, ActivityCity.Assisting, "二级派单"), data);
        Assert.Equal((CaseActorKind.Unit, ActivityCity.Lead), (@event.ActorKind, @event.ActorId));
    }

    [Theory]
    [InlineData("NO-SUCH", "Unit 'NO-SUCH' does not exist or is inactive.")]
    [InlineData(ActivityCity.Inactive, $"Unit '{ActivityCity.Inactive}' does not exist or is inactive.")]
    [InlineData("", "Assign Unit needs a UnitCode.")]
    public async Task Should_FaultAndLeaveTheCase_When_TheUnitIsUnknownInactiveOrMissing(string unit, string message)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Assign(routed.Id, unit));

        await AssertRefusedAsync(run, message, routed);
    }

    private static ActivityFlow Assign(Guid caseId, string unit) => new ActivityFlow("AssignUnit").With("CaseId", caseId.ToString()).With("UnitCode", unit);
}
