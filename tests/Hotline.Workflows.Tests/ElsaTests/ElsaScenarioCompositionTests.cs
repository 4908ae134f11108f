using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>Elsa's composition scenarios (workflows used as activities, outputs, outcomes, completion), with the results Elsa's tests state.</summary>
public sealed class ElsaScenarioCompositionTests
{
    [Theory]
    [InlineData("parent-with-input.json", "Hello from parent!")]
    [InlineData("parent-with-output.json", "Received from child: Child output value")]
    [InlineData("parent-with-outcomes.json", "Success path taken")]
    [InlineData("parent-version-fallback.json", "Published version executed")]
    public async Task Should_write_the_line_Elsa_states_When_running_a_WorkflowDefinitionActivities_parent(string parent, string expected)
    {
        var children = new[] { "child-published-version.json", "child-with-input.json", "child-with-outcomes.json", "child-with-output.json" };
        var (result, lines) = await RunAsync("WorkflowDefinitionActivities", [parent, .. children]);

        Assert.Contains(expected, lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_finish_When_a_child_completes_with_an_outcome_in_ParentChildCompletion()
    {
        var (result, lines) = await RunAsync("ParentChildCompletion", ["parent.json", "child.json"]);

        AssertFinished(result);
        Assert.Equal(["Start", "test", "1", "11", "22", "Success"], lines);
    }

    [Theory]
    [InlineData("parent1.json", "Child: Bar")]
    [InlineData("parent2.json", "Child: Foo")]
    public async Task Should_give_the_child_its_own_inputs_When_parent_and_child_inputs_share_a_name(string parent, string childLine)
    {
        var (result, lines) = await RunAsync("ParentChildInputs", [parent, "child.json"], new Dictionary<string, object?> { ["Input1"] = "Foo" });

        Assert.Equal(["Parent: Foo", childLine], lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_not_cascade_a_grandchild_Complete_When_running_CompositesAndOutcomes()
    {
        var (result, lines) = await RunAsync("CompositesAndOutcomes", ["tester.json", "consumer.json", "completor.json"]);

        Assert.Equal(["Start", "End"], lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_run_nine_atoms_When_running_DependencyWorkflows_in_any_file_order()
    {
        var (result, lines) = await RunAsync("DependencyWorkflows", ["matter-activity.json", "atom-activity.json", "molecule-activity.json"]);

        Assert.Equal(Enumerable.Repeat("Atom", 9), lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_run_the_grandchild_When_running_a_child_of_CachingAndWorkflowDefinitionActivity()
    {
        var (result, lines) = await RunAsync("CachingAndWorkflowDefinitionActivity", ["workflow-definition-child.json", "workflow-definition-grand-child.json"]);

        Assert.Equal(["Grand Child"], lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_run_each_use_of_the_same_child_When_running_WorkflowJsonStructures()
    {
        var (result, lines) = await RunAsync("WorkflowJsonStructures", ["main.json", "sub.json"]);

        Assert.Equal(["Test", "Test"], lines);
        AssertFinished(result);
    }

    [Fact]
    public async Task Should_map_the_child_output_to_the_parent_When_running_the_ParentChildOutputMapping_calculator()
    {
        var (result, lines) = await RunAsync("ParentChildOutputMapping", ["calculator.json", "sum.json"]);

        Assert.Equal(["Result: 9"], lines);
        AssertFinished(result);
    }

    internal static async Task<(RunResult Result, IReadOnlyList<string> Lines)> RunAsync(string scenario, string[] files, IReadOnlyDictionary<string, object?>? input = null, TestEngine? engine = null)
    {
        engine ??= new TestEngine();
        var paths = files.Select(f => Path(scenario, f)).ToList();
        var result = await WorkflowFileRunner.RunAsync(engine.Runtime, paths, fastTimers: true, new StartOptions { Input = input });
        return (result, engine.Output.Lines);
    }

    internal static string Path(string scenario, string file) => TestEngine.RepositoryPath("tests", "Hotline.Workflows.Tests", "ElsaTests", scenario, file);

    internal static void AssertFinished(RunResult result)
    {
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        Assert.Equal("Finished", result.StatusText);
    }
}
