using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>Each burst runs in a unit of work of its own: a DI scope per attempt, saved by one commit or not at all.</summary>
public sealed class BurstScopeTests
{
    private const string Definition = """
        {
          "id": "fx-v1", "definitionId": "fx", "name": "Bursts", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "count", "type": "Test.Count", "version": 1 },
              { "id": "task", "type": "Hotline.HumanTask", "version": 1, "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Sign" } } }
            ],
            "connections": [
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "count", "port": "In" } },
              { "source": { "activity": "count", "port": "Done" }, "target": { "activity": "task", "port": "In" } } ] }
        }
        """;

    private readonly MemoryWorkflowInstanceStore _inner = new();
    private readonly ConflictOnceStore _instances;
    private readonly ServiceProvider _services;
    private readonly WorkflowRuntime _runtime;

    public BurstScopeTests()
    {
        _instances = new ConflictOnceStore(_inner);
        _services = new ServiceCollection().AddSingleton<Seen>().AddScoped<UnitOfWork>().BuildServiceProvider(validateScopes: true);
        var registry = ActivityRegistry.CreateDefault();
        registry.Register(typeof(Count));
        _runtime = new WorkflowRuntime(registry, new MemoryWorkflowDefinitionStore(), _instances, new EngineServices { HostServices = _services });
    }

    [Fact]
    public async Task Should_run_the_retry_in_a_fresh_scope_and_dispose_the_losing_one_When_a_burst_lost_a_race()
    {
        var started = await StartAsync();

        _instances.ConflictNextCommit = true;
        var result = await _runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);

        Assert.Equal(WorkflowSubStatus.Suspended, result.SubStatus);
        var seen = _services.GetRequiredService<Seen>().Scopes;
        Assert.Equal(2, seen.Count);
        Assert.NotSame(seen[0], seen[1]);
        Assert.All(seen, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task Should_trace_both_attempts_and_count_the_retried_conflict_When_a_burst_lost_a_race()
    {
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var tracing = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Hotline.Workflows.Diagnostics.WorkflowTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(tracing);
        var conflicts = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var metering = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "hotline.workflow.commit.conflicts")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        metering.SetMeasurementEventCallback<long>((_, _, tags, _) => conflicts.Add(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        metering.Start();
        var started = await StartAsync();

        _instances.ConflictNextCommit = true;
        await _runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);

        var bursts = spans.Where(s => s.OperationName == "workflow burst" && (string?)s.GetTagItem("workflow.instance.id") == started.InstanceId && (string?)s.GetTagItem("workflow.operation") == "ResumeAsync")
            .OrderBy(s => s.GetTagItem("workflow.burst.attempt")).ToList();
        Assert.Equal([1, 2], bursts.Select(s => (int)s.GetTagItem("workflow.burst.attempt")!));
        var commits = bursts.Select(b => Assert.Single(spans, s => s.OperationName == "workflow commit" && s.ParentSpanId == b.SpanId)).ToList();
        Assert.Equal(["conflict", "committed"], commits.Select(c => (string?)c.GetTagItem("workflow.commit.outcome")));
        Assert.Contains("workflow.definition.id=fx,retried=True", conflicts);
    }

    [Fact]
    public async Task Should_save_the_task_once_with_its_commit_When_the_burst_that_created_it_was_retried()
    {
        var started = await StartAsync();

        _instances.ConflictNextCommit = true;
        await _runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);

        Assert.Equal("Sign", Assert.Single(_inner.Tasks).TaskName);
    }

    [Fact]
    public async Task Should_not_run_the_start_again_When_it_conflicts_because_the_callers_instance_id_exists()
    {
        var first = await StartAsync("fixed-id");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => StartAsync("fixed-id"));

        Assert.Equal(first.InstanceId, Assert.Single((await _inner.ListAsync(new InstanceQuery())).Items).Id);
        Assert.Equal(2, _instances.StartAttempts);
    }

    [Fact]
    public async Task Should_run_the_start_again_When_it_conflicts_and_its_instance_does_not_exist()
    {
        _instances.ConflictNextCommit = true;

        var started = await StartAsync("fresh-id");

        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        Assert.Equal(2, _instances.StartAttempts);
    }

    private async Task<RunResult> StartAsync(string? instanceId = null)
    {
        if ((await _runtime.Definitions.FindPublishedAsync("fx")) is null)
            await WorkflowFileRunner.PublishImportedAsync(_runtime, WorkflowDefinitionReader.Parse(Definition));
        return await _runtime.StartAsync("fx", new StartOptions { InstanceId = instanceId });
    }

    private sealed class Seen
    {
        public List<UnitOfWork> Scopes { get; } = [];
    }

    private sealed class UnitOfWork(Seen seen) : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Record() => seen.Scopes.Add(this);

        public void Dispose() => Disposed = true;
    }

    [Activity("Test", "Test", "Records the burst's scoped unit of work.")]
    private sealed class Count : CodeActivity
    {
        protected override Outcomes Execute(ActivityExecutionContext context)
        {
            context.GetRequiredService<UnitOfWork>().Record();
            return Outcomes.Done;
        }
    }

    private sealed class ConflictOnceStore(MemoryWorkflowInstanceStore inner) : IWorkflowInstanceStore
    {
        public bool ConflictNextCommit { get; set; }
        public int StartAttempts { get; private set; }

        public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
        {
            if (commit.ExpectedRevision == 0)
                StartAttempts++;
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
