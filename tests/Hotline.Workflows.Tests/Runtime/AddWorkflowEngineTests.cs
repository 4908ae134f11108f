using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>The engine's own registration: in-memory ports by default, the host's where it registered them first.</summary>
public sealed class AddWorkflowEngineTests
{
    private const string Definition = """
        {
          "id": "hello-v1", "definitionId": "hello", "name": "Hello", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "say", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "你好" } } },
              { "id": "task", "type": "Hotline.HumanTask", "version": 1,
                "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Sign" } } }
            ],
            "connections": [ { "source": { "activity": "say", "port": "Done" }, "target": { "activity": "task", "port": "In" } } ] }
        }
        """;

    [Fact]
    public async Task Should_run_a_definition_on_the_in_memory_ports_When_the_host_registered_none()
    {
        var output = new CollectingTextOutput();
        await using var services = new ServiceCollection().AddSingleton<ITextOutput>(output).AddWorkflowEngine().BuildServiceProvider();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(Definition));

        var run = await runtime.StartAsync("hello", new StartOptions());

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        Assert.IsType<MemoryWorkflowInstanceStore>(services.GetRequiredService<IWorkflowInstanceStore>());
        Assert.Equal("Sign", Assert.Single(((MemoryWorkflowInstanceStore)services.GetRequiredService<IWorkflowInstanceStore>()).Tasks).TaskName);
        Assert.Contains("你好", output.Lines);
    }

    [Fact]
    public void Should_keep_the_hosts_ports_and_pass_on_its_transient_rule_When_they_were_registered_first()
    {
        var store = new MemoryWorkflowInstanceStore();
        var bursts = new StoreBurstScopeFactory(store);
        using var services = new ServiceCollection()
            .AddSingleton<IWorkflowInstanceStore>(store)
            .AddSingleton<IBurstScopeFactory>(bursts)
            .AddWorkflowEngine(engine => engine.IsTransient = e => e is TimeoutException)
            .BuildServiceProvider();

        var runtime = services.GetRequiredService<WorkflowRuntime>();

        Assert.Same(store, runtime.Instances);
        Assert.Same(bursts, runtime.Bursts);
        Assert.True(runtime.Services.IsTransient(new TimeoutException()));
        Assert.False(runtime.Services.IsTransient(new InvalidOperationException()));
    }
}
