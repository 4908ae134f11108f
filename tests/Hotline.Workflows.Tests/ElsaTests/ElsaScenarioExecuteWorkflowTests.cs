using System.Text.Json.Nodes;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>
/// Elsa's ExecuteWorkflow scenario (Activities/ExecuteWorkflow): a child started as its own instance, with input,
/// correlation id and <c>ParentInstanceId</c>, and its output returned. Three parents of the scenario put their
/// activities in an <c>Elsa.Sequence</c>; they run here as the same activities chained in a flowchart.
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
        var folder = Directory.CreateTempSubdirectory("execute-workflow-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var file in Children.Prepend(parent))
            {
                var json = JsonNode.Parse(await File.ReadAllTextAsync(ElsaScenarioCompositionTests.Path("ExecuteWorkflow", file)))!.AsObject();
                SequenceAsFlowchart(json["root"]!.AsObject());
                var path = Path.Combine(folder, file);
                await File.WriteAllTextAsync(path, json.ToJsonString());
                files.Add(path);
            }

            var result = await WorkflowFileRunner.RunAsync(engine.Runtime, files, fastTimers: true);
            return (result, engine.Output.Lines, engine);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Elsa.Sequence belongs to the container activities; the same activities chained in a flowchart run alike.
    private static void SequenceAsFlowchart(JsonObject root)
    {
        if (root["type"]!.GetValue<string>() != "Elsa.Sequence")
            return;
        root["type"] = "Elsa.Flowchart";
        var ids = root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        root["start"] = ids[0];
        root["connections"] = new JsonArray(ids.Zip(ids.Skip(1)).Select(pair => (JsonNode?)new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = pair.First, ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = pair.Second, ["port"] = "In" },
        }).ToArray());
    }
}
