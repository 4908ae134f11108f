using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.ReopenCase</c>: 重办.</summary>
public sealed class ReopenCaseTests : ActivityTest
{
    [Fact]
    public async Task Should_SendTheCaseBackWithAFreshLadderAndCountTheRound_When_TheCitizenWasUnsatisfied()
    {
        var routed = await RoutedCaseAsync();
        await ChangeAsync(routed.Id, c =>
        {
            c.Escalate(EscalationStep.Red, null, null, Deadline);
            c.Escalate(EscalationStep.Level2, null, null, Deadline);
            c.Reply("已处理", "Sms", Deadline);
        });

        var run = await RunAsync(new ActivityFlow("ReopenCase").With("CaseId", routed.Id.ToString()).With("Reason", "摊点仍在").Output("Round").Ports("Done"));

        AssertFinished(run);
        Assert.Equal("1", Text(run, "Round"));
        var @case = await CaseAsync(routed.Id);
        Assert.Equal((1, CaseStatus.Dispatched, WarningLevel.None, 0), (@case.ReopenCount, @case.Status, @case.Warning, @case.EscalationLevel));
        var (_, data) = await LastEventAsync<ReopenedData>(routed.Id, CaseEventKind.Reopened);
        Assert.Equal(new ReopenedData(1, "摊点仍在", ActivityCity.Lead, WarningLevel.Red, 2), data);
    }

    [Fact]
    public async Task Should_FaultNamingTheCase_When_TheCaseDoesNotExist()
    {
        var unknown = Guid.NewGuid();

        var run = await RunAsync(new ActivityFlow("ReopenCase").With("CaseId", unknown.ToString()).Output("Round"));

        await AssertRefusedAsync(run, $"Case {unknown} does not exist.", before: null);
        Assert.Null(Text(run, "Round"));
    }
}
