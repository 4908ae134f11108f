using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>
/// Elsa's ExecuteWorkflow scenario (Activities/ExecuteWorkflow): a child started as its own instance, with input,
/// correlation id and <c>ParentInstanceId</c>, and its output returned; the files run unchanged (three parents put
/// their activities in an <c>Elsa.Sequence</c>).
/// </summary>
public sealed class ElsaScenarioExecuteWorkflowTests
{
    private static readonly string[] Children = ["child-workflow.json", "child-with-input.json", "child-with-output.json"];

    [Fact]
    public async Task Should_run_the_child_before_the_parent_goes_on_When_waiting_for_completion()
    {
        var (result, lines, _) = await RunAsync("parent-with-wait.json");

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Equal(["Parent: Before child", "Child: Executing", "Parent: After child"], lines);
    }

    [Fact]
    public async Task Should_finish_and_record_the_parent_instance_When_not_waiting_for_completion()
    {
        var (result, lines, engine) = await RunAsync("parent-no-wait.json");

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Contains("Parent: Before child", lines);
        Assert.Contains("Child: Executing", lines);
        Assert.Contains("Parent: After child", lines);
        var child = await ChildAsync(engine, "child-workflow");
        Assert.Equal(result.InstanceId, child.State["properties"]!["ParentInstanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_pass_the_input_to_the_child_When_the_parent_gives_one()
    {
        var (result, lines, _) = await RunAsync("parent-with-input.json");

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Contains("Child received: Hello from parent", lines);
    }

    [Fact]
    public async Task Should_return_the_child_output_When_capturing_the_result()
    {
        var (result, lines, _) = await RunAsync("parent-capture-output.json");

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Contains("Child output: 42", lines);
        Assert.Contains("Parent received: 42", lines);
    }

    [Fact]
    public async Task Should_set_the_child_correlation_id_When_the_parent_names_one()
    {
        var (result, _, engine) = await RunAsync("parent-with-correlation.json");

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Equal("test-correlation-123", (await ChildAsync(engine, "child-workflow")).CorrelationId);
    }

    private static async Task<WorkflowInstance> ChildAsync(TestEngine engine, string definitionId) =>
        Assert.Single((await engine.Instances.ListAsync(new InstanceQuery(DefinitionId: definitionId))).Items);

    private static async Task<(RunResult Result, IReadOnlyList<string> Lines, TestEngine Engine)> RunAsync(string parent)
    {
        var engine = new TestEngine();
        var files = Children.Prepend(parent).Select(file => ElsaScenarioCompositionTests.Path("ExecuteWorkflow", file)).ToList();
        var result = await WorkflowFileRunner.RunAsync(engine.Runtime, files, fastTimers: true);
        return (result, engine.Output.Lines, engine);
    }
}
