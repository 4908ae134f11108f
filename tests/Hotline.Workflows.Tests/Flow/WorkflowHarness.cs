using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Flow;

/// <summary>Runs built definitions on a <see cref="TestEngine"/> the way the host does: store, compile, start, resume.</summary>
public static class WorkflowHarness
{
    /// <summary>Stores the definition as published (resumes load it from the store), compiles it and starts an instance.</summary>
    public static Task<RunResult> RunAsync(this TestEngine engine, FlowchartBuilder workflow, StartOptions? options = null) =>
        engine.RunAsync(workflow.Definition(), options);

    /// <summary>Stores the definition as published, compiles it and starts an instance.</summary>
    public static async Task<RunResult> RunAsync(this TestEngine engine, Hotline.Workflows.Definitions.WorkflowDefinition definition, StartOptions? options = null)
    {
        await WorkflowFileRunner.PublishImportedAsync(engine.Runtime, definition);
        var blueprint = await engine.Runtime.CompileAsync(definition);
        return await engine.Runtime.StartAsync(blueprint, options ?? new StartOptions());
    }

    /// <summary>Stores a definition so others can use it as an activity.</summary>
    public static Task PublishAsync(this TestEngine engine, FlowchartBuilder workflow) =>
        WorkflowFileRunner.PublishImportedAsync(engine.Runtime, workflow.Definition());

    /// <summary>Advances the fake clock and fires the timers that are due.</summary>
    public static async Task<int> AdvanceAsync(this TestEngine engine, TimeSpan by)
    {
        engine.Clock.Advance(by);
        return await engine.Runtime.ResumeDueTimersAsync(engine.Clock.GetUtcNow());
    }

    /// <summary>The one dispatched task with that name.</summary>
    public static TaskRequest Task(this TestEngine engine, string taskName) => Assert.Single(engine.Tasks, t => t.TaskName == taskName);

    /// <summary>The stored instance.</summary>
    public static async Task<WorkflowInstance> InstanceAsync(this TestEngine engine, string instanceId) =>
        await engine.Instances.FindAsync(instanceId) ?? throw new InvalidOperationException($"Instance {instanceId} was not stored.");

    /// <summary>Journal event names of one activity, in order.</summary>
    public static async Task<List<string>> EventsOfAsync(this TestEngine engine, string instanceId, string activityId) =>
        (await engine.Instances.GetJournalAsync(instanceId)).Where(j => j.ActivityId == activityId).Select(j => j.EventName).ToList();

    /// <summary>The stored state of the root flowchart's context (parentless), which holds the root scope and the tokens.</summary>
    public static JsonObject RootContext(this WorkflowInstance instance) =>
        (JsonObject)Assert.Single(instance.State["contexts"]!.AsArray(), c => c!["parentId"] is null)!;

    /// <summary>A variable's stored value (from the root scope of a suspended instance).</summary>
    public static JsonNode? StoredVariable(this WorkflowInstance instance, string name) =>
        instance.RootContext()["scope"]!["memory"]![FlowchartBuilder.VariableId(name)];
}
