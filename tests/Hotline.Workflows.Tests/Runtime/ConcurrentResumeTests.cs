using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>Resumes racing on one instance: each save checks the revision, a loser reloads and retries, a bookmark is consumed once.</summary>
public sealed class ConcurrentResumeTests
{
    private readonly TestEngine _engine = new();
    private readonly RendezvousInstanceStore _store;
    private readonly WorkflowRuntime _runtime;

    public ConcurrentResumeTests()
    {
        _store = new RendezvousInstanceStore(_engine.Instances);
        _runtime = new WorkflowRuntime(ActivityRegistry.CreateDefault(), _engine.Definitions, _store, new EngineServices { Clock = _engine.Clock, TextOutput = _engine.Output });
    }

    private async Task<RunResult> StartAsync(FlowchartBuilder workflow)
    {
        var definition = workflow.Definition();
        await WorkflowFileRunner.PublishImportedAsync(_runtime, definition);
        return await _runtime.StartAsync(await _runtime.CompileAsync(definition), new StartOptions());
    }

    [Fact]
    public async Task Should_apply_both_When_two_tasks_of_one_instance_are_completed_at_the_same_time()
    {
        var workflow = new FlowchartBuilder()
            .Variable("First", "String")
            .Variable("Second", "String")
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["A","B"]""", "String[]"))
            .Add("taskA", "Hotline.HumanTask", a => a.Literal("taskName", "A").OutputTo("result", FlowchartBuilder.VariableId("First")))
            .Add("taskB", "Hotline.HumanTask", a => a.Literal("taskName", "B").OutputTo("result", FlowchartBuilder.VariableId("Second")))
            .Add("join", "Elsa.FlowJoin", a => a.Literal("mode", "WaitAll", "FlowJoinMode"))
            .WriteLineJs("show", "getFirst() + ' and ' + getSecond()")
            .Connect("start", "fork")
            .Connect("fork", "taskA", "A")
            .Connect("fork", "taskB", "B")
            .Connect("taskA", "join")
            .Connect("taskB", "join")
            .Connect("join", "show");
        var started = await StartAsync(workflow);
        var taskA = _engine.Task("A").TaskId;
        var taskB = _engine.Task("B").TaskId;

        _store.Arm(parties: 2);
        var results = await Task.WhenAll(
            Task.Run(() => _runtime.CompleteTaskAsync(taskA, new TaskCompletion("Done", JsonValue.Create("alpha")))),
            Task.Run(() => _runtime.CompleteTaskAsync(taskB, new TaskCompletion("Done", JsonValue.Create("beta")))));

        Assert.True(_store.Conflicts >= 1, "both resumes should have loaded the same revision");
        Assert.Contains(results, r => r.SubStatus == WorkflowSubStatus.Finished);
        Assert.Equal(["alpha and beta"], _engine.Output.LinesOf(started.InstanceId));
        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, stored.SubStatus);
        Assert.Equal(3, stored.Revision);
        Assert.Empty(stored.Bookmarks);
    }

    [Fact]
    public async Task Should_let_exactly_one_succeed_When_the_same_bookmark_is_resumed_twice_at_the_same_time()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .HumanTask("task", "Only once")
            .WriteLine("after", "after")
            .HumanTask("next", "Next")
            .Chain("start", "task", "after", "next");
        var started = await StartAsync(workflow);
        var bookmark = Assert.Single(started.Bookmarks);

        _store.Arm(parties: 2);
        Task<RunResult>[] attempts =
        [
            Task.Run(() => _runtime.ResumeAsync(started.InstanceId, bookmark.Id, new TaskCompletion("Done"))),
            Task.Run(() => _runtime.ResumeAsync(started.InstanceId, bookmark.Id, new TaskCompletion("Done"))),
        ];
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (BookmarkNotFoundException)
        {
            // Expected for one of them; asserted below.
        }

        var winner = Assert.Single(attempts, a => a.IsCompletedSuccessfully);
        Assert.Equal(WorkflowSubStatus.Suspended, (await winner).SubStatus);
        var loser = Assert.Single(attempts, a => a.IsFaulted);
        var error = Assert.IsType<BookmarkNotFoundException>(loser.Exception!.InnerException);
        Assert.Equal(bookmark.Id, error.BookmarkId);
        Assert.Equal(1, _store.Conflicts);
        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(2, stored.Revision);
        Assert.Equal("Next", Assert.Single(stored.Bookmarks).Payload!["taskName"]!.GetValue<string>());
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId);
        Assert.Single(journal, j => j.ActivityId == "task" && j.EventName == "Resumed");
        Assert.Single(journal, j => j.ActivityId == "after" && j.EventName == "Completed");
        Assert.Single(_engine.Tasks, t => t.TaskName == "Next");
    }

    [Fact]
    public async Task Should_tell_the_loser_the_instance_has_ended_When_the_winner_of_a_double_resume_finished_it()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .HumanTask("task", "Last step")
            .WriteLine("after", "after")
            .Chain("start", "task", "after");
        var started = await StartAsync(workflow);
        var bookmark = Assert.Single(started.Bookmarks);

        _store.Arm(parties: 2);
        Task<RunResult>[] attempts =
        [
            Task.Run(() => _runtime.ResumeAsync(started.InstanceId, bookmark.Id, new TaskCompletion("Done"))),
            Task.Run(() => _runtime.ResumeAsync(started.InstanceId, bookmark.Id, new TaskCompletion("Done"))),
        ];
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (InstanceNotRunningException)
        {
            // Expected for one of them; asserted below.
        }

        var winner = Assert.Single(attempts, a => a.IsCompletedSuccessfully);
        Assert.Equal(WorkflowSubStatus.Finished, (await winner).SubStatus);
        var error = Assert.IsType<InstanceNotRunningException>(Assert.Single(attempts, a => a.IsFaulted).Exception!.InnerException);
        Assert.Equal(WorkflowSubStatus.Finished, error.SubStatus);
        Assert.Single(await _engine.Instances.GetJournalAsync(started.InstanceId), j => j.ActivityId == "after" && j.EventName == "Completed");
    }

    [Fact]
    public async Task Should_let_exactly_one_succeed_When_the_same_task_is_completed_twice_at_the_same_time()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .HumanTask("task", "Decide", "Yes", "No")
            .WriteLine("yes", "yes")
            .WriteLine("no", "no")
            .HumanTask("next", "Next")
            .Connect("start", "task")
            .Connect("task", "yes", "Yes")
            .Connect("task", "no", "No")
            .Connect("yes", "next")
            .Connect("no", "next");
        var started = await StartAsync(workflow);
        var taskId = _engine.Task("Decide").TaskId;

        _store.Arm(parties: 2);
        Task<RunResult>[] attempts =
        [
            Task.Run(() => _runtime.CompleteTaskAsync(taskId, new TaskCompletion("Yes"))),
            Task.Run(() => _runtime.CompleteTaskAsync(taskId, new TaskCompletion("No"))),
        ];
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (TaskNotFoundException)
        {
            // Expected for one of them: the task is no longer open; asserted below.
        }

        var winner = Assert.Single(attempts, a => a.IsCompletedSuccessfully);
        Assert.Equal(WorkflowSubStatus.Suspended, (await winner).SubStatus);
        Assert.IsType<TaskNotFoundException>(Assert.Single(attempts, a => a.IsFaulted).Exception!.InnerException);
        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId);
        var chosen = Assert.Single(journal, j => j.ActivityId is "yes" or "no" && j.EventName == "Completed");
        Assert.Equal(chosen.ActivityId == "yes" ? "Yes" : "No", Assert.Single(journal, j => j.ActivityId == "task" && j.EventName == "Completed").Payload!["outcome"]!.GetValue<string>());
        Assert.Single(_engine.Tasks, t => t.TaskName == "Next");
    }
}
