using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Hotline.HumanTask: dispatched through the task dispatcher after the instance is saved; completed with an outcome.</summary>
public sealed class HumanTaskTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Approval() => new FlowchartBuilder("approval")
        .Variable("Decision", "Object")
        .Start()
        .Add("task", "Hotline.HumanTask", a => a
            .Literal("taskName", "Approve refund")
            .Literal("assignee", "unit:finance")
            .ObjectValue("possibleOutcomes", """["Approved","Rejected"]""", "List<String>")
            .ObjectValue("payload", """{"amount":120}""")
            .OutputTo("result", FlowchartBuilder.VariableId("Decision")))
        .WriteLineJs("approved", "'approved by ' + getDecision().by")
        .WriteLine("rejected", "rejected")
        .Connect("start", "task")
        .Connect("task", "approved", "Approved")
        .Connect("task", "rejected", "Rejected");

    [Fact]
    public async Task Should_dispatch_the_task_with_its_outcomes_When_a_human_task_runs()
    {
        var result = await _engine.RunAsync(Approval(), new StartOptions { CorrelationId = "HL-9" });

        Assert.Equal(WorkflowSubStatus.Suspended, result.SubStatus);
        var task = Assert.Single(_engine.Tasks);
        Assert.Equal("Approve refund", task.TaskName);
        Assert.Equal(["Approved", "Rejected"], task.PossibleOutcomes);
        Assert.Equal("unit:finance", task.Assignee);
        Assert.Equal("HL-9", task.CorrelationId);
        Assert.Equal(result.InstanceId, task.WorkflowInstanceId);
        Assert.Equal(120, task.Payload!["amount"]!.GetValue<int>());
        Assert.Equal(Assert.Single(result.Bookmarks).Id, task.BookmarkId);
    }

    [Theory]
    [InlineData("Approved", "approved by ana")]
    [InlineData("Rejected", "rejected")]
    public async Task Should_follow_the_chosen_outcome_When_the_task_is_completed(string outcome, string expected)
    {
        var started = await _engine.RunAsync(Approval());

        var result = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Approve refund").TaskId, new TaskCompletion(outcome, new JsonObject { ["by"] = "ana" }));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal([expected], _engine.Output.LinesOf(started.InstanceId));
        var completed = (await _engine.Instances.GetJournalAsync(started.InstanceId)).Single(j => j.ActivityId == "task" && j.EventName == "Completed");
        Assert.Equal(outcome, completed.Payload!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_throw_task_not_found_When_the_task_was_already_completed()
    {
        await _engine.RunAsync(Approval());
        var taskId = _engine.Task("Approve refund").TaskId;
        await _engine.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Rejected"));

        await Assert.ThrowsAsync<TaskNotFoundException>(() => _engine.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Approved")));

        Assert.Equal(["rejected"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_reject_the_completion_and_keep_waiting_When_the_outcome_is_not_offered()
    {
        var started = await _engine.RunAsync(Approval());
        var taskId = _engine.Task("Approve refund").TaskId;

        var error = await Assert.ThrowsAsync<InvalidResumeInputException>(() => _engine.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Maybe")));

        Assert.Contains("'Maybe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Approved, Rejected", error.Message, StringComparison.Ordinal);
        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Suspended, stored.SubStatus);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(0, stored.IncidentCount);
        Assert.Single(stored.Bookmarks);
        Assert.Empty(_engine.Output.Lines);

        var result = await _engine.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Rejected"));
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["rejected"], _engine.Output.Lines);
    }
}
