using System.Globalization;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Runtime;

/// <summary>A stored workflow instance: its summary columns and its execution state as JSON.</summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? CorrelationId { get; set; }
    public WorkflowStatus Status { get; set; }
    public WorkflowSubStatus SubStatus { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int IncidentCount { get; set; }

    /// <summary>The execution state: live contexts, scopes, bookmarks, incidents, input and output.</summary>
    public JsonObject State { get; set; } = [];

    /// <summary>Concurrency token: incremented by every save.</summary>
    public long Revision { get; set; }

    /// <summary>The pending bookmarks in <see cref="State"/>.</summary>
    public IReadOnlyList<Bookmark> Bookmarks => (State["bookmarks"] as JsonArray ?? []).Select(b => WorkflowStateSerializer.ReadBookmark((JsonObject)b!)).ToList();

    /// <summary>The workflow's outputs.</summary>
    public JsonObject Output => State["output"] as JsonObject ?? [];

    /// <summary>The versions of the definitions used as activities that this instance runs on (definition id → version id).</summary>
    public IReadOnlyDictionary<string, string> Dependencies =>
        (State["dependencies"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>(), StringComparer.Ordinal);
}

/// <summary>Writes and reads the execution state of an instance.</summary>
public static class WorkflowStateSerializer
{
    /// <summary>Builds the stored instance from an execution context.</summary>
    public static WorkflowInstance ToInstance(WorkflowExecutionContext context, long revision)
    {
        var definition = context.Blueprint.Definition;
        var contexts = new JsonArray();
        foreach (var activityContext in ParentsFirst(context.Root))
        {
            var json = new JsonObject
            {
                ["id"] = activityContext.Id,
                ["parentId"] = activityContext.Parent?.Id,
                ["nodeId"] = activityContext.Node.NodeId,
                ["status"] = activityContext.Status.ToString(),
                ["startedAt"] = activityContext.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                ["schedulingId"] = activityContext.SchedulingContextId,
            };
            if (activityContext.Activity.SaveState(activityContext.State) is { } activityState)
                json["state"] = activityState;
            if (activityContext.Scope is { } scope)
                json["scope"] = scope.Save();
            contexts.Add(json);
        }

        var output = new JsonObject();
        foreach (var (key, value) in context.Output)
            output[key] = Expressions.ValueConverter.ToJson(value);
        var state = new JsonObject
        {
            ["input"] = context.Input.DeepClone(),
            ["output"] = output,
            ["contexts"] = contexts,
            ["bookmarks"] = new JsonArray(context.Bookmarks.Select(b => (JsonNode?)WriteBookmark(b)).ToArray()),
            ["incidents"] = new JsonArray(context.Incidents.Select(i => (JsonNode?)WriteIncident(i)).ToArray()),
            ["fault"] = context.Fault?.DeepClone(),
            ["journalSequence"] = context.JournalSequence,
            ["dependencies"] = new JsonObject(context.Blueprint.Dependencies.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["properties"] = context.Properties.DeepClone(),
            ["activityOutputs"] = context.Status == WorkflowStatus.Running ? context.Outputs.Save(id => id == context.InstanceId || context.Contexts.ContainsKey(id)) : null,
        };
        return new WorkflowInstance
        {
            Id = context.InstanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            Version = definition.Version,
            Name = context.Name ?? definition.Name,
            CorrelationId = context.CorrelationId,
            Status = context.Status,
            SubStatus = context.SubStatus,
            CreatedAt = context.CreatedAt,
            UpdatedAt = context.Services.Clock.GetUtcNow(),
            FinishedAt = context.FinishedAt,
            IncidentCount = context.Incidents.Count,
            State = state,
            Revision = revision,
        };
    }

    /// <summary>Rebuilds an execution context from a stored instance.</summary>
    public static WorkflowExecutionContext Restore(WorkflowBlueprint blueprint, WorkflowInstance instance, EngineServices services)
    {
        var context = new WorkflowExecutionContext(blueprint, instance.Id, services)
        {
            CorrelationId = instance.CorrelationId,
            Name = instance.Name,
            Status = instance.Status,
            SubStatus = instance.SubStatus,
            CreatedAt = instance.CreatedAt,
            FinishedAt = instance.FinishedAt,
        };
        var state = instance.State;
        context.Input = state["input"]?.DeepClone() as JsonObject ?? [];
        context.Fault = state["fault"]?.DeepClone() as JsonObject;
        context.Properties = state["properties"]?.DeepClone() as JsonObject ?? [];
        context.Outputs.Load(state["activityOutputs"] as JsonArray);
        context.JournalSequence = state["journalSequence"]?.GetValue<long>() ?? 0;
        foreach (var incident in state["incidents"] as JsonArray ?? [])
            context.Incidents.Add(ReadIncident((JsonObject)incident!));
        foreach (var bookmark in state["bookmarks"] as JsonArray ?? [])
            context.Bookmarks.Add(ReadBookmark((JsonObject)bookmark!));

        // Contexts are saved parents first, so a parent always exists when its child is read.
        foreach (var node in state["contexts"] as JsonArray ?? [])
        {
            var json = (JsonObject)node!;
            var nodeId = json["nodeId"]!.GetValue<string>();
            if (!blueprint.Nodes.TryGetValue(nodeId, out var activityNode))
                throw new InvalidOperationException($"Instance {instance.Id} waits in activity node '{nodeId}', which definition version {blueprint.Definition.Id} does not contain.");
            var parentId = json["parentId"]?.GetValue<string>();
            var parent = parentId is null ? null : context.Contexts[parentId];
            var activityContext = context.CreateContext(activityNode, parent, json["id"]!.GetValue<string>(),
                DateTimeOffset.Parse(json["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            activityContext.Status = Enum.Parse<ActivityStatus>(json["status"]!.GetValue<string>());
            activityContext.SchedulingContextId = json["schedulingId"]?.GetValue<string>();
            activityContext.State = activityNode.Activity.LoadState(json["state"]);
            if (json["scope"] is JsonObject scope && activityNode.Scope is not null)
                activityContext.Scope = WorkflowScope.Load(activityNode.Scope, scope);
            if (parent is null)
                context.Root = activityContext;
        }

        if (context.Root is null)
            context.RestoreFinishedOutput(state["output"] as JsonObject);
        return context;
    }

    private static IEnumerable<ActivityExecutionContext> ParentsFirst(ActivityExecutionContext? root)
    {
        if (root is null || root.IsFinalized)
            yield break;
        var stack = new Stack<ActivityExecutionContext>();
        stack.Push(root);
        while (stack.TryPop(out var current))
        {
            yield return current;
            for (var i = current.Children.Count - 1; i >= 0; i--)
                if (!current.Children[i].IsFinalized)
                    stack.Push(current.Children[i]);
        }
    }

    public static JsonObject WriteBookmark(Bookmark b) => new()
    {
        ["id"] = b.Id,
        ["name"] = b.Name,
        ["hash"] = b.Hash,
        ["payload"] = b.Payload?.DeepClone(),
        ["activityNodeId"] = b.ActivityNodeId,
        ["activityInstanceId"] = b.ActivityInstanceId,
        ["createdAt"] = b.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["resumeAt"] = b.ResumeAt?.ToString("O", CultureInfo.InvariantCulture),
    };

    public static Bookmark ReadBookmark(JsonObject json) => new()
    {
        Id = json["id"]!.GetValue<string>(),
        Name = json["name"]!.GetValue<string>(),
        Hash = json["hash"]?.GetValue<string>(),
        Payload = json["payload"]?.DeepClone(),
        ActivityNodeId = json["activityNodeId"]!.GetValue<string>(),
        ActivityInstanceId = json["activityInstanceId"]!.GetValue<string>(),
        CreatedAt = DateTimeOffset.Parse(json["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
        ResumeAt = json["resumeAt"]?.GetValue<string>() is { } r ? DateTimeOffset.Parse(r, CultureInfo.InvariantCulture) : null,
    };

    private static JsonObject WriteIncident(Incident i) => new()
    {
        ["activityId"] = i.ActivityId,
        ["activityNodeId"] = i.ActivityNodeId,
        ["activityType"] = i.ActivityType,
        ["message"] = i.Message,
        ["exceptionType"] = i.ExceptionType,
        ["stackTrace"] = i.StackTrace,
        ["timestamp"] = i.Timestamp.ToString("O", CultureInfo.InvariantCulture),
    };

    private static Incident ReadIncident(JsonObject json) => new()
    {
        ActivityId = json["activityId"]!.GetValue<string>(),
        ActivityNodeId = json["activityNodeId"]!.GetValue<string>(),
        ActivityType = json["activityType"]!.GetValue<string>(),
        Message = json["message"]!.GetValue<string>(),
        ExceptionType = json["exceptionType"]!.GetValue<string>(),
        StackTrace = json["stackTrace"]?.GetValue<string>(),
        Timestamp = DateTimeOffset.Parse(json["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture),
    };
}
