using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Elsa.RunJavaScript: the script's value is its result output; setOutcome picks the port.</summary>
public sealed class RunJavaScriptTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Should_store_the_script_value_in_the_bound_variable_When_the_result_is_bound()
    {
        var workflow = new FlowchartBuilder()
            .Variable("Total", "Int32", "0")
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a
                .Literal("script", "var items = [3, 4, 5]; items.reduce(function (a, b) { return a + b; }, 0)")
                .OutputTo("result", FlowchartBuilder.VariableId("Total")))
            .WriteLineJs("show", "'total=' + getTotal()")
            .Chain("start", "js", "show");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(["total=12"], _engine.Output.Lines);
        var record = Assert.Single(await _engine.Instances.GetRecordsAsync(result.InstanceId), r => r.ActivityId == "js");
        Assert.Equal(12, record.Outputs!["result"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(true, "approved")]
    [InlineData(false, "rejected")]
    public async Task Should_follow_the_port_the_script_chose_When_it_calls_set_outcome(bool approve, string expected)
    {
        var workflow = new FlowchartBuilder()
            .Input("Approve", "Boolean")
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a
                .Literal("script", "if (getApprove()) { setOutcome('Yes'); } else { setOutcome('No'); }")
                .ObjectValue("possibleOutcomes", """["Yes","No"]""", "List<String>"))
            .WriteLine("approved", "approved")
            .WriteLine("rejected", "rejected")
            .WriteLine("done", "done port")
            .Connect("start", "js")
            .Connect("js", "approved", "Yes")
            .Connect("js", "rejected", "No")
            .Connect("js", "done");

        var result = await _engine.RunAsync(workflow, new StartOptions { Input = new Dictionary<string, object?> { ["Approve"] = approve } });

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal([expected], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_follow_done_When_the_script_chooses_no_outcome()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", "1 + 1"))
            .WriteLine("done", "done port")
            .Chain("start", "js", "done");

        await _engine.RunAsync(workflow);

        Assert.Equal(["done port"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_fault_with_the_script_error_When_the_script_throws()
    {
        var workflow = new FlowchartBuilder()
            .Start()
            .Add("js", "Elsa.RunJavaScript", a => a.Literal("script", "throw new Error('no registry entry')"))
            .WriteLine("after", "after")
            .Chain("start", "js", "after");

        var result = await _engine.RunAsync(workflow);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Contains("no registry entry", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Output.Lines);
    }
}
