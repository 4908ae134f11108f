using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>An activity that meets a passing infrastructure failure (the database restarting) leaves nothing saved, to run again.</summary>
public sealed class TransientFailureTests
{
    private const string Definition = """
        {
          "id": "flaky-v1", "definitionId": "flaky", "name": "Flaky", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "flaky", "type": "Test.Flaky", "version": 1 }
            ],
            "connections": [ { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "flaky", "port": "In" } } ] }
        }
        """;

    private static async Task<(WorkflowRuntime Runtime, MemoryWorkflowInstanceStore Store, RunResult Started, Switch Failing)> StartAsync(Func<Exception, bool> isTransient)
    {
        var failing = new Switch { On = true };
        var store = new MemoryWorkflowInstanceStore();
        var registry = ActivityRegistry.CreateDefault();
        registry.Register(typeof(Flaky));
        var runtime = new WorkflowRuntime(registry, new MemoryWorkflowDefinitionStore(), store,
            new EngineServices { HostServices = new Services(failing), IsTransient = isTransient });
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(Definition));
        return (runtime, store, await runtime.StartAsync("flaky", new StartOptions()), failing);
    }

    [Fact]
    public async Task Should_save_nothing_and_finish_on_the_next_attempt_When_an_activity_meets_a_transient_failure()
    {
        var (runtime, store, started, failing) = await StartAsync(e => e is TimeoutException);

        await Assert.ThrowsAsync<TimeoutException>(() => runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id));

        var saved = (await store.FindAsync(started.InstanceId))!;
        Assert.Equal(WorkflowSubStatus.Suspended, saved.SubStatus);
        Assert.Single(saved.Bookmarks);
        failing.On = false;
        var retried = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);
        Assert.Equal(WorkflowSubStatus.Finished, retried.SubStatus);
        Assert.Empty(retried.Incidents);
    }

    [Fact]
    public async Task Should_fault_the_instance_with_an_incident_When_the_failure_is_not_transient()
    {
        var (runtime, _, started, _) = await StartAsync(_ => false);

        var result = await runtime.ResumeAsync(started.InstanceId, started.Bookmarks[0].Id);

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Contains("database restarting", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    private sealed class Switch
    {
        public bool On { get; set; }
    }

    private sealed class Services(Switch failing) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(Switch) ? failing : null;
    }

    [Activity("Test", "Test", "Fails with a timeout while its switch is on.")]
    private sealed class Flaky : CodeActivity
    {
        protected override Outcomes Execute(ActivityExecutionContext context) =>
            context.GetRequiredService<Switch>().On ? throw new TimeoutException("The database restarting did not answer.") : Outcomes.Done;
    }
}
