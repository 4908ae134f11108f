using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Runtime;

public sealed class EffectsTests
{
    private const string Definition = """
        {
          "id": "fx-v1", "definitionId": "fx", "name": "Effects", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "count", "type": "Test.Count", "version": 1 }
            ],
            "connections": [ { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "count", "port": "In" } } ] }
        }
        """;

    [Fact]
    public async Task Should_save_an_effect_once_When_the_burst_that_made_it_lost_a_race_and_was_retried()
    {
        var counter = new Counter();
        var instances = new ConflictOnceStore(new MemoryWorkflowInstanceStore());
        var registry = ActivityRegistry.CreateDefault();
        registry.Register(typeof(Count));
        var runtime = new WorkflowRuntime(registry, new MemoryWorkflowDefinitionStore(), instances, new EngineServices { HostServices = new Services(counter) });
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(Definition));
        var started = await runtime.StartAsync("fx", new StartOptions());

        instances.ConflictNextCommit = true;
        var result = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(2, instances.Attempts);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task Should_refuse_the_commit_When_the_store_does_not_know_the_effect()
    {
        var store = new MemoryWorkflowInstanceStore();
        var instance = new WorkflowInstance { Id = "i", DefinitionId = "d", DefinitionVersionId = "v", Revision = 1 };

        await Assert.ThrowsAsync<NotSupportedException>(() => store.CommitAsync(new WorkflowCommit(instance, 0, [], [], [], []) { Effects = ["not an effect"] }));

        Assert.Null(await store.FindAsync("i"));
    }

    private sealed class Counter
    {
        public int Value;
    }

    private sealed class Services(Counter counter) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(Counter) ? counter : null;
    }

    private sealed class Increment(Counter counter) : IMemoryEffect
    {
        public void Apply() => counter.Value++;
    }

    [Activity("Test", "Test", "Adds one to a counter, as an effect.")]
    private sealed class Count : CodeActivity
    {
        protected override Outcomes Execute(ActivityExecutionContext context)
        {
            context.AddEffect(new Increment(context.GetRequiredService<Counter>()));
            return Outcomes.Done;
        }
    }

    private sealed class ConflictOnceStore(MemoryWorkflowInstanceStore inner) : IWorkflowInstanceStore
    {
        public bool ConflictNextCommit { get; set; }
        public int Attempts { get; private set; }

        public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
        {
            if (commit.ExpectedRevision > 0)
                Attempts++;
            if (!ConflictNextCommit)
                return inner.CommitAsync(commit, cancellationToken);
            ConflictNextCommit = false;
            throw new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
        }

        public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) => inner.FindAsync(instanceId, cancellationToken);
        public Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default) => inner.FindBookmarksAsync(name, hash, correlationId, instanceId, cancellationToken);
        public Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) => inner.FindDueBookmarksAsync(dueBy, max, cancellationToken);
        public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default) => inner.GetJournalAsync(instanceId, skip, take, cancellationToken);
        public Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetRecordsAsync(instanceId, cancellationToken);
        public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
    }
}
