using Hotline.Workflows.CSharp;
using Hotline.Workflows.CSharp.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>
/// Elsa 3.8's ParentChildOutputMapping and WorkflowOutputMapping scenarios (test/integration/Elsa.Workflows.IntegrationTests/
/// Scenarios/...): the lines and outputs its Tests.cs state. Several of them write with C# expressions or Elsa.RunCSharp.
/// </summary>
[Collection("CSharp syntax")]
public sealed class ElsaScenarioOutputMappingTests
{
    private readonly TestEngine _engine = CSharpEngine();

    [Fact]
    public async Task Should_put_the_RunCSharp_result_in_the_workflow_output_When_the_result_is_mapped_to_it()
    {
        var result = await RunAsync("WorkflowOutputMapping", "workflow-output.json");

        Assert.Equal("Finished", result.StatusText);
        Assert.Equal("Foo", result.Output["Output1"]);
    }

    [Fact]
    public async Task Should_write_the_sum_the_child_workflow_put_out_When_the_calculator_runs()
    {
        var result = await RunAsync("ParentChildOutputMapping", "calculator.json", "sum.json");

        Assert.Equal(["Result: 9"], _engine.Output.Lines);
        Assert.Equal("Finished", result.StatusText);
    }

    [Fact]
    public async Task Should_write_FooBar_When_nested_children_put_out_outputs_of_the_same_names()
    {
        var result = await RunAsync("ParentChildOutputMapping", "d.json", "a.json", "b.json", "c.json");

        Assert.Equal(["FooBar"], _engine.Output.Lines);
        Assert.Equal("Finished", result.StatusText);
    }

    [Fact]
    public async Task Should_write_Foo_When_the_child_sets_its_output_with_SetOutput()
    {
        var result = await RunAsync("ParentChildOutputMapping", "consumer.json", "producer.json");

        Assert.Equal(["Foo"], _engine.Output.Lines);
        Assert.Equal("Finished", result.StatusText);
    }

    internal static TestEngine CSharpEngine()
    {
        CSharpExpressions.Register();
        var engine = new TestEngine();
        engine.Runtime.Registry.RegisterAssembly(typeof(RunCSharp).Assembly);
        return engine;
    }

    private async Task<RunResult> RunAsync(string scenario, params string[] files)
    {
        var result = await WorkflowFileRunner.RunAsync(_engine.Runtime, files.Select(f => TestEngine.RepositoryPath("tests", "Hotline.Workflows.Tests", "ElsaTests", scenario, f)).ToList(), fastTimers: true);
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return result;
    }
}
