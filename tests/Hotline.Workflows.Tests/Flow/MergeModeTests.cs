using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Flow;

/// <summary>
/// Elsa 3.8's token flow (Flowchart.Tokens.cs): explicit joins (FlowJoin WaitAll = Merge, WaitAny = Race) and
/// <c>customProperties.mergeMode</c> (Stream by default, Merge, Converge, Cascade, Race) on a target with several inbound
/// connections, and loops.
/// </summary>
public sealed class MergeModeTests
{
    private readonly TestEngine _engine = new();

    /// <summary>Start → fork(Fast, Slow); Fast: WriteLine "fast"; Slow: <paramref name="slowType"/> (waits); both → join → WriteLine "joined".</summary>
    private static FlowchartBuilder ForkAndJoin(Action<FlowchartBuilder> addSlow, Action<FlowchartBuilder> addJoin, bool waitAfterJoin = false)
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Fast","Slow"]""", "String[]"))
            .WriteLine("fast", "fast")
            .WriteLine("slowDone", "slow done")
            .WriteLine("joined", "joined")
            .Connect("start", "fork")
            .Connect("fork", "fast", "Fast")
            .Connect("fork", "slow", "Slow")
            .Connect("slow", "slowDone")
            .Connect("fast", "join")
            .Connect("slowDone", "join")
            .Connect("join", "joined");
        addSlow(workflow);
        addJoin(workflow);
        if (waitAfterJoin)
            workflow.HumanTask("after", "After join").Connect("joined", "after");
        return workflow;
    }

    private static Action<FlowchartBuilder> FlowJoin(string? mode) => w => w.Add("join", "Elsa.FlowJoin", a =>
    {
        if (mode is not null)
            a.Literal("mode", mode, "FlowJoinMode");
    });

    private static Action<FlowchartBuilder> Target(string? mergeMode) => w => w.Add("join", "Elsa.FlowNode", a =>
    {
        if (mergeMode is not null)
            a.MergeMode(mergeMode);
    });

    private static readonly Action<FlowchartBuilder> SlowTask = w => w.HumanTask("slow", "Slow");
    private static readonly Action<FlowchartBuilder> SlowTimer = w => w.Delay("slow", "01:00:00");
    private static readonly Action<FlowchartBuilder> SlowEvent = w => w.Event("slow", "SlowArrived");

    [Fact]
    public async Task Should_wait_for_every_branch_When_a_flow_join_waits_for_all()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowTask, FlowJoin("WaitAll")));

        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        Assert.Equal(["fast"], _engine.Output.Lines);
        Assert.Empty(await _engine.EventsOfAsync(started.InstanceId, "join"));

        var result = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Slow").TaskId, new TaskCompletion("Done"));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["fast", "slow done", "joined"], _engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(started.InstanceId, "join"));
    }

    [Fact]
    public async Task Should_continue_on_the_first_branch_and_cancel_the_waiting_timer_When_a_flow_join_waits_for_any()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowTimer, FlowJoin("WaitAny"), waitAfterJoin: true));

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal("Hotline.HumanTask", bookmark.Name);
        Assert.Contains("Canceled", await _engine.EventsOfAsync(started.InstanceId, "slow"));

        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromHours(2)));
        Assert.Equal(["fast", "joined"], _engine.Output.Lines);

        var result = await _engine.Runtime.CompleteTaskAsync(_engine.Task("After join").TaskId, new TaskCompletion("Done"));
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_cancel_the_waiting_event_When_a_race_merge_target_is_reached_first_by_another_branch()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowEvent, Target("Race"), waitAfterJoin: true));

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        Assert.Empty(await _engine.Instances.FindBookmarksAsync(Hotline.Workflows.Activities.Events.Event.BookmarkName, "SlowArrived"));

        await _engine.Runtime.PublishEventAsync("SlowArrived", null, null, null);

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, (await _engine.InstanceAsync(started.InstanceId)).SubStatus);
    }

    /// <summary>Elsa's FlowJoin defaults its mode to WaitAny (FlowJoin.cs: <c>Mode = new(FlowJoinMode.WaitAny)</c>), so a join without a mode races.</summary>
    [Fact]
    public async Task Should_race_When_a_flow_join_has_no_mode()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowTimer, FlowJoin(null), waitAfterJoin: true));

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        Assert.Equal("Hotline.HumanTask", Assert.Single(started.Bookmarks).Name);
    }

    /// <summary>
    /// Stream (the default) only checks whether the direct sources of the target's inbound connections still have
    /// unconsumed tokens (Elsa 3.8: "an approximation that proceeds when upstream completes"), so with branches of
    /// unequal length the target runs once per arrival.
    /// </summary>
    [Fact]
    public async Task Should_run_the_target_for_each_arrival_When_stream_merges_branches_of_unequal_length()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowTask, Target(null)));

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        var result = await _engine.Runtime.CompleteTaskAsync(_engine.Task("Slow").TaskId, new TaskCompletion("Done"));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["fast", "joined", "slow done", "joined"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_run_the_target_once_after_both_When_stream_merges_branches_of_equal_length()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["A","B"]""", "String[]"))
            .WriteLine("a", "a")
            .WriteLine("b", "b")
            .WriteLine("target", "target")
            .Connect("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Connect("a", "target")
            .Connect("b", "target");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["a", "b", "target"], _engine.Output.Lines);
    }

    /// <summary>Start → decision; True → a, False → b; a and b → target. Only one inbound path is ever taken.</summary>
    private static FlowchartBuilder DecisionIntoTarget(string? mergeMode) => new FlowchartBuilder()
        .Start()
        .Add("decision", "Elsa.FlowDecision", a => a.Literal("condition", "true", "Boolean"))
        .WriteLine("a", "a")
        .WriteLine("b", "b")
        .Add("target", "Elsa.WriteLine", a =>
        {
            a.Literal("text", "target");
            if (mergeMode is not null)
                a.MergeMode(mergeMode);
        })
        .Connect("start", "decision")
        .Connect("decision", "a", "True")
        .Connect("decision", "b", "False")
        .Connect("a", "target")
        .Connect("b", "target");

    [Theory]
    [InlineData(null)]
    [InlineData("None")]
    [InlineData("Stream")]
    public async Task Should_run_the_target_once_and_ignore_the_untaken_path_When_merging_in_stream_mode(string? mergeMode)
    {
        var result = await _engine.RunAsync(DecisionIntoTarget(mergeMode));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["a", "target"], _engine.Output.Lines);
    }

    [Theory]
    [InlineData("Merge")]
    [InlineData("Converge")]
    public async Task Should_block_on_the_untaken_path_When_merging_in_merge_or_converge_mode(string mergeMode)
    {
        var result = await _engine.RunAsync(DecisionIntoTarget(mergeMode));

        // Elsa 3.8 semantics: a forward inbound connection that never fires blocks the target, and the flowchart keeps an
        // unconsumed token, so it does not complete either.
        Assert.Equal(["a"], _engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Running, result.Status);
        Assert.Empty(result.Bookmarks);
        var tokens = (await _engine.InstanceAsync(result.InstanceId)).RootContext()["state"]!.AsArray();
        Assert.Contains(tokens, t => t!["from"]!.GetValue<string>() == "a" && t["to"]!.GetValue<string>() == "target" && !t["consumed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_run_once_after_both_branches_When_merging_a_fork_in_merge_mode()
    {
        var started = await _engine.RunAsync(ForkAndJoin(SlowTask, Target("Merge")));
        Assert.Equal(["fast"], _engine.Output.Lines);

        await _engine.Runtime.CompleteTaskAsync(_engine.Task("Slow").TaskId, new TaskCompletion("Done"));

        Assert.Equal(["fast", "slow done", "joined"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, (await _engine.InstanceAsync(started.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Should_run_the_target_on_the_first_arrival_and_block_the_other_inbound_connections_When_merging_in_cascade_mode()
    {
        // Elsa 3.8's Cascade code (Flowchart.Tokens.cs) shares Race's blocking tokens, without cancelling the other branch.
        var started = await _engine.RunAsync(ForkAndJoin(SlowTask, Target("Cascade")));

        Assert.Equal(["fast", "joined"], _engine.Output.Lines);
        Assert.Equal("Hotline.HumanTask", Assert.Single(started.Bookmarks).Name);
        Assert.DoesNotContain("Canceled", await _engine.EventsOfAsync(started.InstanceId, "slow"));
        var tokens = (await _engine.InstanceAsync(started.InstanceId)).RootContext()["state"]!.AsArray();
        Assert.Contains(tokens, t => t!["from"]!.GetValue<string>() == "slowDone" && t["to"]!.GetValue<string>() == "join" && t["blocked"]!.GetValue<bool>());
    }

    /// <summary>
    /// Start → loop (WriteLine "pass n", merge mode under test) → inc (Counter++) → check (Counter &lt; 3): True → loop
    /// (a back edge), False → done.
    /// </summary>
    private static FlowchartBuilder Loop(string mergeMode) => new FlowchartBuilder()
        .Variable("Counter", "Int32", "0")
        .Start()
        .Add("loop", "Elsa.WriteLine", a => a.JavaScript("text", "'pass ' + getCounter()", "String").MergeMode(mergeMode))
        .SetVariable("inc", "Counter", "JavaScript", "getCounter() + 1")
        .Add("check", "Elsa.FlowDecision", a => a.JavaScript("condition", "getCounter() < 3", "Boolean"))
        .WriteLine("done", "done")
        .Chain("start", "loop", "inc", "check")
        .Connect("check", "loop", "True")
        .Connect("check", "done", "False");

    [Theory]
    [InlineData("Merge")]
    [InlineData("Stream")]
    public async Task Should_loop_When_a_back_edge_enters_a_target_that_merges_forward_connections_only(string mergeMode)
    {
        var result = await _engine.RunAsync(Loop(mergeMode));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["pass 0", "pass 1", "pass 2", "done"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_wait_for_the_back_edge_too_When_a_loop_target_converges()
    {
        var result = await _engine.RunAsync(Loop("Converge"));

        Assert.Empty(_engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Running, result.Status);
    }
}
