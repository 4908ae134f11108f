using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Definitions;

/// <summary>
/// Publishing checks every expression of every activity and refuses, naming the activity and the input, what would fault
/// instances at run time: scripts that do not compile, names of variables and inputs that do not exist, required inputs
/// left empty. Nothing is stored when it refuses.
/// </summary>
public sealed class PublishValidationTests
{
    private readonly TestEngine _engine = new();
    private readonly WorkflowDefinitionService _service;

    public PublishValidationTests() => _service = new WorkflowDefinitionService(_engine.Runtime);

    private async Task<WorkflowDefinitionException> RefusedAsync(FlowchartBuilder workflow)
    {
        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _service.SaveAndPublishAsync(workflow.Definition()));
        Assert.Empty(await _engine.Definitions.ListVersionsAsync(workflow.DefinitionId));
        return error;
    }

    private static JsonObject SwitchCase(string label, string syntax, string condition) =>
        new() { ["label"] = label, ["condition"] = new JsonObject { ["type"] = syntax, ["value"] = condition } };

    [Fact]
    public async Task Should_refuse_naming_the_activity_and_input_When_a_decision_condition_has_a_javascript_syntax_error()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Start()
            .Add("decide", "Elsa.FlowDecision", a => a.Set("name", "Many?").JavaScript("condition", "getCount() >", "Boolean"))
            .Chain("start", "decide");

        var error = await RefusedAsync(workflow);

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("decide", "Elsa.FlowDecision", "Many?", "condition"), (problem.ActivityId, problem.ActivityType, problem.ActivityName, problem.Input));
        Assert.Contains("does not compile", problem.Message, StringComparison.Ordinal);
        Assert.Contains("activity 'Many?' (decide, Elsa.FlowDecision v1), input 'condition'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_naming_the_case_When_a_switch_case_condition_has_a_javascript_syntax_error()
    {
        var workflow = new FlowchartBuilder()
            .Input("Urgency", "String")
            .Start()
            .Add("route", "Elsa.FlowSwitch", a => a.Set("cases", new JsonArray(
                SwitchCase("Normal", "JavaScript", "getUrgency() == 'Normal'"),
                SwitchCase("Urgent", "JavaScript", "getUrgency() == 'Urgent' &&"))))
            .Chain("start", "route");

        var error = await RefusedAsync(workflow);

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("route", "cases"), (problem.ActivityId, problem.Input));
        Assert.Contains("case 'Urgent'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_When_a_set_variable_value_has_a_javascript_syntax_error()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Total", "Int32", "0")
            .Start()
            .SetVariable("sum", "Total", "JavaScript", "getTotal() + + ")
            .Chain("start", "sum");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("sum", "value"), (problem.ActivityId, problem.Input));
    }

    [Fact]
    public async Task Should_refuse_naming_the_nested_activity_When_an_activity_inside_a_nested_flowchart_has_a_syntax_error()
    {
        var inner = new FlowchartBuilder().WriteLineJs("deep", "'count: ' + (getCount()");
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Start()
            .Add(inner.BuildRoot("inner"))
            .Chain("start", "inner");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("deep", "text"), (problem.ActivityId, problem.Input));
    }

    [Fact]
    public async Task Should_refuse_When_a_variable_expression_names_a_variable_that_does_not_exist()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Start()
            .Add("show", "Elsa.WriteLine", a => a.Expression("text", "Variable", new JsonObject { ["id"] = "var-Gone", ["name"] = "Gone" }, "String"))
            .Chain("start", "show");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("show", "text"), (problem.ActivityId, problem.Input));
        Assert.Contains("'Gone'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_When_a_script_calls_an_accessor_of_a_variable_that_does_not_exist()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Start()
            .WriteLineJs("show", "'count: ' + getCount() + ', total: ' + getTotal()")
            .Chain("start", "show");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("show", "text"), (problem.ActivityId, problem.Input));
        Assert.Contains("getTotal()", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("getCount()", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_publish_When_a_script_calls_the_pascal_case_accessor_of_a_lower_case_variable()
    {
        var workflow = new FlowchartBuilder()
            .Variable("case_id", "String", "c-1")
            .Start()
            .WriteLineJs("show", "'case: ' + getCaseId()")
            .Chain("start", "show");

        await _service.SaveAndPublishAsync(workflow.Definition());

        Assert.Single(await _engine.Definitions.ListVersionsAsync(workflow.DefinitionId));
    }

    [Fact]
    public async Task Should_refuse_When_a_required_input_is_empty()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("wait", "Elsa.Event", a => a.Literal("eventName", " "))
            .Chain("start", "wait");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("wait", "eventName"), (problem.ActivityId, problem.Input));
        Assert.Contains("required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_every_problem_When_a_definition_has_several()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Input("Channel", "String")
            .Start()
            .Add("decide", "Elsa.FlowDecision", a => a.JavaScript("condition", "getCount() >", "Boolean"))
            .WriteLineJs("typo", "getChanel()")
            .Add("input", "Elsa.WriteLine", a => a.Expression("text", "Input", "Chanel", "String"))
            .Add("script", "Elsa.RunJavaScript", a => a.Literal("script", "setVariable('Cuont', 2); variables.Count = 3; return getInput('Channel');"))
            .Add("wait", "Elsa.Event")
            .Chain("start", "decide", "typo", "input", "script", "wait");

        var error = await RefusedAsync(workflow);

        Assert.Equal<(string?, string?)>(
            [("decide", "condition"), ("typo", "text"), ("input", "text"), ("script", "script"), ("wait", "eventName")],
            error.Errors.Select(e => (e.ActivityId, e.Input)).ToList());
        Assert.Contains("setVariable(\"Cuont\")", error.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_publish_When_every_expression_names_what_exists()
    {
        var child = new FlowchartBuilder("child", "Child").UsableAsActivity().Input("Amount", "Int32").Output("Doubled", "Int32")
            .Add("double", "Elsa.SetOutput", a => a.Literal("outputName", "Doubled").JavaScript("outputValue", "getAmount() * 2"));
        await _service.SaveAndPublishAsync(child.Definition());
        var workflow = new FlowchartBuilder()
            .Variable("Count", "Int32", "1")
            .Variable("Doubled", "Int32", "0")
            .Input("Channel", "String")
            .Start()
            .Add("decide", "Elsa.FlowDecision", a => a.JavaScript("condition", """
                // getNothing() in a comment, and "getNothing()" in a string, are not calls
                function getLimit() { return 3; }
                var today = new Date().getTime();
                var text = `${getChannel()} getNothing()`;
                return getCount() < getLimit() && variables.Count > 0 && getInput("Channel") !== null && getVariable("count") !== null && /getNothing\(/.test(text);
                """, "Boolean"))
            .Add("show", "Elsa.WriteLine", a => a.Expression("text", "Variable", FlowchartBuilder.VariableReference("Count"), "String"))
            .Add("channel", "Elsa.WriteLine", a => a.Expression("text", "Input", "channel", "String"))
            .Add("route", "Elsa.FlowSwitch", a => a.Set("cases", new JsonArray(SwitchCase("Web", "JavaScript", "getChannel() == 'Web'"))))
            .UseWorkflow("twice", child, a => a.JavaScript("amount", "getCount() + 1", "Int32").OutputTo("doubled", FlowchartBuilder.VariableId("Doubled")))
            .Chain("start", "decide", "show", "channel", "route", "twice");

        var published = await _service.SaveAndPublishAsync(workflow.Definition());

        Assert.True(published.IsPublished);
    }

    [Fact]
    public async Task Should_refuse_When_an_input_of_a_workflow_used_as_an_activity_calls_an_unknown_accessor()
    {
        var child = new FlowchartBuilder("child", "Child").UsableAsActivity().Input("Amount", "Int32")
            .WriteLineJs("show", "'amount: ' + getAmount()");
        await _service.SaveAndPublishAsync(child.Definition());
        // The child's own getAmount() is its input, not the parent's: the parent's script may not call it.
        var workflow = new FlowchartBuilder()
            .Start()
            .UseWorkflow("use", child, a => a.JavaScript("amount", "getAmount() + 1", "Int32"))
            .Chain("start", "use");

        var problem = Assert.Single((await RefusedAsync(workflow)).Errors);

        Assert.Equal(("use", "amount"), (problem.ActivityId, problem.Input));
    }

    private static IEnumerable<string> FixtureFiles() =>
        Directory.EnumerateFiles(TestEngine.SharedPath("elsa-fixtures"), "*.json").Where(f => Path.GetFileName(f) != "expected.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> Fixtures() => [.. FixtureFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Should_publish_When_the_definition_is_one_of_the_Elsa_fixtures(string file)
    {
        // Workflows used as activities are published first, as the seeder does.
        foreach (var dependency in FixtureFiles().Select(WorkflowDefinitionReader.ReadFile).Where(d => d.UsableAsActivity))
            await _service.SaveAndPublishAsync(dependency);

        var published = await _service.SaveAndPublishAsync(WorkflowDefinitionReader.ReadFile(TestEngine.SharedPath("elsa-fixtures", file)));

        Assert.True(published.IsPublished);
    }
}
