using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Expressions;

/// <summary>A runaway script faults its instance with an incident naming the limit and the activity; the next workflow runs.</summary>
public sealed class JavaScriptLimitsTests
{
    private static readonly JavaScriptLimits Tight = new() { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = 200_000, MemoryBytes = 4 * 1024 * 1024, MaxRecursionDepth = 64 };

    public static TheoryData<string, JavaScriptLimits, string> RunawayScripts => new()
    {
        { "while (true) {}", Tight with { MaxStatements = int.MaxValue }, "time limit (0.3 s)" },
        { "let n = 0;\nwhile (true) { n++; }", Tight with { Timeout = TimeSpan.FromSeconds(30), MemoryBytes = 1L << 30 }, "statements than its limit (200000)" },
        { "const down = n => down(n + 1);\ndown(0);", Tight, "recursion limit (64)" },
        { "const big = [];\nfor (let i = 0; i < 1e8; i++) { big.push('x' + i); }", Tight with { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromSeconds(30) }, "memory than its limit (4 MiB)" },
    };

    [Theory]
    [MemberData(nameof(RunawayScripts))]
    public async Task Should_fault_the_instance_naming_the_limit_and_the_activity_When_a_script_runs_away(string script, JavaScriptLimits limits, string expected)
    {
        var engine = new TestEngine(javaScript: limits);
        var runaway = new FlowchartBuilder("runaway")
            .Start()
            .Add("spin", "Elsa.RunJavaScript", a => a.Literal("script", script))
            .Chain("start", "spin");

        var faulted = await engine.RunAsync(runaway);
        var next = await engine.RunAsync(new FlowchartBuilder("next").Start().WriteLineJs("hello", "`next ${1 + 1}`").Chain("start", "hello"));

        Assert.Equal(WorkflowSubStatus.Faulted, faulted.SubStatus);
        var incident = Assert.Single(faulted.Incidents);
        Assert.True(incident.Message.Contains(expected, StringComparison.Ordinal), incident.Message);
        Assert.Contains("'spin'", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Finished, next.SubStatus);
        Assert.Equal(["next 2"], engine.Output.LinesOf(next.InstanceId));
    }

    [Fact]
    public async Task Should_name_the_activity_and_the_line_When_a_script_throws()
    {
        var engine = new TestEngine();
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("check", "Elsa.RunJavaScript", a => a.Set("name", "CheckAnswer").Literal("script", "const a = 1;\n\nthrow new Error('no answer');"))
            .Chain("start", "check");

        var result = await engine.RunAsync(workflow);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal("JavaScript error in activity 'CheckAnswer' (check) at line 3: no answer", incident.Message);
    }

    [Fact]
    public async Task Should_not_reach_dotnet_When_a_script_asks_for_clr_types()
    {
        var engine = new TestEngine();
        var workflow = new FlowchartBuilder()
            .Start()
            .WriteLineJs("probe", "typeof importNamespace + '/' + typeof System + '/' + typeof clrHelper")
            .Chain("start", "probe");

        var result = await engine.RunAsync(workflow);

        Assert.Equal(["undefined/undefined/undefined"], engine.Output.LinesOf(result.InstanceId));
    }
}
