using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.CreateInboxTask</c>: a task in a unit's inbox, created and completed in the bursts' commits.</summary>
public sealed class CreateInboxTaskTests : ActivityTest
{
    /// <summary>Two working hours after Monday 10:00.</summary>
    private static readonly DateTimeOffset SignDue = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Should_PutAnOpenTaskDueAtTheCasesDeadlineIntoTheUnitsInbox_When_ItStarts()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Create(routed.Id.ToString(), ActivityCity.Lead));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(HumanTask.BookmarkName, bookmark.Name);
        var task = Assert.Single(await InboxAsync());
        Assert.Equal((bookmark.Hash, bookmark.Id, routed.Id), (task.TaskId, task.BookmarkId, task.CaseId));
        Assert.Equal((ActivityCity.Lead, InboxTaskKind.Handle, InboxTaskStatus.Open), (task.UnitCode, task.Kind, task.Status));
        Assert.Equal(["Completed", "Returned", "ExtensionRequested", "SubDispatched"], task.PossibleOutcomes);
        Assert.Equal(((DateTimeOffset?)Deadline, (DateTimeOffset?)SignDue), (task.DueAt, task.SignDueAt));
        var (_, data) = await LastEventAsync<TaskCreatedData>(routed.Id, CaseEventKind.TaskCreated);
        Assert.Equal(new TaskCreatedData(task.TaskId, ActivityCity.Lead, "handle", Deadline, SignDue), data);
    }

    [Fact]
    public async Task Should_CompleteTheRowAndRecordTheAnswer_When_TheUnitCompletesTheTask()
    {
        var routed = await RoutedCaseAsync();
        var run = await RunAsync(Create(routed.Id.ToString(), ActivityCity.Lead).Ports("Completed", "Returned"));
        Database.Clock.Advance(TimeSpan.FromHours(5));

        var resumed = await Runtime.CompleteTaskAsync(run.Bookmarks[0].Hash!, new TaskCompletion("Completed", new JsonObject { ["answer"] = "已清理占道摊点" }, "dh-wang"));

        AssertFinished(resumed);
        Assert.Equal("Completed", Outcome(resumed));
        var task = Assert.Single(await InboxAsync());
        Assert.Equal((InboxTaskStatus.Completed, "Completed", "dh-wang"), (task.Status, task.Outcome, task.CompletedBy));
        Assert.Equal(CaseStatus.AwaitingReview, (await CaseAsync(routed.Id)).Status);
        var (@event, data) = await LastEventAsync<TaskOutcomeData>(routed.Id, CaseEventKind.AnswerSubmitted);
        Assert.Equal((task.TaskId, "handle", "Completed", ActivityCity.Lead, "已清理占道摊点"), (data.TaskId, data.Kind, data.Outcome, data.UnitCode, data.ResultText("answer")));
        Assert.Equal((CaseActorKind.Unit, ActivityCity.Lead, CaseDatabase.Start.AddHours(5)), (@event.ActorKind, @event.ActorId, @event.At));
    }

    [Fact]
    public async Task Should_PutTheTaskIntoTheLeadUnitsInbox_When_NoUnitIsGiven()
    {
        var routed = await RoutedCaseAsync();

        await RunAsync(new ActivityFlow("CreateInboxTask").With("CaseId", routed.Id.ToString()).With("Kind", "progress-report"));

        var task = Assert.Single(await InboxAsync());
        Assert.Equal((ActivityCity.Lead, InboxTaskKind.ProgressReport), (task.UnitCode, task.Kind));
        Assert.Equal(["Reported"], task.PossibleOutcomes);
    }

    [Fact]
    public async Task Should_FaultAndPutNothingIntoAnInbox_When_NoUnitIsGivenAndTheCaseHasNoLeadUnit()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Create(registered.Id.ToString(), ""));

        await AssertRefusedAsync(run, "Create Inbox Task needs a UnitCode (the case has no lead unit).", registered);
        Assert.Empty(await InboxAsync());
    }

    [Theory]
    [InlineData(ActivityCity.Lead, -1.0, "A sign-for limit of -1 working hours is out of range.")]
    [InlineData(ActivityCity.Lead, 1e20, "A sign-for limit of 1E+20 working hours is out of range.")]
    public async Task Should_FaultAndPutNothingIntoAnInbox_When_TheSignForLimitIsOutOfRange(string unit, double signWithinHours, string message)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Create(routed.Id.ToString(), unit).With("SignWithinHours", signWithinHours));

        await AssertRefusedAsync(run, message, routed);
        Assert.Empty(await InboxAsync());
    }

    private static ActivityFlow Create(string caseId, string unit) =>
        new ActivityFlow("CreateInboxTask").With("CaseId", caseId).With("UnitCode", unit).With("Kind", "handle");
}
