using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Elsa.FlowDecision, FlowSwitch, FlowFork and the Elsa.Fork container.</summary>
public sealed class BranchingActivityTests
{
    private readonly TestEngine _engine = new();

    [Theory]
    [InlineData(7, "big")]
    [InlineData(3, "small")]
    public async Task Should_follow_the_port_of_the_condition_When_a_decision_runs(int number, string expected)
    {
        var workflow = new FlowchartBuilder()
            .Input("Number", "Int32")
            .Start()
            .Add("decision", "Elsa.FlowDecision", a => a.JavaScript("condition", "getNumber() > 5", "Boolean"))
            .WriteLine("big", "big")
            .WriteLine("small", "small")
            .Connect("start", "decision")
            .Connect("decision", "big", "True")
            .Connect("decision", "small", "False");

        var result = await _engine.RunAsync(workflow, new StartOptions { Input = new Dictionary<string, object?> { ["Number"] = number } });

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal([expected], _engine.Output.Lines);
    }

    private static FlowchartBuilder Switch(string? mode) => new FlowchartBuilder()
        .Input("Amount", "Int32")
        .Start()
        .Add("switch", "Elsa.FlowSwitch", a =>
        {
            a.Set("cases", new JsonArray(
                new JsonObject { ["label"] = "Large", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getAmount() > 1000" } },
                new JsonObject { ["label"] = "Positive", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getAmount() > 0" } },
                new JsonObject { ["label"] = "Never", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "false" } }));
            if (mode is not null)
                a.Literal("mode", mode, "SwitchMode");
        })
        .WriteLine("large", "large")
        .WriteLine("positive", "positive")
        .WriteLine("never", "never")
        .WriteLine("default", "default")
        .Connect("start", "switch")
        .Connect("switch", "large", "Large")
        .Connect("switch", "positive", "Positive")
        .Connect("switch", "never", "Never")
        .Connect("switch", "default", "Default");

    [Theory]
    [InlineData(null)]
    [InlineData("MatchFirst")]
    public async Task Should_follow_only_the_first_matching_case_When_switch_mode_is_match_first(string? mode)
    {
        await _engine.RunAsync(Switch(mode), new StartOptions { Input = new Dictionary<string, object?> { ["Amount"] = 5000 } });

        Assert.Equal(["large"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_follow_every_matching_case_When_switch_mode_is_match_any()
    {
        var result = await _engine.RunAsync(Switch("MatchAny"), new StartOptions { Input = new Dictionary<string, object?> { ["Amount"] = 5000 } });

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["large", "positive"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_follow_default_When_no_case_matches()
    {
        await _engine.RunAsync(Switch("MatchAny"), new StartOptions { Input = new Dictionary<string, object?> { ["Amount"] = -1 } });

        Assert.Equal(["default"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_run_every_branch_port_When_a_flow_fork_completes()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Left","Right","Unused"]""", "String[]"))
            .WriteLine("left", "left")
            .WriteLine("right", "right")
            .WriteLine("done", "done port")
            .Connect("start", "fork")
            .Connect("fork", "left", "Left")
            .Connect("fork", "right", "Right")
            .Connect("fork", "done");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["left", "right"], _engine.Output.Lines);
    }

    private static JsonObject Fork(string joinMode, params JsonObject[] branches) =>
        FlowchartBuilder.Activity("fork", "Elsa.Fork", a => a.Set("joinMode", joinMode).Set("branches", new JsonArray(branches)));

    private static JsonObject TaskBranch(string id, string taskName) =>
        FlowchartBuilder.Activity(id, "Hotline.HumanTask", a => a.Literal("taskName", taskName));

    [Fact]
    public async Task Should_complete_after_every_branch_When_fork_waits_for_all()
    {
        var flowBranch = new FlowchartBuilder().WriteLine("inBranch", "branch ran").BuildRoot("branchFlow");
        var workflow = new FlowchartBuilder()
            .Start()
            .Add(Fork("WaitAll", TaskBranch("a", "Task A"), TaskBranch("b", "Task B"), flowBranch))
            .WriteLine("after", "after fork")
            .Chain("start", "fork", "after");

        var started = await _engine.RunAsync(workflow);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        Assert.Equal(["branch ran"], _engine.Output.Lines);
        Assert.Equal(2, started.Bookmarks.Count);

        var afterA = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Task A").TaskId, new TaskCompletion("Done"));
        Assert.Equal(WorkflowSubStatus.Suspended, afterA.SubStatus);
        Assert.Equal(["branch ran"], _engine.Output.Lines);

        var afterB = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Task B").TaskId, new TaskCompletion("Done"));
        Assert.Equal(WorkflowSubStatus.Finished, afterB.SubStatus);
        Assert.Equal(["branch ran", "after fork"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_complete_on_the_first_branch_and_cancel_the_others_When_fork_waits_for_any()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add(Fork("WaitAny", TaskBranch("a", "Task A"), TaskBranch("b", "Task B")))
            .HumanTask("next", "Next")
            .Chain("start", "fork", "next");

        var started = await _engine.RunAsync(workflow);
        var taskB = _engine.Task("Task B").TaskId;

        var result = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Task A").TaskId, new TaskCompletion("Done"));

        Assert.Equal(WorkflowSubStatus.Suspended, result.SubStatus);
        var bookmark = Assert.Single(result.Bookmarks);
        Assert.Equal("Next", bookmark.Payload!["taskName"]!.GetValue<string>());
        Assert.Contains("Canceled", await _engine.EventsOfAsync(started.InstanceId, "b"));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => _engine.Runtime.CompleteTaskAsync(taskB, new TaskCompletion("Done")));
    }
}
