using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// An instance's state as Elsa's <c>WorkflowState</c> JSON (CONTRACT §8). The state is the engine's JSON, so it is written
/// as JSON, not mapped between types: the list row's fields come from <see cref="ElsaInstanceMapper"/>.
/// </summary>
internal static class ElsaWorkflowState
{
    /// <summary>
    /// An instance with its state as Elsa's <c>WorkflowState</c> (CONTRACT §8); the state's moments (its own, its
    /// bookmarks', incidents' and activities') in <paramref name="zone"/>, the hotline's, as every other moment sent.
    /// </summary>
    public static WorkflowInstanceModel ToModel(WorkflowInstance instance, TimeZoneInfo zone)
    {
        var state = instance.State;
        var contexts = state["contexts"] as JsonArray ?? [];
        var nodeIdOfContext = contexts.OfType<JsonObject>()
            .Where(c => ElsaWire.Text(c["id"]) is not null)
            .ToDictionary(c => ElsaWire.Text(c["id"])!, c => ElsaWire.Text(c["nodeId"]), StringComparer.Ordinal);
        var workflowState = new JsonObject
        {
            ["id"] = instance.Id,
            ["definitionId"] = instance.DefinitionId,
            ["definitionVersionId"] = instance.DefinitionVersionId,
            ["definitionVersion"] = instance.Version,
            ["correlationId"] = instance.CorrelationId,
            ["status"] = instance.Status.ToString(),
            ["subStatus"] = instance.SubStatus.ToString(),
            ["bookmarks"] = new JsonArray(instance.Bookmarks.Select(b => (JsonNode?)ToBookmark(b, zone)).ToArray()),
            ["incidents"] = new JsonArray((state["incidents"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonNode?)ToIncident(i, zone)).ToArray()),
            ["completionCallbacks"] = new JsonArray(),
            ["activityExecutionContexts"] = new JsonArray(contexts.OfType<JsonObject>().Select(c => (JsonNode?)ToContext(c, nodeIdOfContext, zone)).ToArray()),
            ["input"] = state["input"] is JsonObject input ? input.DeepClone() : new JsonObject(),
            ["output"] = state["output"] is JsonObject output ? output.DeepClone() : new JsonObject(),
            ["properties"] = new JsonObject(),
            ["createdAt"] = ElsaWireFormat.Moment(instance.CreatedAt, zone),
            ["updatedAt"] = ElsaWireFormat.Moment(instance.UpdatedAt, zone),
        };
        if (instance.FinishedAt is { } finishedAt)
            workflowState["finishedAt"] = ElsaWireFormat.Moment(finishedAt, zone);
        if (state["fault"] is JsonObject fault)
            workflowState["fault"] = ToFault(fault);
        if (workflowState["correlationId"] is null)
            workflowState.Remove("correlationId");
        return new WorkflowInstanceModel(ElsaInstanceMapper.ToSummary(instance), workflowState);
    }

    // The client's Bookmark: metadata is a string dictionary, the payload any JSON; resumeAt goes into metadata.
    private static JsonObject ToBookmark(Bookmark bookmark, TimeZoneInfo zone)
    {
        var json = new JsonObject
        {
            ["id"] = bookmark.Id,
            ["name"] = bookmark.Name,
            ["hash"] = bookmark.Hash ?? "",
            ["activityNodeId"] = bookmark.ActivityNodeId,
            ["activityInstanceId"] = bookmark.ActivityInstanceId,
            ["autoBurn"] = true,
            ["metadata"] = new JsonObject { ["createdAt"] = ElsaWireFormat.Moment(bookmark.CreatedAt, zone) },
        };
        if (bookmark.Payload is not null)
            json["payload"] = ElsaWireFormat.Moments(bookmark.Payload, zone);
        if (bookmark.ResumeAt is { } resumeAt)
            json["metadata"]!["resumeAt"] = ElsaWireFormat.Moment(resumeAt, zone);
        return json;
    }

    private static JsonObject ToIncident(JsonObject incident, TimeZoneInfo zone) => new()
    {
        ["activityId"] = ElsaWire.Text(incident["activityId"]) ?? "",
        ["activityNodeId"] = ElsaWire.Text(incident["activityNodeId"]) ?? "",
        ["activityType"] = ElsaWire.Text(incident["activityType"]) ?? "",
        ["message"] = ElsaWire.Text(incident["message"]) ?? "",
        ["exception"] = Exception(ElsaWire.Text(incident["exceptionType"]), ElsaWire.Text(incident["message"]) ?? "", ElsaWire.Text(incident["stackTrace"])),
        ["timestamp"] = ElsaWireFormat.Moment(ElsaWire.Text(incident["timestamp"]), zone),
    };

    private static JsonObject ToFault(JsonObject fault)
    {
        var message = ElsaWire.Text(fault["message"]) ?? ElsaWire.Text(fault["exception"]?["message"]) ?? "The workflow faulted.";
        var json = new JsonObject { ["message"] = message };
        if (fault["exception"] is JsonObject exception)
            json["exception"] = ToException(exception, message);

        if (ElsaWire.Text(fault["faultedActivityId"] ?? fault["activityId"]) is { } activityId)
            json["faultedActivityId"] = activityId;
        return json;
    }

    // The client's ActivityExecutionContextState: activityState is a dictionary, so the engine's state (any JSON) is wrapped.
    private static JsonObject ToContext(JsonObject context, Dictionary<string, string?> nodeIdOfContext, TimeZoneInfo zone)
    {
        var parentId = ElsaWire.Text(context["parentId"]);
        var json = new JsonObject
        {
            ["id"] = ElsaWire.Text(context["id"]),
            ["scheduledActivityNodeId"] = ElsaWire.Text(context["nodeId"]) ?? "",
            ["properties"] = new JsonObject { ["status"] = ElsaWire.Text(context["status"]), ["startedAt"] = ElsaWireFormat.Moment(ElsaWire.Text(context["startedAt"]), zone) },
            ["activityState"] = context["state"] is { } activityState ? new JsonObject { ["state"] = activityState.DeepClone() } : new JsonObject(),
            ["dynamicVariables"] = new JsonArray(),
        };
        if (parentId is not null)
        {
            json["parentContextId"] = parentId;
            if (nodeIdOfContext.GetValueOrDefault(parentId) is { } owner)
                json["ownerActivityNodeId"] = owner;
        }

        return json;
    }

    /// <summary>An engine exception (<c>type</c>, <c>message</c>, <c>stackTrace</c>) as the client's <c>ExceptionState</c>; <paramref name="message"/> when it has none.</summary>
    public static JsonObject ToException(JsonObject exception, string message) =>
        Exception(ElsaWire.Text(exception["type"]), ElsaWire.Text(exception["message"]) ?? message, ElsaWire.Text(exception["stackTrace"]));

    private static JsonObject Exception(string? type, string message, string? stackTrace) => new()
    {
        ["type"] = type ?? "Exception",
        ["message"] = message,
        ["stackTrace"] = stackTrace,
    };
}
