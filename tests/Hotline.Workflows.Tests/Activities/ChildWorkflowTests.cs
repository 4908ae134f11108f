using Hotline.Workflows.Activities.Composition;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>
/// Reading children's outputs from scripts, starting other definitions as separate instances, and running files that
/// use each other.
/// </summary>
public sealed class ChildWorkflowTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Echo(string definitionId, string name) => new FlowchartBuilder(definitionId, name)
        .UsableAsActivity()
        .Input("Text", "String")
        .Output("Answer", "String")
        .Add("set", "Elsa.SetOutput", a => a.Literal("outputName", "Answer").JavaScript("outputValue", "'" + name + ' ' + "' + getText()"));

    // A script "js", then (after waiting for the event "go") a line "show" written by another script.
    private static FlowchartBuilder ScriptThenShow(string script, string shown, bool waitBetween = false)
    {
        var workflow = new FlowchartBuilder("script-then-show")
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", script))
            .WriteLineJs("show", shown);
        return waitBetween ? workflow.Event("wait", "go").Chain("start", "js", "wait", "show") : workflow.Chain("start", "js", "show");
    }

    [Fact]
    public async Task Should_keep_two_children_outputs_apart_When_both_have_an_output_of_the_same_name()
    {
        var one = Echo("one", "One");
        var two = Echo("two", "Two");
        await _engine.PublishAsync(one);
        await _engine.PublishAsync(two);
        var parent = new FlowchartBuilder("parent")
            .Start()
            .UseWorkflow("first", one, a => a.Literal("text", "a"))
            .UseWorkflow("second", two, a => a.Literal("text", "b"))
            .WriteLineJs("show", "getAnswerFromFirst() + '|' + getAnswerFromSecond() + '|' + getOutputFrom('first', 'Answer') + '|' + getOutputFrom('second', 'answer')")
            .Chain("start", "first", "second", "show");

        var result = await _engine.RunAsync(parent);

        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        Assert.Equal(["One a|Two b|One a|Two b"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_read_the_last_result_When_a_script_follows_another()
    {
        var workflow = ScriptThenShow("return 6 * 7;", "'last ' + getLastResult()");

        await _engine.RunAsync(workflow);

        Assert.Equal(["last 42"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_read_an_output_recorded_before_the_instance_was_saved_When_a_script_runs_after_a_resume()
    {
        var workflow = ScriptThenShow("return 'before';", "getOutputFrom('js') + ' ' + getResultFromJs()", waitBetween: true);
        var started = await _engine.RunAsync(workflow);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        await _engine.Runtime.PublishEventAsync("go", null, null, null);

        Assert.Equal(["before before"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_refuse_publishing_When_a_script_reads_an_output_of_an_activity_that_does_not_exist()
    {
        var workflow = ScriptThenShow("return 1;", "'x ' + getResultFromJss()");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.RunAsync(workflow));

        Assert.Contains("getResultFromJss", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fault_with_an_incident_naming_the_activity_When_ExecuteWorkflow_names_an_unpublished_definition()
    {
        var draft = Echo("draft", "Draft").Definition();
        draft.IsPublished = false;
        await _engine.Definitions.SaveAsync([draft]);
        var parent = new FlowchartBuilder("parent")
            .Start()
            .Add("run", "Elsa.ExecuteWorkflow", a => a.Literal("workflowDefinitionId", "draft").Literal("waitForCompletion", "true", "Boolean"))
            .Chain("start", "run");

        var result = await _engine.RunAsync(parent);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("run", incident.ActivityId);
        Assert.Contains("'draft'", incident.Message, StringComparison.Ordinal);
        Assert.Empty((await _engine.Instances.ListAsync(new Persistence.InstanceQuery(DefinitionId: "draft"))).Items);
    }

    [Fact]
    public async Task Should_resume_the_parent_with_the_child_output_When_a_dispatched_child_that_waits_is_resumed_later()
    {
        var child = new FlowchartBuilder("waiter", "Waiter")
            .Output("Answer", "String")
            .Start()
            .Event("wait", "go")
            .Add("set", "Elsa.SetOutput", a => a.Literal("outputName", "Answer").Literal("outputValue", "done"))
            .Chain("start", "wait", "set");
        await _engine.PublishAsync(child);
        var parent = new FlowchartBuilder("parent")
            .Variable("Got", "Object")
            .Start()
            .Add("dispatch", "Elsa.DispatchWorkflow", a => a.Literal("workflowDefinitionId", "waiter").Literal("waitForCompletion", "true", "Boolean").OutputTo("result", FlowchartBuilder.VariableId("Got")))
            .WriteLineJs("show", "'got ' + getGot().Answer")
            .Chain("start", "dispatch", "show");

        var started = await _engine.RunAsync(parent);
        Assert.Equal(WorkflowSubStatus.Suspended, (await _engine.Runtime.GetResultAsync(started.InstanceId)).SubStatus);
        Assert.Empty(_engine.Output.Lines);

        await _engine.Runtime.PublishEventAsync("go", null, null, null);

        Assert.Equal(WorkflowSubStatus.Finished, (await _engine.Runtime.GetResultAsync(started.InstanceId)).SubStatus);
        Assert.Equal(["got done"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_stop_with_an_incident_When_a_definition_keeps_dispatching_itself()
    {
        var looper = new FlowchartBuilder("looper")
            .Start()
            .Add("again", "Elsa.DispatchWorkflow", a => a.Literal("workflowDefinitionId", "looper"))
            .Chain("start", "again");

        await _engine.RunAsync(looper);

        var instances = (await _engine.Instances.ListAsync(new Persistence.InstanceQuery(DefinitionId: "looper", Take: 100))).Items;
        Assert.Equal(ChildWorkflows.MaxCallDepth + 1, instances.Count);
        var faulted = Assert.Single(instances, i => i.SubStatus == WorkflowSubStatus.Faulted);
        Assert.Contains("at most", (await _engine.Runtime.GetResultAsync(faulted.Id)).Incidents.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_cycle_When_run_files_use_each_other()
    {
        var folder = Directory.CreateTempSubdirectory("cycle-").FullName;
        try
        {
            var a = new FlowchartBuilder("a", "A").UsableAsActivity().Add("b", "B");
            var b = new FlowchartBuilder("b", "B").UsableAsActivity().Add("a", "A");
            await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), a.Build().ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(folder, "b.json"), b.Build().ToJsonString());

            var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => WorkflowFileRunner.RunAsync(_engine.Runtime, [Path.Combine(folder, "a.json"), Path.Combine(folder, "b.json")], fastTimers: true));

            Assert.Contains("a → b → a", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Should_name_the_missing_type_When_a_run_file_uses_a_definition_not_given()
    {
        var folder = Directory.CreateTempSubdirectory("missing-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), new FlowchartBuilder("a", "A").Add("x", "Nowhere").Build().ToJsonString());

            var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => WorkflowFileRunner.RunAsync(_engine.Runtime, [Path.Combine(folder, "a.json")], fastTimers: true));

            Assert.Contains("'Nowhere'", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
