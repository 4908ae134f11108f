using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.RequestAssistance</c>: 协办, one inbox task per assisting unit, done when all have answered.</summary>
public sealed class RequestAssistanceTests : ActivityTest
{
    [Fact]
    public async Task Should_AskTheCasesAssistingUnitsThroughTheirInboxes_When_NoUnitsAreGiven()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Request(routed.Id));

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var task = Assert.Single(await InboxAsync());
        Assert.Equal((ActivityCity.Assisting, InboxTaskKind.Assist, InboxTaskStatus.Open, (DateTimeOffset?)Deadline), (task.UnitCode, task.Kind, task.Status, task.DueAt));
        Assert.Equal([InboxRules.AssistSubmitted], task.PossibleOutcomes);
        Assert.Equal(run.Bookmarks.Single().Hash, task.TaskId);
        var (_, data) = await LastEventAsync<TaskCreatedData>(routed.Id, CaseEventKind.TaskCreated);
        Assert.Equal((task.TaskId, ActivityCity.Assisting, "assist"), (data.TaskId, data.UnitCode, data.Kind));
    }

    [Fact]
    public async Task Should_FinishOnlyWhenEveryUnitHasAnswered_When_TwoUnitsAreAsked()
    {
        var routed = await RoutedCaseAsync();
        var run = await RunAsync(Request(routed.Id).With("UnitCodes", new[] { ActivityCity.Assisting, ActivityCity.Desk }));
        var tasks = await InboxAsync();
        Assert.Equal([ActivityCity.Assisting, ActivityCity.Desk], tasks.Select(t => t.UnitCode));

        var first = await Runtime.CompleteTaskAsync(tasks[0].TaskId, new TaskCompletion(InboxRules.AssistSubmitted, null, "zj-li"));

        Assert.Equal(WorkflowSubStatus.Suspended, first.SubStatus);
        Assert.Equal([InboxTaskStatus.Completed, InboxTaskStatus.Open], (await InboxAsync()).Select(t => t.Status));
        var (@event, data) = await LastEventAsync<TaskOutcomeData>(routed.Id, CaseEventKind.AssistanceSubmitted);
        Assert.Equal((tasks[0].TaskId, ActivityCity.Assisting, CaseActorKind.Unit), (data.TaskId, data.UnitCode, @event.ActorKind));

        var last = await Runtime.CompleteTaskAsync(tasks[1].TaskId, new TaskCompletion(InboxRules.AssistSubmitted, null, "pd-zhao"));

        AssertFinished(last);
        Assert.Equal("Done", Outcome(last));
        Assert.All(await InboxAsync(), t => Assert.Equal(InboxTaskStatus.Completed, t.Status));
    }

    [Fact]
    public async Task Should_BeDoneAtOnceWithoutTasks_When_TheCaseHasNoAssistingUnits()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Request(registered.Id));

        AssertFinished(run);
        Assert.Equal("Done", Outcome(run));
        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task Should_FaultAndOpenNoTask_When_TheSignForLimitIsNegative()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Request(routed.Id).With("SignWithinHours", -2.0));

        await AssertRefusedAsync(run, "A sign-for limit of -2 working hours is out of range.", routed);
        Assert.Empty(await InboxAsync());
    }

    private static ActivityFlow Request(Guid caseId) => new ActivityFlow("RequestAssistance").With("CaseId", caseId.ToString()).Ports("Done");
}
