using System.Text.Json.Nodes;
using Hotline.Host.Workflows;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// Every mapping from the engine's objects to the shapes of Elsa's API, in one place. Definitions stay JSON (the
/// document is the source of truth and carries fields this host does not model); the rest are records.
/// </summary>
internal static class ElsaMapping
{
    /// <summary>The tool version written when a document has none (or one the client cannot parse as a <see cref="Version"/>).</summary>
    public const string ToolVersion = "3.8.0.0";

    /// <summary>Elsa's root node id prefix; the engine compiles the same ids (<c>Workflow1:{rootId}:{childId}</c>).</summary>
    public const string RootNodeIdPrefix = "Workflow1";

    private static readonly string[] ArrayProperties = ["variables", "inputs", "outputs", "outcomes"];

    /// <summary>
    /// Brings a definition document to the shape the Studio reads: the collections it would otherwise null out, the
    /// options, a parsable tool version, and on every activity a <c>version</c> (else the canvas renders empty) and the
    /// <c>nodeId</c> the engine compiles it to (the viewer filters the journal by node ids). Meaning is unchanged.
    /// </summary>
    public static void Normalize(JsonObject document)
    {
        document.Remove("$schema");
        document.Remove("links");
        foreach (var name in ArrayProperties)
            if (document[name] is not JsonArray)
                document[name] = new JsonArray();
        if (document["customProperties"] is not JsonObject custom)
            document["customProperties"] = custom = new JsonObject();
        // A version saved or imported here is an administrator's, whatever the file it came from said.
        custom.Remove(DefinitionSeeder.ShippedHashProperty);
        if (document["options"] is not JsonObject options)
            document["options"] = options = new JsonObject();
        if (options["usableAsActivity"] is not JsonValue)
            options["usableAsActivity"] = false;
        if (options["autoUpdateConsumingWorkflows"] is not JsonValue)
            options["autoUpdateConsumingWorkflows"] = false;
        if (ElsaWire.Text(document["toolVersion"]) is not { } tool || !Version.TryParse(tool, out _))
            document["toolVersion"] = ToolVersion;
        foreach (var flag in new[] { "isReadonly", "isSystem", "isLatest", "isPublished" })
            if (document[flag] is not JsonValue value || !value.TryGetValue<bool>(out _))
                document[flag] = false;
        document["materializerName"] = "Json";
        if (document["root"] is JsonObject root)
            NormalizeActivity(root, RootNodeIdPrefix);
    }

    private static void NormalizeActivity(JsonObject activity, string parentNodeId)
    {
        // The engine names a root without id Flowchart1; children without an id do not compile and are refused.
        var id = ElsaWire.Text(activity["id"]) ?? (parentNodeId == RootNodeIdPrefix ? "Flowchart1" : null);
        if (id is null)
            return;
        activity["id"] = id;
        var nodeId = parentNodeId + ":" + id;
        activity["nodeId"] = nodeId;
        if (activity["version"] is not JsonValue version || !version.TryGetValue<int>(out _))
            activity["version"] = 1;
        if (activity["customProperties"] is not JsonObject)
            activity["customProperties"] = new JsonObject();
        if (activity["metadata"] is not JsonObject)
            activity["metadata"] = new JsonObject();
        // Containers the engine compiles: flowcharts (activities) and forks (branches).
        foreach (var container in new[] { "activities", "branches" })
            foreach (var child in activity[container] as JsonArray ?? [])
                if (child is JsonObject childActivity && childActivity["type"] is JsonValue)
                    NormalizeActivity(childActivity, nodeId);
    }

    /// <summary>The links that make a definition editable in the Studio (it only checks for <c>rel: publish</c>).</summary>
    public static IReadOnlyList<Link> DefinitionLinks(string definitionId, bool isReadonly)
    {
        var escaped = Uri.EscapeDataString(definitionId);
        var links = new List<Link> { new($"/workflow-definitions/by-definition-id/{escaped}", "self", "GET") };
        if (!isReadonly)
        {
            links.Add(new($"/workflow-definitions/{escaped}/publish", "publish", "POST"));
            links.Add(new($"/workflow-definitions/{escaped}/retract", "retract", "POST"));
        }

        return links;
    }

