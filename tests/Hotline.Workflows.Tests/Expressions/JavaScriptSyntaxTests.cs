using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Expressions;

/// <summary>Scripts on Jint as Elsa 3.8 runs them: modern syntax, a fresh global scope per evaluation, Elsa's helpers.</summary>
public sealed class JavaScriptSyntaxTests
{
    private readonly TestEngine _engine = new();

    private async Task<IReadOnlyList<string>> RunAsync(FlowchartBuilder workflow)
    {
        var result = await _engine.RunAsync(workflow);
        Assert.True(result.SubStatus == WorkflowSubStatus.Finished, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return _engine.Output.LinesOf(result.InstanceId);
    }

    [Fact]
    public async Task Should_run_modern_syntax_When_a_script_uses_arrows_destructuring_spread_and_optional_chaining()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Operation", "Object")
            .Start()
            .Add("set", "Elsa.RunJavaScript", a => a.Literal("script", "setOperation({ reason: '超时', by: { name: 'Li' } })"))
            .WriteLineJs("show", """
                const { reason, by } = getOperation();
                const tags = [...['a', 'b'], 'c'].map(t => t.toUpperCase());
                return `${reason}/${by?.name}/${getOperation().missing?.name ?? 'none'}/${tags.join('')}`;
                """)
            .Chain("start", "set", "show");

        Assert.Equal(["超时/Li/none/ABC"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_declare_again_When_two_activities_run_scripts_with_the_same_top_level_const()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLineJs("first", "const label = 'one'; label")
            .WriteLineJs("second", "const label = 'two'; label")
            .Chain("start", "first", "second");

        Assert.Equal(["one", "two"], await RunAsync(workflow));
    }

    [Fact]
    public async Task Should_answer_as_elsa_When_a_script_calls_its_common_helpers()
    {
        var workflow = new FlowchartBuilder("helper-flow")
            .Variable("Answer", "Object")
            .Start()
            .Add("set", "Elsa.RunJavaScript", a => a.Literal("script", "variables.Answer = { text: '已处理', score: 5 }"))
            .WriteLineJs("show", "[isNullOrEmpty(''), isNullOrWhiteSpace('  '), toJson(getAnswer()), stringFromBase64(stringToBase64('热线')), getWorkflowDefinitionId(), newShortGuid().length > 0].join('|')")
            .Chain("start", "set", "show");

        Assert.Equal("""true|true|{"text":"已处理","score":5}|热线|helper-flow|true""", Assert.Single(await RunAsync(workflow)));
    }

    [Fact]
    public async Task Should_name_accessors_in_pascal_case_as_elsa_When_a_variable_name_starts_lower_case()
    {
        var workflow = new FlowchartBuilder()
            .Variable("case_id", "String", "c-1")
            .Start()
            .Add("set", "Elsa.RunJavaScript", a => a.Literal("script", "setCaseId(getCaseId() + '-2')"))
            .WriteLineJs("show", "getCaseId() + '/' + getcase_id()")
            .Chain("start", "set", "show");

        Assert.Equal(["c-1-2/c-1-2"], await RunAsync(workflow));
    }
}
