using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>
/// The time a journal line carries: read once when a step begins; read again after an activity that awaited work which
/// did not finish at once (a query, a request), so what follows it is stamped after the wait; a step that ran straight
/// through stamps its own lines with one reading.
/// </summary>
public sealed class StepTimeTests
{
    private const string Definition = """
        {
          "id": "steps-v1", "definitionId": "steps", "name": "Steps", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "waits", "type": "Test.AwaitsWork", "version": 1 },
              { "id": "busy", "type": "Test.TakesTimeWithoutWaiting", "version": 1 },
              { "id": "after", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } }
            ],
            "connections": [
              { "source": { "activity": "waits", "port": "Done" }, "target": { "activity": "busy", "port": "In" } },
              { "source": { "activity": "busy", "port": "Done" }, "target": { "activity": "after", "port": "In" } }
            ] }
        }
        """;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_stamp_what_follows_an_awaited_step_after_the_wait_and_each_new_step_with_a_new_reading()
    {
        var (runtime, store, clock, work) = await CreateAsync();

        var running = runtime.StartAsync("steps", new StartOptions());
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(2));
        work.SetResult();
        var result = await running;

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        var journal = await store.GetJournalAsync(result.InstanceId);
        DateTimeOffset At(string activity, string eventName) => journal.Single(j => j.ActivityId == activity && j.EventName == eventName).Timestamp;
        Assert.Equal(Start, At("waits", "Started"));
        Assert.Equal(Start.AddMinutes(2), At("waits", "Completed"));
        Assert.Equal(Start.AddMinutes(2), At("busy", "Started"));
        Assert.Equal(Start.AddMinutes(2), At("busy", "Completed"));
        Assert.Equal(Start.AddMinutes(3), At("after", "Started"));
        var records = await store.GetRecordsAsync(result.InstanceId);
        Assert.Equal(Start.AddMinutes(2), records.Single(r => r.ActivityId == "waits").CompletedAt);
    }

    [Fact]
    public async Task Should_give_every_journal_line_its_own_id_that_stays_the_same_When_it_is_read_again()
    {
        var (runtime, store, _, work) = await CreateAsync();
        work.SetResult();
        var result = await runtime.StartAsync("steps", new StartOptions());

        var first = (await store.GetJournalAsync(result.InstanceId)).Select(j => j.Id).ToList();
        var again = (await store.GetJournalAsync(result.InstanceId)).Select(j => j.Id).ToList();

        Assert.Equal(8, first.Count);
        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first, id => Assert.Matches("^[0-9a-f]{16}$", id));
        Assert.Equal(first, again);
        Assert.Equal("stored-id", new JournalEntry { Id = "stored-id", WorkflowInstanceId = "i", ActivityInstanceId = "a", ActivityId = "x", ActivityType = "t", NodeId = "n", EventName = "Started" }.Id);
    }

    private static async Task<(WorkflowRuntime Runtime, MemoryWorkflowInstanceStore Store, FakeClock Clock, TaskCompletionSource Work)> CreateAsync()
    {
        var clock = new FakeClock(Start);
        var store = new MemoryWorkflowInstanceStore();
        var registry = ActivityRegistry.CreateDefault();
        registry.Register(typeof(AwaitsWork));
        registry.Register(typeof(TakesTimeWithoutWaiting));
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runtime = new WorkflowRuntime(registry, new MemoryWorkflowDefinitionStore(), store, new EngineServices { Clock = clock, HostServices = new Work(work) });
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(Definition));
        return (runtime, store, clock, work);
    }

    /// <summary>The work the activity awaits (a query, a request): the test finishes it.</summary>
    private sealed class Work(TaskCompletionSource work) : IServiceProvider
    {
        public Task Task => work.Task;

        public object? GetService(Type serviceType) => serviceType == typeof(Work) ? this : null;
    }

    [Activity("Test", "Test", "Awaits work the test finishes.")]
    private sealed class AwaitsWork : Activity
    {
        public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            await context.GetRequiredService<Work>().Task;
            context.Complete();
        }
    }

    [Activity("Test", "Test", "Takes a minute of the clock without awaiting anything.")]
    private sealed class TakesTimeWithoutWaiting : CodeActivity
    {
        protected override Outcomes Execute(ActivityExecutionContext context)
        {
            ((FakeClock)context.Clock).Advance(TimeSpan.FromMinutes(1));
            return Outcomes.Done;
        }
    }
}
