using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Host.Tests.Cases;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.CloseCase</c>: 办结.</summary>
public sealed class CloseCaseTests : ActivityTest
{
    [Fact]
    public async Task Should_CloseTheCaseWithTheCallbacksResult_When_TheCitizenWasSatisfied()
    {
        var routed = await RoutedCaseAsync();
        Database.Clock.Advance(TimeSpan.FromDays(3));

        var run = await RunAsync(Close(routed.Id.ToString()).With("Result", "Satisfied").With("Resolved", true));

        AssertFinished(run);
        Assert.Equal("Done", Outcome(run));
        var @case = await CaseAsync(routed.Id);
        Assert.Equal((CaseStatus.Closed, (DateTimeOffset?)CaseDatabase.Start.AddDays(3)), (@case.Status, @case.ClosedAt));
        Assert.False(@case.IsOpen);
        Assert.Equal(new ClosedData("Satisfied", true, 0), (await LastEventAsync<ClosedData>(routed.Id, CaseEventKind.Closed)).Data);
    }

    [Fact]
    public async Task Should_FaultAndLeaveTheCaseOpen_When_TheCaseIdIsNotACaseId()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Close(routed.Number).With("Result", "Satisfied"));

        await AssertRefusedAsync(run, $"'{routed.Number}' is not a case id.", routed);
    }

    private static ActivityFlow Close(string caseId) => new ActivityFlow("CloseCase").With("CaseId", caseId).Ports("Done");
}
