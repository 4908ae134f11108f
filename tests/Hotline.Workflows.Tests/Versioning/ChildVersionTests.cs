using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Versioning;

/// <summary>A definition used as an activity by id only floats to its published version for new instances; running ones stay.</summary>
public sealed class ChildVersionTests
{
    private readonly TestEngine _engine = new();

    private static WorkflowDefinition Child(string tag) => WorkflowDefinitionReader.Parse($$"""
        {
          "id": "child-{{tag}}", "definitionId": "child", "name": "Child step", "version": 1,
          "options": { "usableAsActivity": true },
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "before", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "child {{tag}}" } } },
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "after", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "child {{tag}} after" } } }
            ],
            "connections": [
              { "source": { "activity": "before", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "after", "port": "In" } }
            ] }
        }
        """);

    private static readonly string Parent = """
        {
          "id": "parent-v1", "definitionId": "parent", "name": "Parent", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "step", "type": "ChildStep", "version": 1, "workflowDefinitionId": "child" },
              { "id": "done", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "parent done" } } }
            ],
            "connections": [ { "source": { "activity": "step", "port": "Done" }, "target": { "activity": "done", "port": "In" } } ] }
        }
        """;

    [Fact]
    public async Task Should_use_the_new_child_for_new_instances_and_keep_running_ones_on_theirs_When_a_child_version_is_published()
    {
        var service = new WorkflowDefinitionService(_engine.Runtime);
        await service.SaveAndPublishAsync(Child("v1"));
        await service.SaveAndPublishAsync(WorkflowDefinitionReader.Parse(Parent));
        var first = await _engine.Runtime.StartAsync("parent", new StartOptions());

        await service.SaveAndPublishAsync(Child("v2"));
        var second = await _engine.Runtime.StartAsync("parent", new StartOptions());
        await _engine.Runtime.PublishEventAsync("go", null, null, null);

        Assert.Equal(["child v1", "child v1 after", "parent done"], _engine.Output.LinesOf(first.InstanceId));
        Assert.Equal(["child v2", "child v2 after", "parent done"], _engine.Output.LinesOf(second.InstanceId));
        var stored = await _engine.Instances.FindAsync(first.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, stored!.SubStatus);
    }
}
