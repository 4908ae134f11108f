using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>A suspended instance lives only in its stored JSON: a resume rebuilds variables, tokens and contexts from it.</summary>
public sealed class SuspendAndRestoreTests
{
    private readonly TestEngine _engine = new();

    /// <summary>Sets variables, forks into a WriteLine and a human task, joins (WaitAll) and prints the variables.</summary>
    private static FlowchartBuilder Workflow() => new FlowchartBuilder("restore")
        .Variable("Count", "Int32", "0")
        .Variable("Name", "String")
        .Variable("Data", "Object")
        .Variable("Due", "DateTimeOffset")
        .Start()
        .SetVariable("count", "Count", "Literal", "5")
        .SetVariable("name", "Name", "JavaScript", "'Ada'")
        .SetVariable("data", "Data", "Object", """{"k":[1,2]}""")
        .SetVariable("due", "Due", "Literal", "2026-03-01T08:00:00+00:00")
        .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["Fast","Slow"]""", "String[]"))
        .WriteLine("fast", "fast")
        .HumanTask("task", "Review")
        .Add("join", "Elsa.FlowJoin", a => a.Literal("mode", "WaitAll", "FlowJoinMode"))
        .WriteLineJs("show", "getCount() + '|' + getName() + '|' + getData().k[1] + '|' + getDue()")
        .Chain("start", "count", "name", "data", "due", "fork")
        .Connect("fork", "fast", "Fast")
        .Connect("fork", "task", "Slow")
        .Connect("fast", "join")
        .Connect("task", "join")
        .Connect("join", "show");

    [Fact]
    public async Task Should_store_variables_and_flowchart_tokens_as_json_When_the_instance_suspends()
    {
        var started = await _engine.RunAsync(Workflow());

        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Suspended, stored.SubStatus);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(5, stored.StoredVariable("Count")!.GetValue<int>());
        Assert.Equal("Ada", stored.StoredVariable("Name")!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"k":[1,2]}"""), stored.StoredVariable("Data")));
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T08:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(stored.StoredVariable("Due")!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var tokens = stored.RootContext()["state"]!.AsArray().Select(t => (t!["from"]!.GetValue<string>(), t["to"]!.GetValue<string>(), t["consumed"]!.GetValue<bool>())).ToList();
        Assert.Contains(("fast", "join", false), tokens);
        Assert.Contains(("fork", "task", false), tokens);
        var waiting = Assert.Single(stored.State["contexts"]!.AsArray(), c => c!["nodeId"]!.GetValue<string>().EndsWith(":task", StringComparison.Ordinal));
        Assert.Equal("Running", waiting!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_continue_with_the_restored_variables_and_tokens_When_another_runtime_resumes_the_stored_instance()
    {
        var started = await _engine.RunAsync(Workflow());
        Assert.Equal(["fast"], _engine.Output.Lines);

        // A fresh runtime shares only the stores: nothing of the first burst survives in memory.
        var fresh = new WorkflowRuntime(ActivityRegistry.CreateDefault(), _engine.Definitions, _engine.Instances, new EngineServices { Clock = _engine.Clock, TextOutput = _engine.Output });
        var result = await fresh.CompleteTaskAsync(_engine.Task("Review").TaskId, new TaskCompletion("Done"));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["fast", "5|Ada|2|2026-03-01T08:00:00.0000000+00:00"], _engine.Output.Lines);
        Assert.Equal(["Started", "Completed"], await _engine.EventsOfAsync(started.InstanceId, "join"));
    }

    [Fact]
    public async Task Should_keep_changes_made_between_suspensions_When_resumed_several_times()
    {
        var workflow = new FlowchartBuilder("counter")
            .Variable("Count", "Int32", "0")
            .Start()
            .Event("first", "Tick")
            .SetVariable("inc1", "Count", "JavaScript", "getCount() + 1")
            .Event("second", "Tick")
            .SetVariable("inc2", "Count", "JavaScript", "getCount() + 10")
            .Event("third", "Tick")
            .WriteLineJs("show", "'count ' + getCount()")
            .Chain("start", "first", "inc1", "second", "inc2", "third", "show");
        var started = await _engine.RunAsync(workflow);

        await _engine.Runtime.PublishEventAsync("Tick", null, started.InstanceId, null);
        Assert.Equal(1, (await _engine.InstanceAsync(started.InstanceId)).StoredVariable("Count")!.GetValue<int>());
        await _engine.Runtime.PublishEventAsync("Tick", null, started.InstanceId, null);
        Assert.Equal(11, (await _engine.InstanceAsync(started.InstanceId)).StoredVariable("Count")!.GetValue<int>());
        await _engine.Runtime.PublishEventAsync("Tick", null, started.InstanceId, null);

        Assert.Equal(["count 11"], _engine.Output.Lines);
        var stored = await _engine.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, stored.SubStatus);
        Assert.Equal(4, stored.Revision);
    }

    [Fact]
    public async Task Should_keep_the_input_When_the_instance_is_restored()
    {
        var workflow = new FlowchartBuilder("input")
            .Input("Caller", "String")
            .Start()
            .Event("wait", "Go")
            .WriteLineJs("show", "'caller ' + getCaller()")
            .Chain("start", "wait", "show");
        var started = await _engine.RunAsync(workflow, new StartOptions { Input = new Dictionary<string, object?> { ["Caller"] = "Mrs. Chen" } });

        await _engine.Runtime.PublishEventAsync("Go", null, started.InstanceId, null);

        Assert.Equal(["caller Mrs. Chen"], _engine.Output.Lines);
        Assert.Equal("Mrs. Chen", (await _engine.InstanceAsync(started.InstanceId)).State["input"]!["Caller"]!.GetValue<string>());
    }
}
