using Hotline.Workflows.CSharp;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.ElsaTests;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.CSharp;

/// <summary>C# expressions and Elsa.RunCSharp: what a script sees, how its value converts, and how its errors are reported. One collection with the scenarios: some tests swap the process-wide syntax.</summary>
[Collection("CSharp syntax")]
public sealed class CSharpExpressionTests
{
    private readonly TestEngine _engine = ElsaScenarioOutputMappingTests.CSharpEngine();

    [Fact]
    public async Task Should_read_and_write_variables_and_inputs_When_a_script_uses_the_globals()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Total", "Int32", "2")
            .Input("Factor", "Int32")
            .Start()
            .Add("cs", "Elsa.RunCSharp", a => a.Literal("script", "Variables.Total = (int)Variables.Total * (int)Input.Factor; return Variables.Get<int>(\"Total\") + 1;")
                .OutputTo("result", FlowchartBuilder.VariableId("Total")))
            .Add("show", "Elsa.WriteLine", a => a.Expression("text", "CSharp", "$\"total={Variables.Total} instance={WorkflowInstanceId.Length > 0}\"", "String"))
            .Chain("start", "cs", "show");

        await _engine.RunAsync(workflow, new StartOptions { Input = new Dictionary<string, object?> { ["Factor"] = 5 } });

        Assert.Equal(["total=11 instance=True"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_convert_the_value_to_the_input_type_When_a_CSharp_expression_feeds_a_typed_input()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("branch", "Elsa.FlowDecision", a => a.Expression("condition", "CSharp", "new[] { 1, 2, 3 }.Sum() > 5", "Boolean"))
            .WriteLine("yes", "yes")
            .WriteLine("no", "no")
            .Connect("start", "branch")
            .Connect("branch", "yes", "True")
            .Connect("branch", "no", "False");

        await _engine.RunAsync(workflow);

        Assert.Equal(["yes"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_follow_the_port_the_script_set_When_it_calls_Outcome_Set()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("cs", "Elsa.RunCSharp", a => a.Literal("script", "Outcome.Set(\"No\");"))
            .WriteLine("yes", "yes")
            .WriteLine("no", "no")
            .Connect("start", "cs")
            .Connect("cs", "yes", "Yes")
            .Connect("cs", "no", "No");

        await _engine.RunAsync(workflow);

        Assert.Equal(["no"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_refuse_to_publish_naming_the_activity_and_input_When_a_script_does_not_compile()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("say", "Elsa.WriteLine", a => a.Expression("text", "CSharp", "return Variables.Total +;", "String"))
            .Add("cs", "Elsa.RunCSharp", a => a.Literal("script", "int x = \"text\";"))
            .Chain("start", "say", "cs");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.RunAsync(workflow));

        var say = Assert.Single(error.Errors, e => e.ActivityId == "say");
        Assert.Equal("text", say.Input);
        Assert.Contains("CS1525", say.Message, StringComparison.Ordinal);
        var cs = Assert.Single(error.Errors, e => e.ActivityId == "cs");
        Assert.Equal("script", cs.Input);
        Assert.Contains("CS0029", cs.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_publish_naming_the_variable_When_a_script_uses_one_that_is_not_in_scope()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Total", "Int32", "1")
            .Start()
            .Add("say", "Elsa.WriteLine", a => a.Expression("text", "CSharp", "$\"{Variables.total} {Variables.Get(\"Total\")} {Variables.Totl}\"", "String"))
            .Chain("start", "say");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.RunAsync(workflow));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("say", "text"), (problem.ActivityId, problem.Input));
        Assert.Contains("Variables.Totl", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fault_with_an_incident_naming_the_activity_When_a_script_throws()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("cs", "Elsa.RunCSharp", a => a.Literal("script", "throw new InvalidOperationException(\"no registry entry\");"))
            .WriteLine("after", "after")
            .Chain("start", "cs", "after");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        var incident = Assert.Single(result.Incidents);
        Assert.Contains("C# error in activity 'cs'", incident.Message, StringComparison.Ordinal);
        Assert.Contains("no registry entry", incident.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Output.Lines);
    }

    [Fact]
    public async Task Should_fault_naming_the_variable_When_a_script_reads_one_by_a_name_no_variable_has()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("say", "Elsa.WriteLine", a => a.Expression("text", "CSharp", "Variables.Get(\"Missing\").ToString()", "String"))
            .Chain("start", "say");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Contains("No variable named 'Missing'", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fault_the_activity_and_cancel_the_token_When_a_script_runs_past_its_time_limit()
    {
        var syntax = new CSharpSyntax(new CSharpLimits { Timeout = TimeSpan.FromMilliseconds(200) });
        Hotline.Workflows.Expressions.ExpressionSyntaxes.Register(syntax);
        try
        {
            var workflow = new FlowchartBuilder()
                .Start()
                .Add("cs", "Elsa.RunCSharp", a => a.Literal("script", "while (!CancellationToken.IsCancellationRequested) { } return 1;"))
                .Chain("start", "cs");

            var result = await _engine.RunAsync(workflow);

            Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
            Assert.Contains("ran longer than its time limit (0.2 s)", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
        }
        finally
        {
            CSharpExpressions.Register();
        }
    }

    [Fact]
    public async Task Should_compile_a_script_once_When_it_is_evaluated_again()
    {
        var syntax = new CSharpSyntax(CSharpLimits.Default);
        Hotline.Workflows.Expressions.ExpressionSyntaxes.Register(syntax);
        try
        {
            var workflow = new FlowchartBuilder()
                .Start()
                .Add("say", "Elsa.WriteLine", a => a.Expression("text", "CSharp", "\"once\"", "String"))
                .Chain("start", "say");

            await _engine.RunAsync(workflow);
            await _engine.RunAsync(workflow);

            Assert.Equal(["once", "once"], _engine.Output.Lines);
            Assert.Equal(1, syntax.CachedScripts);
        }
        finally
        {
            CSharpExpressions.Register();
        }
    }

    [Fact]
    public void Should_not_keep_more_scripts_than_the_bound_When_more_are_compiled()
    {
        var syntax = new CSharpSyntax(new CSharpLimits { MaxCachedScripts = 3 });

        for (var i = 0; i < 5; i++)
            Assert.Null(syntax.Check($"return {i};"));

        Assert.InRange(syntax.CachedScripts, 1, 3);
    }

    [Fact]
    public void Should_report_the_compiler_error_When_a_script_does_not_compile()
    {
        var syntax = new CSharpSyntax(CSharpLimits.Default);

        Assert.Contains("CS0103", syntax.Check("return nothingHere;"), StringComparison.Ordinal);
    }
}
