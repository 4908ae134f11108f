using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.ExtendDeadline</c>: 延期 by working days counted from the deadline's date.</summary>
public sealed class ExtendDeadlineTests : ActivityTest
{
    [Fact]
    public async Task Should_MoveTheDeadlineAndClearTheYellowWarning_When_ThreeWorkingDaysAreApproved()
    {
        var routed = await RoutedCaseAsync();
        await ChangeAsync(routed.Id, c =>
        {
            c.RecordTaskOutcome("t-1", "handle", ActivityCity.Lead, "ExtensionRequested", null, CaseActor.System, Deadline.AddDays(-5));
            c.Escalate(Hotline.Domain.Escalation.EscalationStep.Yellow, "黄牌", null, Deadline.AddDays(-5));
        });

        var run = await RunAsync(Extend(routed.Id, 3).Output("DeadlineAt"));

        AssertFinished(run);
        var extended = new DateTimeOffset(2026, 3, 19, 17, 30, 0, China);
        Assert.Equal(extended, DateTimeOffset.Parse(Text(run, "DeadlineAt")!, CultureInfo.InvariantCulture));
        var @case = await CaseAsync(routed.Id);
        Assert.Equal(((DateTimeOffset?)extended, false, WarningLevel.None), (@case.DeadlineAt, @case.ExtensionPending, @case.Warning));
        var (_, data) = await LastEventAsync<ExtensionApprovedData>(routed.Id, CaseEventKind.ExtensionApproved);
        Assert.Equal(new ExtensionApprovedData(3, Deadline, extended, false), data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task Should_FaultAndKeepTheDeadline_When_TheExtensionIsOutOfRange(int days)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Extend(routed.Id, days));

        await AssertRefusedAsync(run, $"An extension of {days} working days is out of range (1 to 60).", routed);
    }

    [Fact]
    public async Task Should_FaultAndLeaveTheCase_When_TheCaseHasNoDeadline()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Extend(registered.Id, 3));

        await AssertRefusedAsync(run, $"Case {registered.Id} has no deadline to extend.", registered);
    }

    private static ActivityFlow Extend(Guid caseId, int days) => new ActivityFlow("ExtendDeadline").With("CaseId", caseId.ToString()).With("Days", days).Ports("Done");
}
