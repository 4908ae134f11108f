using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Versioning;

/// <summary>
/// A start by definition id reads and parses the definition only the first time: later starts find the compiled
/// published version by version ids, and still follow every publish of the definition and of the definitions it uses.
/// </summary>
public sealed class PublishedStartTests
{
    private readonly TestEngine _engine = new();
    private readonly CountingStore _store;
    private readonly WorkflowRuntime _runtime;

    public PublishedStartTests()
    {
        _store = new CountingStore(_engine.Definitions);
        _runtime = new WorkflowRuntime(ActivityRegistry.CreateDefault(), _store, _engine.Instances, new EngineServices { Clock = _engine.Clock, TextOutput = _engine.Output });
    }

    private static WorkflowDefinition Child(string tag) => WorkflowDefinitionReader.Parse($$"""
        {
          "id": "child-{{tag}}", "definitionId": "child", "name": "Child step", "version": 1,
          "options": { "usableAsActivity": true },
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [ { "id": "say", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "child {{tag}}" } } } ],
            "connections": [] }
        }
        """);

    private static WorkflowDefinition Parent(string tag) => WorkflowDefinitionReader.Parse($$"""
        {
          "id": "parent-{{tag}}", "definitionId": "parent", "name": "Parent", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "step", "type": "ChildStep", "version": 1, "workflowDefinitionId": "child" },
              { "id": "done", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "parent {{tag}}" } } }
            ],
            "connections": [ { "source": { "activity": "step", "port": "Done" }, "target": { "activity": "done", "port": "In" } } ] }
        }
        """);

    [Fact]
    public async Task Should_read_the_definition_once_and_follow_every_publish_When_a_definition_is_started_again_and_again()
    {
        var service = new WorkflowDefinitionService(_runtime);
        await service.SaveAndPublishAsync(Child("v1"));
        await service.SaveAndPublishAsync(Parent("v1"));

        var first = await _runtime.StartAsync("parent", new StartOptions());
        var readsAfterFirst = _store.PublishedReads;
        var second = await _runtime.StartAsync("parent", new StartOptions());
        var third = await _runtime.StartAsync("parent", new StartOptions());
        Assert.Equal(readsAfterFirst, _store.PublishedReads);

        await service.SaveAndPublishAsync(Child("v2"));
        var afterChild = await _runtime.StartAsync("parent", new StartOptions());
        await service.SaveAndPublishAsync(Parent("v2"));
        var afterParent = await _runtime.StartAsync("parent", new StartOptions());
        await service.RetractAsync("parent");

        foreach (var run in new[] { first, second, third })
            Assert.Equal(["child v1", "parent v1"], _engine.Output.LinesOf(run.InstanceId));
        Assert.Equal(["child v2", "parent v1"], _engine.Output.LinesOf(afterChild.InstanceId));
        Assert.Equal(["child v2", "parent v2"], _engine.Output.LinesOf(afterParent.InstanceId));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => _runtime.StartAsync("parent", new StartOptions()));
    }

    /// <summary>The memory store, counting the reads of a published definition's document.</summary>
    private sealed class CountingStore(IWorkflowDefinitionStore inner) : IWorkflowDefinitionStore
    {
        public int PublishedReads { get; private set; }

        public Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default) => inner.FindByVersionIdAsync(versionId, cancellationToken);

        public Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
        {
            PublishedReads++;
            return inner.FindPublishedAsync(definitionId, cancellationToken);
        }

        public Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) => inner.FindLatestAsync(definitionId, cancellationToken);

        public Task<IReadOnlyList<WorkflowDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) => inner.ListVersionsAsync(definitionId, cancellationToken);

        public Task<IReadOnlyList<WorkflowDefinition>> ListLatestAsync(CancellationToken cancellationToken = default) => inner.ListLatestAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> FindPublishedVersionIdsAsync(IReadOnlyCollection<string> definitionIds, CancellationToken cancellationToken = default) =>
            inner.FindPublishedVersionIdsAsync(definitionIds, cancellationToken);

        public Task<IReadOnlyList<WorkflowDefinition>> ListUsableAsActivitiesAsync(CancellationToken cancellationToken = default) => inner.ListUsableAsActivitiesAsync(cancellationToken);

        public Task SaveAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken cancellationToken = default) => inner.SaveAsync(versions, cancellationToken);

        public Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default) => inner.DeleteAsync(definitionId, cancellationToken);
    }
}
