using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;
using static Hotline.Workflows.Tests.Activities.ContainerJson;

namespace Hotline.Workflows.Tests.Activities;

/// <summary>
/// Elsa.Sequence, Parallel, If, Switch and FlowNode's body, restating Elsa's tests (test/integration/Elsa.Workflows.IntegrationTests/
/// Activities/{Sequence,If}, test/unit/Elsa.Activities.UnitTests/{Flow,Branching,Parallel}) as JSON definitions.
/// </summary>
public sealed class ContainerActivityTests
{
    [Fact]
    public async Task Should_run_the_activities_in_order_When_a_Sequence_runs()
    {
        var (result, lines) = await RunAsync(Workflow(Sequence("main", WriteLine("a", "Line 1"), WriteLine("b", "Line 2"), WriteLine("c", "Line 3"))));

        Assert.Equal(["Line 1", "Line 2", "Line 3"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_stop_the_Sequence_When_one_of_its_activities_is_terminal()
    {
        var (result, lines) = await RunAsync(Workflow(Sequence("main", WriteLine("a", "Line 1"), FlowchartBuilder.Activity("end", "Elsa.End"), WriteLine("b", "Line 2"))));

        Assert.Equal(["Line 1"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_give_the_children_the_container_variables_When_a_Sequence_declares_variables()
    {
        var sequence = Sequence("main", SetVariable("set", "Greeting", "getGreeting() + ' world'"), WriteLineJs("write", "getGreeting()"));
        sequence["variables"] = new JsonArray(Variable("Greeting", "String", "hello"));

        var (_, lines) = await RunAsync(Workflow(sequence));

        Assert.Equal(["hello world"], lines);
    }

    [Fact]
    public async Task Should_start_each_run_with_the_default_When_a_loop_runs_a_Sequence_with_variables()
    {
        var body = Sequence("body", SetVariable("set", "Seen", "getSeen() + getCurrentValue()"), WriteLineJs("write", "getSeen()"));
        body["variables"] = new JsonArray(Variable("Seen", "String", "-"));

        var (_, lines) = await RunAsync(Workflow(ForEach("loop", "['a', 'b']", body)));

        Assert.Equal(["-a", "-b"], lines);
    }

    [Fact]
    public async Task Should_refuse_the_definition_When_an_activity_outside_the_Sequence_reads_its_variable()
    {
        var sequence = Sequence("inner", WriteLine("a", "inside"));
        sequence["variables"] = new JsonArray(Variable("Local", "String", "x"));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => new TestEngine().RunAsync(Workflow(Sequence("main", sequence, WriteLineJs("outside", "getLocal()")))));

        Assert.Contains("getLocal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_use_the_root_Sequence_variables_When_the_definition_root_is_a_Sequence()
    {
        var root = Sequence("root", WriteLineJs("write", "'count ' + getCount()"));
        root["variables"] = new JsonArray(Variable("Count", "Int32", "7"));
        var json = new FlowchartBuilder().Build();
        json["root"] = root;

        var engine = new TestEngine();
        var result = await engine.RunAsync(WorkflowDefinitionReader.Parse(json.ToJsonString()));

        Assert.Equal(["count 7"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_complete_after_every_child_When_a_Parallel_runs()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(Workflow(Sequence("main",
            Parallel("both", Sequence("one", Event("wait", "go"), WriteLine("a", "A")), WriteLine("b", "B")),
            WriteLine("after", "After"))));
        Assert.Equal(["B"], engine.Output.Lines);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, Assert.Single(result.Bookmarks).Id, null);

        Assert.Equal(["B", "A", "After"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_complete_at_once_When_a_Parallel_is_empty()
    {
        var (result, lines) = await RunAsync(Workflow(Sequence("main", Parallel("none"), WriteLine("after", "After"))));

        Assert.Equal(["After"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Theory]
    [InlineData("true", "Then")]
    [InlineData("false", "Else")]
    public async Task Should_run_the_branch_of_the_condition_When_an_If_runs(string condition, string expected)
    {
        var engine = new TestEngine();
        var @if = If("if", condition, WriteLine("then", "Then"), WriteLine("else", "Else"));
        @if["result"] = new JsonObject { ["typeName"] = "Boolean", ["memoryReference"] = new JsonObject { ["id"] = FlowchartBuilder.VariableId("Outcome") } };
        var result = await engine.RunAsync(Workflow(Sequence("main", @if, WriteLineJs("after", "'after ' + getOutcome()"))).Variable("Outcome", "Boolean"));

        Assert.Equal([expected, $"after {condition}"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_complete_at_once_When_the_If_has_no_branch_for_the_condition()
    {
        var (result, lines) = await RunAsync(Workflow(Sequence("main", If("if", "false", WriteLine("then", "Then")), WriteLine("after", "After"))));

        Assert.Equal(["After"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_continue_through_Done_When_an_If_runs_inside_a_flowchart()
    {
        var engine = new TestEngine();
        var workflow = new FlowchartBuilder().Add(If("if", "true", WriteLine("then", "Then"))).WriteLine("next", "Next").Connect("if", "next");

        var result = await engine.RunAsync(workflow);

        Assert.Equal(["Then", "Next"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Theory]
    [InlineData("MatchFirst", "one")]
    [InlineData("MatchAny", "one,two")]
    public async Task Should_run_the_matching_cases_When_a_Switch_runs(string mode, string expected)
    {
        var @switch = Switch("switch", mode, WriteLine("default", "default"),
            Case("A", "false", WriteLine("zero", "zero")),
            Case("B", "true", WriteLine("one", "one")),
            Case("C", "1 == 1", WriteLine("two", "two")));

        var (result, lines) = await RunAsync(Workflow(Sequence("main", @switch, WriteLine("after", "after"))));

        Assert.Equal([.. expected.Split(','), "after"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Theory]
    [InlineData("MatchFirst")]
    [InlineData("MatchAny")]
    public async Task Should_run_the_default_When_no_Switch_case_matches(string mode)
    {
        var (_, lines) = await RunAsync(Workflow(Switch("switch", mode, WriteLine("default", "default"), Case("A", "false", WriteLine("zero", "zero")))));

        Assert.Equal(["default"], lines);
    }

    [Fact]
    public async Task Should_complete_at_once_When_no_Switch_case_matches_and_there_is_no_default()
    {
        var (result, lines) = await RunAsync(Workflow(Sequence("main", Switch("switch", "MatchAny", null, Case("A", "false", WriteLine("zero", "zero"))), WriteLine("after", "after"))));

        Assert.Equal(["after"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_report_problems_inside_bodies_When_a_body_has_a_duplicate_id_an_unknown_type_or_a_foreign_connection()
    {
        var inner = new FlowchartBuilder().WriteLine("w", "x").BuildRoot("inner");
        ((JsonArray)inner["connections"]!).Add(JsonNode.Parse("""{ "source": { "activity": "w", "port": "Done" }, "target": { "activity": "outside", "port": "In" } }"""));
        var workflow = Workflow(Sequence("main",
            ForEach("loop", "[1]", Sequence("body", WriteLine("dup", "a"), WriteLine("dup", "b"), FlowchartBuilder.Activity("odd", "Elsa.NoSuchThing"))),
            FlowchartBuilder.Activity("node", "Elsa.FlowNode", a => a.Set("body", inner)),
            WriteLine("outside", "y")));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => new TestEngine().RunAsync(workflow));

        Assert.Contains("Duplicate activity id 'dup'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown activity type 'Elsa.NoSuchThing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("refers to activity 'outside', which is not in the flowchart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_resume_inside_the_body_When_a_FlowNode_body_waits()
    {
        var engine = new TestEngine();
        var body = new FlowchartBuilder().Event("wait", "go").WriteLine("w", "inside").Connect("wait", "w").BuildRoot("inner");
        var workflow = new FlowchartBuilder().Add(FlowchartBuilder.Activity("node", "Elsa.FlowNode", a => a.Set("body", body))).WriteLine("after", "after").Connect("node", "after");
        var result = await engine.RunAsync(workflow);
        Assert.Empty(engine.Output.Lines);

        result = await engine.Runtime.ResumeAsync(result.InstanceId, Assert.Single(result.Bookmarks).Id, null);

        Assert.Equal(["inside", "after"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    private static async Task<(RunResult Result, IReadOnlyList<string> Lines)> RunAsync(FlowchartBuilder workflow)
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync(workflow);
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return (result, engine.Output.Lines);
    }
}
