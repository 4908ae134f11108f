using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.RecordEscalation</c>: a step of the supervision ladder.</summary>
public sealed class RecordEscalationTests : ActivityTest
{
    [Fact]
    public async Task Should_TurnTheWarningYellow_When_TheYellowStepIsRecorded()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Escalate(routed.Id, "Yellow").With("StepName", "黄牌预警"));

        AssertFinished(run);
        Assert.Equal((WarningLevel.Yellow, 0), Ladder(await CaseAsync(routed.Id)));
        var (_, data) = await LastEventAsync<EscalationData>(routed.Id, CaseEventKind.WarningYellow);
        Assert.Equal(new EscalationData("黄牌预警", Deadline, null, null), data);
    }

    [Fact]
    public async Task Should_RaiseTheLevel_When_TheSecondLevelIsRecorded()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Escalate(routed.Id, "Level2").With("StepName", "13710督办"));

        AssertFinished(run);
        Assert.Equal((WarningLevel.None, 2), Ladder(await CaseAsync(routed.Id)));
        var (_, data) = await LastEventAsync<EscalationData>(routed.Id, CaseEventKind.Escalated);
        Assert.Equal(new EscalationData("13710督办", Deadline, 2, null), data);
    }

    [Fact]
    public async Task Should_RecordTheCheckpointAtTheCurrentLevel_When_ACheckpointIsRecorded()
    {
        var routed = await RoutedCaseAsync();
        await ChangeAsync(routed.Id, c => c.Escalate(Hotline.Domain.Escalation.EscalationStep.Level1, null, null, Deadline));

        var run = await RunAsync(Escalate(routed.Id, "Checkpoint").With("Checkpoint", "3d"));

        AssertFinished(run);
        Assert.Equal((WarningLevel.None, 1), Ladder(await CaseAsync(routed.Id)));
        var (_, data) = await LastEventAsync<EscalationData>(routed.Id, CaseEventKind.SupervisionCheckpoint);
        Assert.Equal(new EscalationData(null, Deadline, 1, "3d"), data);
    }

    [Theory]
    [InlineData("Orange", null, "'Orange' is not an escalation step")]
    [InlineData("3", null, "'3' is not an escalation step")]
    [InlineData(" 3", null, "' 3' is not an escalation step")]
    [InlineData("Checkpoint", "", "Record Escalation needs a Checkpoint")]
    public async Task Should_FaultAndLeaveTheLadder_When_TheStepIsUnknownOrTheCheckpointMissing(string step, string? checkpoint, string message)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Escalate(routed.Id, step).With("Checkpoint", checkpoint));

        await AssertRefusedAsync(run, message, routed);
    }

    private static (WarningLevel, int) Ladder(Case @case) => (@case.Warning, @case.EscalationLevel);

    private static ActivityFlow Escalate(Guid caseId, string step) => new ActivityFlow("RecordEscalation").With("CaseId", caseId.ToString()).With("Step", step);
}
