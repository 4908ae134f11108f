using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;

namespace Hotline.Host.Elsa;

/// <summary>
/// The activity Test tab's START (<c>POST /tests/activities</c>, Elsa 3.8's request <c>{workflowDefinitionHandle,
/// activityHandle}</c> and answer <c>{activityState, outputs, payload, exception, status}</c>): runs ONE activity of a
/// definition version with the inputs saved on it, alone, in a sandbox runtime of its own: memory stores, no host
/// services, nothing saved, nothing scheduled. Only the engine's own activities run there (expressions, flow, timers,
/// events, tasks: they change nothing outside the instance). The hotline's activities load or change real cases, create
/// tasks or send notices, and workflows used as activities and containers hold such activities: they are not run; the
/// answer is a Faulted test result whose message says why, which the Test tab shows as the run's error.
/// </summary>
internal static class ElsaActivityTestsApi
{
    /// <summary>The exception type of a refused test run.</summary>
    public const string RefusedType = "Hotline.ActivityTestRefused";

    /// <summary>Maps the endpoint.</summary>
    public static void MapElsaActivityTests(this RouteGroupBuilder api) => api.MapPost("/tests/activities", TestAsync);

    private static async Task<IResult> TestAsync(HttpRequest request, ElsaDefinitionService service, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var definitionHandle = body?["workflowDefinitionHandle"] as JsonObject;
        var activityHandle = body?["activityHandle"] as JsonObject;
        var definition = await FindDefinitionAsync(definitionHandle, service, runtime, cancellationToken);
        if (definition is null)
            return ElsaWire.BadRequest("Workflow definition not found.", new Dictionary<string, string[]>
                { ["workflowDefinitionHandle"] = ["Name a definitionVersionId, or a definitionId (with versionOptions, Latest by default), of an existing definition."] });
        // The Test tab names the node (ActivityHandle.FromActivityNodeId); a node id ends with its activity's id.
        var nodeId = ElsaWire.Text(activityHandle?["activityNodeId"]);
        var activityId = ElsaWire.Text(activityHandle?["activityId"]) ?? nodeId?[(nodeId.LastIndexOf(':') + 1)..];
        if (FindActivity(definition.Root, activityId, nodeId) is not { } activity)
            return ElsaWire.BadRequest("Activity not found.", new Dictionary<string, string[]>
                { ["activityHandle"] = [$"Definition version '{definition.Id}' has no activity with id '{activityId}' or node id '{nodeId}'."] });

        if (CSharpAuthorship.Refuse(request.HttpContext.User, activity) is { } refused)
            return refused;
        var type = ElsaWire.Text(activity["type"]) ?? "";
        var descriptor = runtime.Registry.Find(type, activity["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1);
        if (RefusalReason(type, descriptor) is { } reason)
            return ElsaWire.Json(Refused(reason));
        return ElsaWire.Json(await RunAloneAsync(runtime, definition, activity, cancellationToken));
    }

    private static async Task<WorkflowDefinition?> FindDefinitionAsync(JsonObject? handle, ElsaDefinitionService service, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (ElsaWire.Text(handle?["definitionVersionId"]) is { Length: > 0 } versionId)
            return await runtime.Definitions.FindByVersionIdAsync(versionId, cancellationToken);
        if (ElsaWire.Text(handle?["definitionId"]) is not { Length: > 0 } definitionId ||
            VersionOptions.Parse(ElsaWire.Text(handle?["versionOptions"]), VersionSelection.Latest) is not { } options)
            return null;
        return await service.FindAsync(definitionId, options, cancellationToken);
    }

    private static JsonObject? FindActivity(JsonObject root, string? activityId, string? nodeId) =>
        ElsaActivityTree.Descendants(root).FirstOrDefault(a =>
            (activityId is not null && ElsaWire.Text(a["id"]) == activityId) || (nodeId is not null && ElsaWire.Text(a["nodeId"]) == nodeId));

    // Null when the activity may run in the sandbox.
    private static string? RefusalReason(string type, ActivityDescriptor? descriptor)
    {
        if (descriptor is null)
            return $"'{type}' is not an activity this host knows.";
        if (descriptor.WorkflowDefinitionId is not null)
            return $"'{descriptor.DisplayName}' runs the workflow '{descriptor.WorkflowDefinitionId}', whose activities work on real cases; a test run runs one activity of the engine alone.";
        if (descriptor.IsContainer)
            return $"'{descriptor.DisplayName}' contains other activities; a test run runs one activity alone.";
        // Elsa.RunCSharp is the engine's scripting, packaged apart because of Roslyn's size.
        if (descriptor.ClrType.Assembly != typeof(Activity).Assembly && descriptor.ClrType.Assembly != typeof(Hotline.Workflows.CSharp.Activities.RunCSharp).Assembly)
            return $"'{descriptor.DisplayName}' is a hotline activity: it loads or changes real cases, creates tasks or sends notices, so it is not test-run. Try it on a test case instead.";
        return null;
    }

    private static JsonObject Refused(string reason) => new()
    {
        ["activityState"] = new JsonObject(),
        ["exception"] = new JsonObject { ["type"] = RefusedType, ["message"] = reason },
        ["status"] = nameof(ActivityStatus.Faulted),
    };

    // The activity as the root of a copy of its definition (keeping the variables its expressions read), started once in
    // a runtime whose stores live and die with this request.
    private static async Task<JsonObject> RunAloneAsync(WorkflowRuntime runtime, WorkflowDefinition definition, JsonObject activity, CancellationToken cancellationToken)
    {
        var alone = definition.Clone();
        alone.Document["root"] = activity.DeepClone();
        var instances = new MemoryWorkflowInstanceStore();
        var sandbox = new WorkflowRuntime(runtime.Registry, new MemoryWorkflowDefinitionStore(), instances,
            new EngineServices { Clock = runtime.Services.Clock }, bookmarkScheduler: NoTimers.Instance);
        RunResult result;
        try
        {
            result = await sandbox.StartAsync(await sandbox.CompileAsync(alone, cancellationToken), new StartOptions(), cancellationToken);
        }
        catch (WorkflowDefinitionException e)
        {
            return Refused("The activity does not compile alone: " + string.Join(" ", ElsaWire.Errors(e).SelectMany(x => x.Value)));
        }

        var record = (await instances.GetRecordsAsync(result.InstanceId, cancellationToken)).FirstOrDefault(r => r.ActivityId == ElsaWire.Text(activity["id"]));
        return new JsonObject
        {
            ["activityState"] = Inputs(activity),
            ["outputs"] = record?.Outputs?.DeepClone(),
            ["payload"] = record?.Payload?.DeepClone(),
            ["exception"] = record?.Exception is { } exception
                ? new JsonObject { ["type"] = ElsaWire.Text(exception["type"]) ?? "Exception", ["message"] = ElsaWire.Text(exception["message"]) ?? "" }
                : null,
            ["status"] = (record?.Status ?? ActivityStatus.Faulted).ToString(),
        };
    }

    // The inputs as saved on the node (name → expression value): what the Test tab lists as the activity's state.
    private static JsonObject Inputs(JsonObject activity)
    {
        var state = new JsonObject();
        foreach (var (name, value) in activity)
            if (value is JsonObject input && input["expression"] is JsonObject expression)
                state[name] = expression["value"]?.DeepClone();
        return state;
    }

    private sealed class NoTimers : IBookmarkScheduler
    {
        public static readonly NoTimers Instance = new();

        public Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnscheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
