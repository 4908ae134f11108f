using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Expressions;

/// <summary>JavaScript accessors, variables.X, template literals, top-level return, workflow input, Object and Input expressions.</summary>
public sealed class ExpressionTests
{
    private readonly TestEngine _engine = new();

    private async Task<IReadOnlyList<string>> RunAsync(FlowchartBuilder workflow, Dictionary<string, object?>? input = null)
    {
        var result = await _engine.RunAsync(workflow, new StartOptions { Input = input });
        Assert.True(result.SubStatus == WorkflowSubStatus.Finished, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return _engine.Output.LinesOf(result.InstanceId);
    }

    [Fact]
    public async Task Should_read_and_write_variables_When_a_script_uses_get_and_set_accessors()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Counter", "Int32", "5")
            .Variable("Label", "String", "n")
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", "setCounter(getCounter() * 2); setLabel(getLabel() + '=' + getCounter());"))
            .WriteLineJs("show", "getLabel() + ' ' + (getCounter() + 1)")
            .Chain("start", "js", "show");

        Assert.Equal(["n=10 11"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_read_and_write_variables_When_a_script_uses_the_variables_object()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Counter", "Int32", "1")
            .Variable("Tags", "Object")
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", "variables.Counter = variables.Counter + 41; variables.Tags = ['urgent', 'water'];"))
            .WriteLineJs("show", "variables.Counter + ':' + getTags().join('+')")
            .Chain("start", "js", "show");

        Assert.Equal(["42:urgent+water"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_interpolate_When_a_script_is_a_template_literal()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Name", "String", "Ada")
            .Start()
            .WriteLineJs("show", "`Hello ${getName()}, ${1 + 1} tasks`")
            .Chain("start", "show");

        Assert.Equal(["Hello Ada, 2 tasks"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_use_the_returned_value_When_a_script_returns_at_top_level()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Level", "Int32", "3")
            .Start()
            .WriteLineJs("show", "if (getLevel() > 2) { return 'high'; }\nreturn 'low';")
            .Chain("start", "show");

        Assert.Equal(["high"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_read_workflow_input_When_a_script_uses_get_input_or_the_input_accessor()
    {
        var workflow = new FlowchartBuilder()
            .Input("Caller", "String")
            .Input("Priority", "Int32")
            .Start()
            .WriteLineJs("byName", "getInput('Caller') + '/' + getPriority()")
            .Add("byInputExpression", "Elsa.WriteLine", a => a.Expression("text", "Input", "Caller", "String"))
            .Chain("start", "byName", "byInputExpression");

        var lines = await RunAsync(workflow, new Dictionary<string, object?> { ["Caller"] = "Mrs. Chen", ["Priority"] = "2" });

        Assert.Equal(["Mrs. Chen/2", "Mrs. Chen"], lines);
    }

    [Fact]
    public async Task Should_convert_input_to_its_declared_type_When_the_workflow_starts()
    {
        var workflow = new FlowchartBuilder()
            .Input("Priority", "Int32")
            .Start()
            .WriteLineJs("show", "typeof getPriority() + ' ' + (getPriority() + 1)")
            .Chain("start", "show");

        Assert.Equal(["number 3"], await RunAsync(workflow, new Dictionary<string, object?> { ["Priority"] = "2" }));
    }

    [Fact]
    public async Task Should_yield_a_json_object_When_an_object_expression_is_evaluated()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Address", "Object")
            .Start()
            .SetVariable("set", "Address", "Object", """{"street":"Main St","numbers":[1,2,3]}""")
            .WriteLineJs("show", "getAddress().street + ' ' + variables.Address.numbers.length")
            .Chain("start", "set", "show");

        Assert.Equal(["Main St 3"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_read_the_workflow_instance_and_correlation_ids_When_a_script_asks_for_them()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLineJs("show", "getCorrelationId() + ' ' + (getWorkflowInstanceId().length > 0)")
            .Chain("start", "show");

        var result = await _engine.RunAsync(workflow, new StartOptions { CorrelationId = "HL-1", InstanceId = "instance-1" });

        Assert.Equal(["HL-1 true"], _engine.Output.LinesOf("instance-1"));
        Assert.Equal("instance-1", result.InstanceId);
    }

    [Fact]
    public async Task Should_fault_naming_the_input_and_script_When_a_script_fails()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLineJs("show", "undeclared.name")
            .Chain("start", "show");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        var message = Assert.Single(result.Incidents).Message;
        Assert.Contains("'text'", message, StringComparison.Ordinal);
        Assert.Contains("undeclared.name", message, StringComparison.Ordinal);
    }
}
