using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>Cancelling an instance, and a cancelled <see cref="CancellationToken"/> during a resume.</summary>
public sealed class CancellationTests
{
    private readonly TestEngine _engine = new();

    /// <summary>Waits on a human task and a one-hour timer at once.</summary>
    private static FlowchartBuilder Waiting() => new FlowchartBuilder("waiting")
        .Start()
        .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Task","Timer"]""", "String[]"))
        .HumanTask("task", "Review")
        .Delay("timer", "01:00:00")
        .WriteLine("afterTask", "after task")
        .WriteLine("afterTimer", "after timer")
        .Connect("start", "fork")
        .Connect("fork", "task", "Task")
        .Connect("fork", "timer", "Timer")
        .Connect("task", "afterTask")
        .Connect("timer", "afterTimer");

    [Fact]
    public async Task Should_finish_as_cancelled_and_drop_every_bookmark_When_a_waiting_instance_is_cancelled()
    {
        var started = await _engine.RunAsync(Waiting());
        Assert.Equal(2, started.Bookmarks.Count);
        var taskId = _engine.Task("Review").TaskId;

        var result = await _engine.Runtime.CancelAsync(started.InstanceId);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(WorkflowSubStatus.Cancelled, result.SubStatus);
        Assert.Empty(result.Bookmarks);
        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Cancelled, stored.SubStatus);
        Assert.Equal(_engine.Clock.GetUtcNow(), stored.FinishedAt);
        Assert.Empty(Assert.IsType<InMemoryBookmarkScheduler>(_engine.Runtime.BookmarkScheduler).Scheduled);
        Assert.Contains("Canceled", await _engine.EventsOfAsync(started.InstanceId, "task"));
        Assert.Contains("Canceled", await _engine.EventsOfAsync(started.InstanceId, "timer"));

        await Assert.ThrowsAsync<TaskNotFoundException>(() => _engine.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Done")));
        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromHours(2)));
        Assert.Empty(_engine.Output.Lines);
    }

    [Fact]
    public async Task Should_refuse_to_resume_or_cancel_again_When_the_instance_was_cancelled()
    {
        var started = await _engine.RunAsync(Waiting());
        await _engine.Runtime.CancelAsync(started.InstanceId);

        var resume = await Assert.ThrowsAsync<InstanceNotRunningException>(() => _engine.Runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id));
        var cancel = await Assert.ThrowsAsync<InstanceNotRunningException>(() => _engine.Runtime.CancelAsync(started.InstanceId));

        Assert.Equal(WorkflowSubStatus.Cancelled, resume.SubStatus);
        Assert.Equal(WorkflowSubStatus.Cancelled, cancel.SubStatus);
    }

    [Fact]
    public async Task Should_save_nothing_When_the_cancellation_token_is_cancelled_during_a_resume()
    {
        var started = await _engine.RunAsync(Waiting());
        var taskBookmark = started.Bookmarks.Single(b => b.Name == "Hotline.HumanTask");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.Runtime.ResumeAsync(started.InstanceId, taskBookmark.Id, new TaskCompletion("Done"), cancelled.Token));

        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(2, stored.Bookmarks.Count);
        Assert.Empty(_engine.Output.Lines);
        var result = await _engine.Runtime.ResumeAsync(started.InstanceId, taskBookmark.Id, new TaskCompletion("Done"));
        Assert.Equal(["after task"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, result.SubStatus);
    }

    [Fact]
    public async Task Should_throw_instance_not_found_When_cancelling_an_unknown_instance()
    {
        var error = await Assert.ThrowsAsync<InstanceNotFoundException>(() => _engine.Runtime.CancelAsync("missing"));

        Assert.Equal("missing", error.InstanceId);
    }
}
