using System.Globalization;
using Hotline.Domain.Activities;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.WaitForDeadline</c>: a timer bookmark at a moment counted from the deadline, now or a given moment.</summary>
public sealed class WaitForDeadlineTests : ActivityTest
{
    /// <summary>One working day before <see cref="ActivityTest.Deadline"/>: Friday 13 March 2026, 17:30.</summary>
    private static readonly DateTimeOffset DayBefore = new(2026, 3, 13, 17, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Should_SaveATimerAtTheWorkingDayBeforeTheDeadlineAndFireThere_When_AnchoredOnTheDeadline()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Wait(routed.Id).With("Offset", -1));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Equal(DayBefore, await SavedTimerAsync(run.InstanceId));
        Database.Clock.Advance(DayBefore - CaseDatabase.Start);

        var fired = await Runtime.ResumeAsync(run.InstanceId, run.Bookmarks[0].Id);

        AssertFinished(fired);
        Assert.Equal("Done", Outcome(fired));
        Assert.Equal(DayBefore, DateTimeOffset.Parse(Text(fired, "FiredAt")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_WaitAgainForTheNewMoment_When_TheDeadlineWasExtendedWhileWaiting()
    {
        var routed = await RoutedCaseAsync();
        var run = await RunAsync(Wait(routed.Id).With("Offset", -1));
        var extended = new DateTimeOffset(2026, 3, 19, 17, 30, 0, China);
        await ChangeAsync(routed.Id, c => c.ExtendDeadline(3, extended, false, CaseDatabase.Start));
        Database.Clock.Advance(DayBefore - CaseDatabase.Start);

        var resumed = await Runtime.ResumeAsync(run.InstanceId, run.Bookmarks[0].Id);

        Assert.Equal(WorkflowSubStatus.Suspended, resumed.SubStatus);
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 17, 30, 0, China), await SavedTimerAsync(run.InstanceId));
    }

    [Theory]
    [InlineData("Now", null, 2, "WorkingHours", null, "2026-03-02T12:00:00+08:00")]
    [InlineData("Now", null, 5, "WorkingDays", "23:59", "2026-03-09T23:59:00+08:00")]
    [InlineData("Moment", "2026-03-20T09:00:00+08:00", 1, "CalendarMonths", null, "2026-04-20T09:00:00+08:00")]
    public async Task Should_SaveATimerAtTheCountedMoment_When_AnchoredOnNowOrAMoment(string anchor, string? at, int offset, string unit, string? timeOfDay, string expected)
    {
        var run = await RunAsync(new ActivityFlow("WaitForDeadline").With("Anchor", anchor).With("At", at).With("Offset", offset).With("Unit", unit).With("TimeOfDay", timeOfDay));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), await SavedTimerAsync(run.InstanceId));
    }

    [Fact]
    public async Task Should_LeaveByNoDeadlineWithoutATimer_When_TheCaseHasNoDeadline()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Wait(registered.Id));

        AssertFinished(run);
        Assert.Equal("NoDeadline", Outcome(run));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Bookmarks.CountAsync());
    }

    [Theory]
    [InlineData("Deadline", -1, "WorkingHours", "Wait For Deadline cannot count working hours back (-1).")]
    [InlineData("Deadline", 1, "Weeks", "'Weeks' is not a wait unit")]
    [InlineData("Sunrise", 1, "WorkingDays", "'Sunrise' is not a wait anchor")]
    [InlineData("Moment", 1, "WorkingDays", "'' is not a moment (ISO 8601) to wait from.")]
    public async Task Should_FaultWithoutATimer_When_TheWaitCannotBeCounted(string anchor, int offset, string unit, string message)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Wait(routed.Id).With("Anchor", anchor).With("Offset", offset).With("Unit", unit));

        await AssertRefusedAsync(run, message, routed);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Bookmarks.CountAsync());
    }

    private async Task<DateTimeOffset?> SavedTimerAsync(string instanceId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var bookmark = await db.Bookmarks.AsNoTracking().SingleAsync(b => b.WorkflowInstanceId == instanceId);
        Assert.Equal(WaitForDeadline.TypeName, bookmark.Name);
        return bookmark.ResumeAt;
    }

    private static ActivityFlow Wait(Guid caseId) =>
        new ActivityFlow("WaitForDeadline").With("CaseId", caseId.ToString()).Output("FiredAt").Ports("Done", "NoDeadline");
}
