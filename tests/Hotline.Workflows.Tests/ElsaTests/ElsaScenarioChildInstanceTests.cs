using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>
/// The running side of Elsa's scenarios about children's versions, names, correlation and recorded outputs
/// (InputOutput, WorkflowReferenceGraph, WorkflowActivities CacheInvalidation, LogPersistenceModes).
/// </summary>
public sealed class ElsaScenarioChildInstanceTests
{
    [Fact]
    public async Task Should_give_the_child_input_back_as_its_output_When_the_child_is_an_unpublished_draft()
    {
        var engine = new TestEngine();
        var provider = WorkflowDefinitionReader.ReadFile(ElsaScenarioCompositionTests.Path("InputOutput", "provider.json"));
        Assert.False(provider.IsPublished);
        await engine.Definitions.SaveAsync([provider]);

        var (result, _) = await ElsaScenarioCompositionTests.RunAsync("InputOutput", ["consumer.json"], engine: engine);

        ElsaScenarioCompositionTests.AssertFinished(result);
        var record = Assert.Single(await engine.Instances.GetRecordsAsync(result.InstanceId), r => r.ActivityId == "8c1127e1193cd6e8");
        Assert.Equal("Hello World!", record.Outputs!["output1"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_name_the_instance_When_a_grandchild_sets_its_name()
    {
        var engine = new TestEngine();

        var (result, _) = await ElsaScenarioCompositionTests.RunAsync("WorkflowReferenceGraph", ["refgraph-parent.json", "refgraph-grandchild.json", "refgraph-child.json"], engine: engine);

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Equal("Grandchild", (await engine.Instances.FindAsync(result.InstanceId))!.Name);
    }

    [Fact]
    public async Task Should_correlate_the_instance_When_the_child_sets_its_correlation_id()
    {
        var engine = new TestEngine();

        var (result, _) = await ElsaScenarioCompositionTests.RunAsync("WorkflowActivities", ["CacheInvalidation_Child.json"], engine: engine);

        ElsaScenarioCompositionTests.AssertFinished(result);
        Assert.Equal("Child version 1", (await engine.Instances.FindAsync(result.InstanceId))!.CorrelationId);
    }

    [Fact]
    public async Task Should_record_both_outputs_of_a_workflow_used_as_an_activity_When_running_LogPersistenceModes()
    {
        var engine = new TestEngine();

        var (result, _) = await ElsaScenarioCompositionTests.RunAsync("LogPersistenceModes", ["input-output-logging-3.json", "input-output-logging-3-child.json"], engine: engine);

        ElsaScenarioCompositionTests.AssertFinished(result);
        var record = Assert.Single(await engine.Instances.GetRecordsAsync(result.InstanceId), r => r.ActivityName == "InputOutputLogging3-Child1");
        var outputs = record.Outputs!.Select(o => o.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Output1", outputs);
        Assert.Contains("Output2", outputs);
    }
}
