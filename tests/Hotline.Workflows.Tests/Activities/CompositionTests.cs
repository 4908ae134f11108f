using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Workflow definitions used as activities: inputs in, outputs out, suspension inside the child, outcomes from Elsa.Complete.</summary>
public sealed class CompositionTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Adder() => new FlowchartBuilder("adder", "Add Numbers", version: 2)
        .UsableAsActivity()
        .Input("A", "Int32")
        .Input("B", "Int32")
        .Output("Sum", "Int32")
        .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", "getA() + getB()").OutputTo("result", "Sum"));

    [Fact]
    public async Task Should_pass_inputs_and_read_the_output_into_a_parent_variable_When_a_child_workflow_runs()
    {
        var adder = Adder();
        await _engine.PublishAsync(adder);
        var parent = new FlowchartBuilder("parent")
            .Variable("Total", "Int32", "0")
            .Start()
            .UseWorkflow("add", adder, a => a
                .Literal("a", "4", "Int32")
                .JavaScript("b", "2 + 3", "Int32")
                .OutputTo("sum", FlowchartBuilder.VariableId("Total"), "Int32"))
            .WriteLineJs("show", "'total ' + getTotal()")
            .Chain("start", "add", "show");

        var result = await _engine.RunAsync(parent);

        Assert.Equal("AddNumbers", adder.ActivityType);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["total 9"], _engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(result.InstanceId, "js"));
    }

    [Fact]
    public async Task Should_reject_the_parent_When_a_child_input_literal_does_not_convert()
    {
        var adder = Adder();
        await _engine.PublishAsync(adder);
        var parent = new FlowchartBuilder("parent")
            .Start()
            .UseWorkflow("add", adder, a => a.Literal("a", "abc", "Int32").Literal("b", "1", "Int32"))
            .Chain("start", "add");

        var error = await Assert.ThrowsAsync<Hotline.Workflows.Definitions.WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(parent.Definition()));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("add", problem.ActivityId);
        Assert.Contains("'abc'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_resume_inside_the_child_and_continue_the_parent_When_a_child_workflow_waits_on_a_human_task()
    {
        var reviewer = new FlowchartBuilder("reviewer", "Review Case")
            .UsableAsActivity()
            .Input("CaseNumber", "String")
            .Output("Verdict", "String")
            .Variable("Answer", "Object")
            .Start()
            .Add("task", "Hotline.HumanTask", a => a
                .JavaScript("taskName", "'Review ' + getCaseNumber()", "String")
                .OutputTo("result", FlowchartBuilder.VariableId("Answer")))
            .Add("verdict", "Elsa.SetOutput", a => a.Literal("outputName", "Verdict").JavaScript("outputValue", "getCaseNumber() + ': ' + getAnswer().text"))
            .Chain("start", "task", "verdict");
        await _engine.PublishAsync(reviewer);
        var parent = new FlowchartBuilder("parent")
            .Variable("Verdict", "String")
            .Start()
            .WriteLine("before", "before review")
            .UseWorkflow("review", reviewer, a => a
                .Literal("caseNumber", "HL-5")
                .OutputTo("verdict", FlowchartBuilder.VariableId("Verdict"), "String"))
            .WriteLineJs("after", "'verdict ' + getVerdict()")
            .Chain("start", "before", "review", "after");

        var started = await _engine.RunAsync(parent);

        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        Assert.Equal(["before review"], _engine.Output.Lines);
        var task = _engine.Task("Review HL-5");
        Assert.Equal(started.InstanceId, task.WorkflowInstanceId);

        var result = await _engine.Runtime.CompleteTaskAsync(task.TaskId, new TaskCompletion("Done", new JsonObject { ["text"] = "founded" }));

        Assert.True(result.SubStatus == WorkflowSubStatus.Finished, string.Join("\n", result.Incidents.Select(i => i.Message)));
        Assert.Equal(["before review", "verdict HL-5: founded"], _engine.Output.Lines);
        Assert.Equal(["Started", "Suspended", "Resumed", "Completed"], await _engine.EventsOfAsync(started.InstanceId, "task"));
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(started.InstanceId, "review"));
    }

    private static FlowchartBuilder Classifier() => new FlowchartBuilder("classifier", "Classify")
        .UsableAsActivity()
        .Input("Amount", "Int32")
        .Outcomes("Success", "Failure")
        .Start()
        .Add("decision", "Elsa.FlowDecision", a => a.JavaScript("condition", "getAmount() > 0", "Boolean"))
        .Add("success", "Elsa.Complete", a => a.Literal("outcomes", "Success", "Object"))
        .Add("failure", "Elsa.Complete", a => a.ObjectValue("outcomes", """["Failure"]"""))
        .WriteLine("unreached", "child continued after Complete")
        .Connect("start", "decision")
        .Connect("decision", "success", "True")
        .Connect("decision", "failure", "False")
        .Connect("success", "unreached")
        .Connect("failure", "unreached");

    [Theory]
    [InlineData("10", "accepted")]
    [InlineData("-3", "refused")]
    public async Task Should_follow_the_port_the_child_completed_with_When_the_child_runs_complete(string amount, string expected)
    {
        var classifier = Classifier();
        await _engine.PublishAsync(classifier);
        var parent = new FlowchartBuilder("parent")
            .Start()
            .UseWorkflow("classify", classifier, a => a.Literal("amount", amount, "Int32"))
            .WriteLine("accepted", "accepted")
            .WriteLine("refused", "refused")
            .WriteLine("done", "done port")
            .Connect("start", "classify")
            .Connect("classify", "accepted", "Success")
            .Connect("classify", "refused", "Failure")
            .Connect("classify", "done");

        var result = await _engine.RunAsync(parent);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal([expected], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_describe_the_child_as_an_activity_with_its_outcomes_inputs_and_outputs_When_compiled()
    {
        var classifier = Classifier();
        await _engine.PublishAsync(classifier);
        var parent = new FlowchartBuilder("parent").UseWorkflow("classify", classifier, a => a.Literal("amount", "1", "Int32"));

        var blueprint = await _engine.Runtime.CompileAsync(parent.Definition());

        var node = blueprint.Nodes.Values.Single(n => n.Id == "classify");
        Assert.Equal(["Success", "Failure"], node.Descriptor.Outcomes);
        Assert.Equal("Amount", Assert.Single(node.Descriptor.Inputs).Name);
        Assert.Equal("classifier", node.Descriptor.WorkflowDefinitionId);
        Assert.Contains(blueprint.Nodes.Values, n => n.Id == "success" && n.NodeId.StartsWith(node.NodeId + ":", StringComparison.Ordinal));
    }
}
