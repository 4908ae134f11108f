using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;
using static Hotline.Workflows.Tests.Activities.ContainerJson;

namespace Hotline.Workflows.Tests.Activities;

/// <summary>
/// Elsa.ForEach, ParallelForEach, For, While and Break, restating Elsa's tests (test/integration/Elsa.Workflows.IntegrationTests/
/// Activities/{ForEach,Break}, test/unit/Elsa.Activities.UnitTests/Looping) as JSON definitions with the same results.
/// </summary>
public sealed class LoopActivityTests
{
    [Fact]
    public async Task Should_write_each_item_When_a_ForEach_body_writes_the_current_value_variable()
    {
        var loop = ForEach("loop", "['C#', 'Rust', 'Go']", WriteLineJs("write", "getCurrentItem()"));
        loop["currentValue"] = Output("CurrentItem");

        var (result, lines) = await RunAsync(Workflow(loop).Variable("CurrentItem", "String", ""));

        Assert.Equal(["C#", "Rust", "Go"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_give_the_body_CurrentValue_and_CurrentIndex_When_a_ForEach_runs()
    {
        var (_, lines) = await RunAsync(Workflow(ForEach("loop", "['a', 'b']", WriteLineJs("write", "getCurrentIndex() + ':' + getCurrentValue()"))));

        Assert.Equal(["0:a", "1:b"], lines);
    }

    [Fact]
    public async Task Should_leave_the_ForEach_When_its_body_breaks()
    {
        var loop = ForEach("loop", "['C#', 'Rust', 'Go']", Sequence("body",
            If("rust", "getCurrentItem() == 'Rust'", Break("break")),
            WriteLineJs("write", "getCurrentItem()")));
        loop["currentValue"] = Output("CurrentItem");

        var (result, lines) = await RunAsync(Workflow(Sequence("main", WriteLine("start", "Start"), loop, WriteLine("end", "End"))).Variable("CurrentItem", "String", ""));

        Assert.Equal(["Start", "C#", "End"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_leave_only_the_inner_loop_When_a_nested_ForEach_breaks()
    {
        var inner = ForEach("inner", "['Classes', 'Functions', 'Modules']", Sequence("innerBody",
            If("functions", "getCurrentValue() == 'Functions'", Break("break")),
            WriteLineJs("writeInner", "getCurrentValue()")));
        var outer = ForEach("outer", "['C#', 'Rust', 'Go']", Sequence("outerBody", WriteLineJs("writeOuter", "getCurrentValue()"), inner));

        var (_, lines) = await RunAsync(Workflow(outer));

        Assert.Equal(["C#", "Classes", "Rust", "Classes", "Go", "Classes"], lines);
    }

    [Fact]
    public async Task Should_leave_the_For_loop_When_its_body_breaks()
    {
        var loop = For("loop", 0, 3, 1, Sequence("body",
            If("two", "getCurrentValue() == 2", Break("break")),
            WriteLineJs("write", "'' + getCurrentValue()")));

        var (_, lines) = await RunAsync(Workflow(Sequence("main", WriteLine("start", "Start"), loop, WriteLine("end", "End"))));

        Assert.Equal(["Start", "0", "1", "End"], lines);
    }

    [Fact]
    public async Task Should_leave_the_While_loop_When_its_body_breaks()
    {
        var main = Sequence("main",
            WriteLine("start", "Start"),
            While("loop", "true", Sequence("body",
                SetVariable("count", "CurrentValue", "getCurrentValue() + 1"),
                If("three", "getCurrentValue() == 3", Break("break")),
                WriteLineJs("write", "'' + getCurrentValue()"))),
            WriteLine("end", "End"));
        main["variables"] = new System.Text.Json.Nodes.JsonArray(Variable("CurrentValue", "Int32", "0"));

        var (_, lines) = await RunAsync(Workflow(main));

        Assert.Equal(["Start", "1", "2", "End"], lines);
    }

    [Theory]
    [InlineData(1, 3, 1, true, "1,2,3")]
    [InlineData(5, 1, -1, true, "5,4,3,2,1")]
    [InlineData(-1, -5, -1, true, "-1,-2,-3,-4,-5")]
    [InlineData(1, 3, 1, false, "1,2")]
    [InlineData(5, 5, 1, true, "5")]
    [InlineData(5, 5, 1, false, "")]
    [InlineData(5, 1, 1, true, "")]
    [InlineData(1, 5, -1, true, "")]
    public async Task Should_run_the_steps_Elsa_runs_When_a_For_loop_has_these_bounds(int start, int end, int step, bool inclusive, string expected)
    {
        var (result, lines) = await RunAsync(Workflow(For("loop", start, end, step, WriteLineJs("write", "'' + getCurrentValue()"), inclusive)));

        Assert.Equal(expected, string.Join(",", lines));
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_evaluate_the_condition_before_each_iteration_When_a_While_loop_counts()
    {
        var loop = While("loop", "getCount() < 3", Sequence("body", SetVariable("inc", "Count", "getCount() + 1"), WriteLineJs("write", "'' + getCount()")));

        var (_, lines) = await RunAsync(Workflow(loop).Variable("Count", "Int32", "0"));

        Assert.Equal(["1", "2", "3"], lines);
    }

    [Fact]
    public async Task Should_not_run_the_body_When_the_While_condition_is_false()
    {
        var (result, lines) = await RunAsync(Workflow(While("loop", "false", WriteLine("write", "never"))));

        Assert.Empty(lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_run_the_body_for_every_item_and_complete_once_When_a_ParallelForEach_runs()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Workflow(ForEach("loop", "[1, 2, 3]", WriteLineJs("write", "'item ' + getCurrentValue()"), "Elsa.ParallelForEach")));

        Assert.Equal(["item 1", "item 2", "item 3"], engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await engine.EventsOfAsync(result.InstanceId, "loop"));
        Assert.Equal(3, (await engine.EventsOfAsync(result.InstanceId, "write")).Count(e => e == "Completed"));
    }

    [Fact]
    public async Task Should_complete_at_once_When_a_ParallelForEach_has_no_items()
    {
        var (result, lines) = await RunAsync(Workflow(ForEach("loop", "[]", WriteLine("write", "never"), "Elsa.ParallelForEach")));

        Assert.Empty(lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_wait_for_every_body_When_ParallelForEach_bodies_suspend()
    {
        var engine = new TestEngine();
        var body = Sequence("body", Event("wait", "go"), WriteLineJs("write", "'done ' + getCurrentValue()"));
        var result = await engine.RunAsync(Workflow(ForEach("loop", "['a', 'b']", body, "Elsa.ParallelForEach")));
        Assert.Equal(2, result.Bookmarks.Count);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, result.Bookmarks[1].Id, null);
        Assert.Equal(["done b"], engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Running, result.Status);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, Assert.Single(result.Bookmarks).Id, null);
        Assert.Equal(["done b", "done a"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_continue_the_loop_from_the_stored_state_When_a_ForEach_body_suspends_and_resumes()
    {
        var engine = new TestEngine();
        var body = Sequence("body", Event("wait", "go"), WriteLineJs("write", "getCurrentIndex() + ':' + getCurrentValue()"));
        var result = await engine.RunAsync(Workflow(Sequence("main", WriteLine("start", "Start"), ForEach("loop", "['a', 'b']", body), WriteLine("end", "End"))));
        Assert.Equal(WorkflowStatus.Running, result.Status);
        Assert.Equal(["Start"], engine.Output.Lines);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, Assert.Single(result.Bookmarks).Id, null);
        Assert.Equal(["Start", "0:a"], engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Running, result.Status);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, Assert.Single(result.Bookmarks).Id, null);
        Assert.Equal(["Start", "0:a", "1:b", "End"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_keep_counting_after_a_resume_When_a_For_body_waits_on_a_timer()
    {
        var engine = new TestEngine();
        var body = Sequence("body", FlowchartBuilder.Activity("delay", "Elsa.Delay", a => a.Literal("timeSpan", "00:01:00", "TimeSpan")), WriteLineJs("write", "'' + getCurrentValue()"));
        var result = await engine.RunAsync(Workflow(For("loop", 1, 3, 1, body)));

        for (var i = 0; i < 3; i++)
            await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["1", "2", "3"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, (await engine.InstanceAsync(result.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Should_break_the_While_loop_from_a_fork_branch_When_the_branch_resumes()
    {
        var engine = new TestEngine();
        var fork = FlowchartBuilder.Activity("fork", "Elsa.Fork", a => a.Literal("joinMode", "WaitAll").Set("branches", new System.Text.Json.Nodes.JsonArray(
            Sequence("branch1", WriteLine("b1", "Branch 1"), Event("e1", "Branch 1"), WriteLine("b1r", "Branch 1 - Resumed"), Break("break")),
            Sequence("branch2", WriteLine("b2", "Branch 2"), Event("e2", "Branch 2"), WriteLine("b2r", "Branch 2 - Resumed")))));
        var result = await engine.RunAsync(Workflow(Sequence("main", WriteLine("start", "Start"), While("loop", "true", Sequence("body", fork)), WriteLine("end", "End"))));
        Assert.Equal(["Start", "Branch 1", "Branch 2"], engine.Output.Lines);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, result.Bookmarks.Single(b => b.ActivityNodeId.EndsWith(":e1", StringComparison.Ordinal)).Id, null);

        // Elsa's BlockingAndBreaking Test3: the break ends the fork (the other branch is cancelled) and the loop.
        Assert.Equal(["Start", "Branch 1", "Branch 2", "Branch 1 - Resumed", "End"], engine.Output.Lines);
        Assert.Empty(result.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    private static System.Text.Json.Nodes.JsonObject Output(string variable) => new()
    {
        ["typeName"] = "Object",
        ["memoryReference"] = new System.Text.Json.Nodes.JsonObject { ["id"] = FlowchartBuilder.VariableId(variable) },
    };

    private static async Task<(RunResult Result, IReadOnlyList<string> Lines)> RunAsync(FlowchartBuilder workflow)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(workflow);
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return (result, engine.Output.Lines);
    }
}