    /// <summary>The links of the definition list; <c>bulk-publish</c> makes it editable.</summary>
    public static IReadOnlyList<Link> ListLinks { get; } =
    [
        new("/workflow-definitions", "self", "GET"),
        new("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
        new("/workflow-definitions", "create", "POST"),
    ];

    /// <summary>A definition version as the editor and viewer read it (CONTRACT §7.1): the normalized document with links.</summary>
    public static JsonObject ToWorkflowDefinition(WorkflowDefinition definition)
    {
        var document = (JsonObject)definition.Document.DeepClone();
        Normalize(document);
        var isReadonly = document["isReadonly"]!.GetValue<bool>();
        document["links"] = System.Text.Json.JsonSerializer.SerializeToNode(DefinitionLinks(definition.DefinitionId, isReadonly), ElsaWire.Options);
        return document;
    }

    /// <summary>A definition version as an export file holds it: <c>$schema</c> first, no links (CONTRACT §7.5).</summary>
    public static string ToExport(WorkflowDefinition definition)
    {
        var document = (JsonObject)definition.Document.DeepClone();
        Normalize(document);
        return WorkflowDefinitionReader.Write(new WorkflowDefinition(document), export: true);
    }

    /// <summary>The export file name Elsa uses: <c>workflow-definition-{name-slug}-{definitionId}-{id}.json</c>.</summary>
    public static string ExportFileName(WorkflowDefinition definition)
    {
        var name = string.IsNullOrWhiteSpace(definition.Name) ? definition.DefinitionId : definition.Name.Trim();
        return $"workflow-definition-{Slug($"{name}-{definition.DefinitionId}-{definition.Id}")}.json";
    }

    private static string Slug(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "workflow" : slug;
    }

    /// <summary>A row of the definition list.</summary>
    public static WorkflowDefinitionSummaryModel ToSummary(WorkflowDefinition definition)
    {
        var document = definition.Document;
        var isReadonly = document["isReadonly"] is JsonValue r && r.TryGetValue<bool>(out var ro) && ro;
        return new WorkflowDefinitionSummaryModel
        {
            Id = definition.Id,
            DefinitionId = definition.DefinitionId,
            Name = definition.Name ?? definition.DefinitionId,
            Description = definition.Description,
            Version = definition.Version,
            ToolVersion = ElsaWire.Text(document["toolVersion"]) is { } tool && Version.TryParse(tool, out _) ? tool : ToolVersion,
            IsLatest = definition.IsLatest,
            IsPublished = definition.IsPublished,
            ProviderName = ElsaWire.Text(document["providerName"]),
            CreatedAt = definition.CreatedAt,
            IsReadonly = isReadonly,
            Links = DefinitionLinks(definition.DefinitionId, isReadonly),
        };
    }

    /// <summary>A row of the instance list.</summary>
    public static WorkflowInstanceSummaryModel ToSummary(WorkflowInstance instance) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersionId = instance.DefinitionVersionId,
        Version = instance.Version,
        Status = instance.Status,
        SubStatus = instance.SubStatus,
        CorrelationId = instance.CorrelationId,
        Name = instance.Name,
        IncidentCount = instance.IncidentCount,
        CreatedAt = instance.CreatedAt,
        UpdatedAt = instance.UpdatedAt,
        FinishedAt = instance.FinishedAt,
    };

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
        return new WorkflowInstanceModel(ToSummary(instance), workflowState);
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
        ["exception"] = new JsonObject
        {
            ["type"] = ElsaWire.Text(incident["exceptionType"]) ?? "Exception",
            ["message"] = ElsaWire.Text(incident["message"]) ?? "",
            ["stackTrace"] = ElsaWire.Text(incident["stackTrace"]),
        },
        ["timestamp"] = ElsaWireFormat.Moment(ElsaWire.Text(incident["timestamp"]), zone),
    };

    private static JsonObject ToFault(JsonObject fault)
    {
        var message = ElsaWire.Text(fault["message"]) ?? ElsaWire.Text(fault["exception"]?["message"]) ?? "The workflow faulted.";
        var json = new JsonObject { ["message"] = message };
        if (fault["exception"] is JsonObject exception)
        {
            json["exception"] = new JsonObject
            {
                ["type"] = ElsaWire.Text(exception["type"]) ?? "Exception",
                ["message"] = ElsaWire.Text(exception["message"]) ?? message,
                ["stackTrace"] = ElsaWire.Text(exception["stackTrace"]),
            };
        }

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

    /// <summary>A journal line.</summary>
    public static WorkflowExecutionLogRecordModel ToLogRecord(JournalEntry entry) => new(
        entry.Id,
        entry.ActivityInstanceId,
        entry.ParentActivityInstanceId,
        entry.ActivityId,
        entry.ActivityType,
        entry.ActivityTypeVersion == 0 ? 1 : entry.ActivityTypeVersion,
        entry.ActivityName,
        entry.NodeId,
        entry.Timestamp,
        entry.Sequence,
        entry.EventName,
        entry.Message,
        null,
        null,
        entry.Payload is null or JsonObject ? entry.Payload?.DeepClone() : new JsonObject { ["value"] = entry.Payload.DeepClone() });

    /// <summary>The wire id of an execution record: instance id, colon, record id (record ids alone are not indexed).</summary>
    public static string RecordId(ActivityExecutionRecord record) => record.WorkflowInstanceId + ":" + record.Id;

    /// <summary>Splits a wire record id; null when it has no instance part.</summary>
    public static (string InstanceId, string RecordId)? ParseRecordId(string id)
    {
        var colon = id.LastIndexOf(':');
        return colon > 0 && colon < id.Length - 1 ? (id[..colon], id[(colon + 1)..]) : null;
    }

    /// <summary>An execution record as the list of summaries shows it.</summary>
    public static ActivityExecutionRecordSummaryModel ToSummary(ActivityExecutionRecord record) => new()
    {
        Id = RecordId(record),
        WorkflowInstanceId = record.WorkflowInstanceId,
        ActivityId = record.ActivityId,
        ActivityNodeId = record.ActivityNodeId,
        ActivityType = record.ActivityType,
        ActivityTypeVersion = record.ActivityTypeVersion == 0 ? 1 : record.ActivityTypeVersion,
        ActivityName = record.ActivityName,
        StartedAt = record.StartedAt,
        HasBookmarks = record.HasBookmarks,
        Status = record.Status,
        CompletedAt = record.CompletedAt,
    };

    /// <summary>An execution record with its details; <paramref name="byId"/> resolves the scheduling execution.</summary>
    public static ActivityExecutionRecordModel ToModel(ActivityExecutionRecord record, IReadOnlyDictionary<string, ActivityExecutionRecord> byId, TimeZoneInfo zone)
    {
        var scheduling = record.SchedulingActivityExecutionId is { } schedulingId ? byId.GetValueOrDefault(schedulingId) : null;
        return new ActivityExecutionRecordModel
        {
            Id = RecordId(record),
            WorkflowInstanceId = record.WorkflowInstanceId,
            ActivityId = record.ActivityId,
            ActivityNodeId = record.ActivityNodeId,
            ActivityType = record.ActivityType,
            ActivityTypeVersion = record.ActivityTypeVersion == 0 ? 1 : record.ActivityTypeVersion,
            ActivityName = record.ActivityName,
            StartedAt = record.StartedAt,
            HasBookmarks = record.HasBookmarks,
            Status = record.Status,
            CompletedAt = record.CompletedAt,
            Payload = ElsaWireFormat.Moments(record.Payload, zone) as JsonObject,
            Outputs = ElsaWireFormat.Moments(record.Outputs, zone) as JsonObject,
            Exception = record.Exception is { } exception
                ? new JsonObject
                {
                    ["type"] = ElsaWire.Text(exception["type"]) ?? "Exception",
                    ["message"] = ElsaWire.Text(exception["message"]) ?? "",
                    ["stackTrace"] = ElsaWire.Text(exception["stackTrace"]),
                }
                : null,
            AggregateFaultCount = record.Status == ActivityStatus.Faulted ? 1 : 0,
            SchedulingActivityExecutionId = scheduling is null ? null : RecordId(scheduling),
            SchedulingActivityId = scheduling?.ActivityId,
            SchedulingWorkflowInstanceId = scheduling?.WorkflowInstanceId,
            CallStackDepth = record.CallStackDepth,
        };
    }
}
