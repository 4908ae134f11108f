using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Composition on the persisted runtime: <c>Elsa.ExecuteWorkflow</c> starts its child as a separate stored instance
/// after the parent's burst is saved and the parent is resumed when the child finishes; the Studio's consumers call
/// lists the definitions that use one directly or through others.
/// </summary>
public sealed class ElsaChildInstanceTests : IAsyncLifetime
{
    private const string Child = """
        {"id":"greeter-v1","definitionId":"greeter","name":"Greeter","version":1,
         "inputs":[{"name":"Who","type":"String"}],"outputs":[{"name":"Greeting","type":"String"}],"options":{"usableAsActivity":true},
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"set","type":"Elsa.SetOutput","version":1,
            "outputName":{"typeName":"String","expression":{"type":"Literal","value":"Greeting"}},
            "outputValue":{"typeName":"Object","expression":{"type":"JavaScript","value":"'hello ' + getInput('Who')"}}}],
          "connections":[]}}
        """;

    private const string Parent = """
        {"id":"caller-v1","definitionId":"caller","name":"Caller","version":1,
         "variables":[{"id":"got","name":"Got","typeName":"Object"}],
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"run","type":"Elsa.ExecuteWorkflow","version":1,
            "workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"greeter"}},
            "correlationId":{"typeName":"String","expression":{"type":"Literal","value":"corr-7"}},
            "input":{"typeName":"Object","expression":{"type":"JavaScript","value":"({ Who: 'hotline' })"}},
            "waitForCompletion":{"typeName":"Boolean","expression":{"type":"Literal","value":true}},
            "result":{"typeName":"Object","memoryReference":{"id":"got"}}},
           {"id":"show","type":"Elsa.WriteLine","version":1,
            "text":{"typeName":"String","expression":{"type":"JavaScript","value":"getGot().output.Greeting"}}}],
          "connections":[{"source":{"activity":"run","port":"Done"},"target":{"activity":"show","port":"In"}}]}}
        """;

    private const string User = """
        {"id":"user-v1","definitionId":"user","name":"User","version":1,"options":{"usableAsActivity":true},
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"g","type":"Greeter","version":1,"workflowDefinitionId":"greeter"}],"connections":[]}}
        """;

    private const string TopUser = """
        {"id":"top-v1","definitionId":"top","name":"Top","version":1,
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"u","type":"User","version":1,"workflowDefinitionId":"user"}],"connections":[]}}
        """;

    private readonly HotlineFactory _factory = new();

    public async Task InitializeAsync()
    {
        var runtime = _factory.Services.GetRequiredService<WorkflowRuntime>();
        foreach (var json in new[] { Child, Parent, User, TopUser })
            await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(json));
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Should_store_the_child_and_resume_the_parent_with_its_output_When_ExecuteWorkflow_waits_for_completion()
    {
        var runtime = _factory.Services.GetRequiredService<WorkflowRuntime>();

        var started = await runtime.StartAsync("caller", new StartOptions());

        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        var parent = await runtime.GetResultAsync(started.InstanceId);
        Assert.True(parent.Incidents.Count == 0, string.Join("\n", parent.Incidents.Select(i => i.Message)));
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        var child = Assert.Single((await runtime.Instances.ListAsync(new Hotline.Workflows.Persistence.InstanceQuery(DefinitionId: "greeter"))).Items);
        Assert.Equal(WorkflowSubStatus.Finished, child.SubStatus);
        Assert.Equal("corr-7", child.CorrelationId);
        Assert.Equal(started.InstanceId, child.State["properties"]!["ParentInstanceId"]!.GetValue<string>());
        Assert.Equal("hello hotline", child.Output["Greeting"]!.GetValue<string>());
        var show = Assert.Single(await runtime.Instances.GetRecordsAsync(started.InstanceId), r => r.ActivityId == "run");
        Assert.Equal("hello hotline", show.Outputs!["result"]!["output"]!["Greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_list_direct_and_transitive_consumers_and_refuse_an_unknown_definition_When_the_Studio_asks()
    {
        var admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);

        var consumers = await ElsaStudio.GetObjectAsync(admin, "/workflow-definitions/greeter/consumers");
        var leaf = await ElsaStudio.GetObjectAsync(admin, "/workflow-definitions/top/consumers");
        using var unknown = await admin.GetAsync(new Uri("/elsa/api/workflow-definitions/nowhere/consumers", UriKind.Relative));

        Assert.Equal(["top", "user"], consumers["consumingWorkflowDefinitionIds"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToList());
        Assert.Empty(leaf["consumingWorkflowDefinitionIds"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
