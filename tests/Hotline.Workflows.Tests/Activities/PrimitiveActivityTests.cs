using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Elsa.Start, End, Complete, Fault, WriteLine, SetVariable, SetOutput and FlowNode.</summary>
public sealed class PrimitiveActivityTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Should_begin_at_the_start_node_When_it_is_not_the_first_activity()
    {
        var workflow = new FlowchartBuilder()
            .WriteLine("b", "B")
            .WriteLine("a", "A")
            .Start()
            .Chain("start", "a", "b");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["A", "B"], _engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(result.InstanceId, "start"));
    }

    [Fact]
    public async Task Should_write_evaluated_text_When_write_line_runs()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLine("literal", "plain text")
            .WriteLineJs("script", "'sum=' + (20 + 22)")
            .Chain("start", "literal", "script");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(["plain text", "sum=42"], _engine.Output.LinesOf(result.InstanceId));
        var journal = await _engine.Instances.GetJournalAsync(result.InstanceId);
        Assert.Equal("sum=42", journal.Last(j => j.ActivityId == "script" && j.EventName == "Completed").Payload!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_end_the_flowchart_and_drop_the_waiting_branch_When_end_completes()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Wait","Stop"]""", "String[]"))
            .Event("wait", "never")
            .WriteLine("afterWait", "after wait")
            .WriteLine("bye", "bye")
            .Add("end", "Elsa.End")
            .WriteLine("afterEnd", "after end")
            .Connect("start", "fork")
            .Connect("fork", "wait", "Wait")
            .Connect("wait", "afterWait")
            .Connect("fork", "bye", "Stop")
            .Chain("bye", "end", "afterEnd");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["bye"], _engine.Output.Lines);
        Assert.Empty(result.Bookmarks);
        Assert.Empty(await _engine.Instances.FindBookmarksAsync(Hotline.Workflows.Activities.Events.Event.BookmarkName, "never"));
        Assert.Contains("Canceled", await _engine.EventsOfAsync(result.InstanceId, "wait"));
    }

    [Fact]
    public async Task Should_finish_the_workflow_When_complete_runs_while_another_branch_waits()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Wait","Done"]""", "String[]"))
            .HumanTask("task", "Review")
            .Add("complete", "Elsa.Complete", a => a.Literal("outcomes", "Done", "Object"))
            .Connect("start", "fork")
            .Connect("fork", "task", "Wait")
            .Connect("fork", "complete", "Done");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Empty(result.Bookmarks);
        var stored = await _engine.InstanceAsync(result.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, stored.SubStatus);
        Assert.Empty(stored.Bookmarks);
    }

    [Fact]
    public async Task Should_fault_the_instance_with_an_incident_When_fault_runs()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLine("before", "before")
            .Add("fault", "Elsa.Fault", a => a.Literal("message", "Case data is inconsistent").Literal("code", "E42"))
            .WriteLine("after", "after")
            .Chain("start", "before", "fault", "after");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Equal(["before"], _engine.Output.Lines);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("fault", incident.ActivityId);
        Assert.Equal("Elsa.Fault", incident.ActivityType);
        Assert.Equal("Case data is inconsistent", incident.Message);

        var stored = await _engine.InstanceAsync(result.InstanceId);
        Assert.Equal(WorkflowSubStatus.Faulted, stored.SubStatus);
        Assert.Equal(1, stored.IncidentCount);
        var faulted = Assert.Single(await _engine.Instances.GetJournalAsync(result.InstanceId), j => j.EventName == "Faulted");
        Assert.Equal("fault", faulted.ActivityId);
        Assert.Equal("Case data is inconsistent", faulted.Message);
        var record = Assert.Single(await _engine.Instances.GetRecordsAsync(result.InstanceId), r => r.ActivityId == "fault");
        Assert.Equal(ActivityStatus.Faulted, record.Status);
    }

    [Fact]
    public async Task Should_assign_a_literal_converted_to_the_variable_type_When_set_variable_uses_a_literal()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "0")
            .Start()
            .SetVariable("set", "Count", "Literal", "41")
            .WriteLineJs("show", "typeof getCount() + ':' + (getCount() + 1)")
            .Chain("start", "set", "show");

        await _engine.RunAsync(workflow);

        Assert.Equal(["number:42"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_assign_the_script_value_When_set_variable_uses_javascript()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Name", "String", "ada")
            .Start()
            .SetVariable("set", "Name", "JavaScript", "getName().toUpperCase() + ' L.'")
            .WriteLineJs("show", "getName()")
            .Chain("start", "set", "show");

        await _engine.RunAsync(workflow);

        Assert.Equal(["ADA L."], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_copy_another_variable_When_set_variable_uses_a_variable_expression()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Source", "String", "from source")
            .Variable("Target", "String")
            .Variable("Other", "String")
            .Start()
            .SetVariable("byText", "Target", "Variable", FlowchartBuilder.VariableReference("Source").ToJsonString())
            .SetVariable("byObject", "Other", "Variable", FlowchartBuilder.VariableReference("Target"))
            .WriteLineJs("show", "getTarget() + '|' + getOther()")
            .Chain("start", "byText", "byObject", "show");

        await _engine.RunAsync(workflow);

        Assert.Equal(["from source|from source"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_return_the_workflow_output_When_set_output_runs()
    {
        var workflow = new FlowchartBuilder()
            .Output("Verdict", "String")
            .Output("Score", "Int32")
            .Start()
            .Add("verdict", "Elsa.SetOutput", a => a.Literal("outputName", "Verdict").Literal("outputValue", "accepted", "Object"))
            .Add("score", "Elsa.SetOutput", a => a.Literal("outputName", "Score").JavaScript("outputValue", "6 * 7"))
            .Chain("start", "verdict", "score");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal("accepted", result.Output["Verdict"]);
        Assert.Equal(42, result.Output["Score"]);
        var stored = await _engine.InstanceAsync(result.InstanceId);
        Assert.Equal(42, stored.Output["Score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_continue_through_done_When_a_flow_node_runs()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("node", "Elsa.FlowNode")
            .WriteLine("after", "after node")
            .Chain("start", "node", "after");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["after node"], _engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(result.InstanceId, "node"));
    }

    [Fact]
    public async Task Should_pass_the_value_through_unchanged_When_set_output_targets_an_undeclared_output()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("set", "Elsa.SetOutput", a => a.Literal("outputName", "Extra").ObjectValue("outputValue", """{"a":1}"""))
            .Chain("start", "set");

        var result = await _engine.RunAsync(workflow);

        var value = Assert.IsType<JsonObject>(result.Output["Extra"]);
        Assert.Equal(1, value["a"]!.GetValue<int>());
    }
}
