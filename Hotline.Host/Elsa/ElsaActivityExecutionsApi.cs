using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// Activity executions for the instance viewer (CONTRACT §4.4): per-node lists, one execution, its call stack, and the
/// report whose per-node counts draw the canvas badges (a node whose activity, or a child of which, waits on a bookmark
/// is "blocked": that is where a suspended case waits).
/// </summary>
internal static class ElsaActivityExecutionsApi
{
    /// <summary>Maps the activity-execution endpoints.</summary>
    public static void MapElsaActivityExecutions(this RouteGroupBuilder api)
    {
        api.MapGet("/activity-executions/list", async (HttpRequest request, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken) =>
        {
            var (records, byId) = await RecordsAsync(runtime, request, cancellationToken);
            var items = records.Select(r => ElsaExecutionRecordMapper.ToModel(r, byId, format.Zone)).ToList();
            return ElsaWire.Json(new ListResponse<ActivityExecutionRecordModel>(items, items.Count));
        });
        api.MapGet("/activity-execution-summaries/list", async (HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        {
            var (records, _) = await RecordsAsync(runtime, request, cancellationToken);
            var items = records.Select(ElsaExecutionRecordMapper.ToSummary).ToList();
            return ElsaWire.Json(new ListResponse<ActivityExecutionRecordSummaryModel>(items, items.Count));
        });
        api.MapGet("/activity-executions/by-id", async (HttpRequest request, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken) =>
        {
            var id = new ElsaQuery(request.Query).Text("id") ?? "";
            var (record, byId) = await FindAsync(runtime, id, cancellationToken);
            return record is null ? ElsaWire.NotFound($"Activity execution '{id}' does not exist.") : ElsaWire.Json(ElsaExecutionRecordMapper.ToModel(record, byId, format.Zone));
        });
        api.MapGet("/activity-executions/{id}/call-stack", async (string id, HttpRequest request, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken) =>
        {
            var (record, byId) = await FindAsync(runtime, id, cancellationToken);
            if (record is null)
                return ElsaWire.NotFound($"Activity execution '{id}' does not exist.");
            var stack = new List<ActivityExecutionRecord>();
            for (var current = record; current is not null && stack.Count < 1000; current = current.SchedulingActivityExecutionId is { } parent ? byId.GetValueOrDefault(parent) : null)
                stack.Insert(0, current);
            var query = new ElsaQuery(request.Query);
            var items = stack.Skip(Math.Max(query.Int("skip") ?? 0, 0)).Take(Math.Max(query.Int("take") ?? stack.Count, 0)).Select(r => ElsaExecutionRecordMapper.ToModel(r, byId, format.Zone)).ToList();
            return ElsaWire.Json(new ActivityExecutionCallStackResponse(ElsaExecutionRecordMapper.RecordId(record), items, stack.Count));
        });
        api.MapPost("/activity-executions/report", ReportAsync);
    }

    private static async Task<(List<ActivityExecutionRecord> Records, IReadOnlyDictionary<string, ActivityExecutionRecord> ById)> RecordsAsync(WorkflowRuntime runtime, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new ElsaQuery(request.Query);
        var instanceId = query.Text("WorkflowInstanceId");
        var nodeId = query.Text("ActivityNodeId");
        if (instanceId is null)
            return ([], new Dictionary<string, ActivityExecutionRecord>());
        var (all, _) = await LoadAsync(runtime, instanceId, cancellationToken);
        var byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return (all.Where(r => nodeId is null || r.ActivityNodeId == nodeId).OrderBy(r => r.StartedAt).ToList(), byId);
    }

    private static async Task<(ActivityExecutionRecord? Record, IReadOnlyDictionary<string, ActivityExecutionRecord> ById)> FindAsync(WorkflowRuntime runtime, string id, CancellationToken cancellationToken)
    {
        if (ElsaExecutionRecordMapper.ParseRecordId(id) is not { } parts)
            return (null, new Dictionary<string, ActivityExecutionRecord>());
        var (all, _) = await LoadAsync(runtime, parts.InstanceId, cancellationToken);
        var byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return (byId.GetValueOrDefault(parts.RecordId), byId);
    }

    /// <summary>
    /// The instance's execution records, plus one for every live activity that has none yet: the engine records an
    /// execution when it completes or waits itself, so a workflow used as an activity, whose child waits, would
    /// otherwise not show as started on the canvas.
    /// </summary>
    private static async Task<(List<ActivityExecutionRecord> Records, WorkflowInstance? Instance)> LoadAsync(WorkflowRuntime runtime, string instanceId, CancellationToken cancellationToken)
    {
        var records = (await runtime.Instances.GetRecordsAsync(instanceId, cancellationToken)).ToList();
        var instance = await runtime.Instances.FindAsync(instanceId, cancellationToken);
        if (instance is not { Status: WorkflowStatus.Running })
            return (records, instance);
        var known = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var live = (instance.State["contexts"] as JsonArray ?? []).OfType<JsonObject>().Where(c => ElsaWire.Text(c["id"]) is { } id && !known.Contains(id)).ToList();
        if (live.Count == 0)
            return (records, instance);
        WorkflowBlueprint blueprint;
        try
        {
            blueprint = await runtime.GetBlueprintAsync(instance.DefinitionVersionId, instance.Dependencies, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or Hotline.Workflows.Definitions.WorkflowDefinitionException)
        {
            return (records, instance);
        }

        var waiting = instance.Bookmarks.Select(b => b.ActivityInstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var context in live)
        {
            var id = ElsaWire.Text(context["id"])!;
            if (ElsaWire.Text(context["nodeId"]) is not { } nodeId || !blueprint.Nodes.TryGetValue(nodeId, out var node))
                continue;
            records.Add(new ActivityExecutionRecord
            {
                Id = id,
                WorkflowInstanceId = instance.Id,
                ActivityId = node.Id,
                ActivityNodeId = nodeId,
                ActivityType = node.Type,
                ActivityTypeVersion = node.Version,
                ActivityName = node.Name,
                StartedAt = DateTimeOffset.TryParse(ElsaWire.Text(context["startedAt"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt) ? startedAt : instance.UpdatedAt,
                Status = Enum.TryParse<ActivityStatus>(ElsaWire.Text(context["status"]), out var status) ? status : ActivityStatus.Running,
                HasBookmarks = waiting.Contains(id),
                SchedulingActivityExecutionId = ElsaWire.Text(context["schedulingId"]),
            });
        }

        return (records, instance);
    }

    private static async Task<IResult> ReportAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var instanceId = ElsaWire.Text(body?["workflowInstanceId"]);
        var nodeIds = ElsaWire.Strings(body?["activityNodeIds"]);
        if (instanceId is null)
            return ElsaWire.BadRequest("The report request is not valid.", new Dictionary<string, string[]> { ["workflowInstanceId"] = ["Name the instance."] });
        var (records, instance) = await LoadAsync(runtime, instanceId, cancellationToken);
        var waiting = instance?.Bookmarks.Select(b => b.ActivityNodeId).ToList() ?? [];
        var stats = new List<ActivityExecutionStatsModel>();
        foreach (var nodeId in nodeIds.Distinct(StringComparer.Ordinal))
        {
            var executions = records.Where(r => r.ActivityNodeId == nodeId).ToList();
            var completed = executions.Count(r => r.CompletedAt is not null);
            // A workflow used as an activity waits where one of its own activities (a descendant node) waits.
            var blocked = waiting.Exists(w => w == nodeId || w.StartsWith(nodeId + ":", StringComparison.Ordinal));
            if (executions.Count == 0 && !blocked)
                continue;
            var activityId = executions.FirstOrDefault()?.ActivityId ?? nodeId[(nodeId.LastIndexOf(':') + 1)..];
            stats.Add(new ActivityExecutionStatsModel(activityId, nodeId, executions.Count, completed, executions.Count - completed, blocked,
                executions.Exists(r => r.Status == ActivityStatus.Faulted)));
        }

        return ElsaWire.Json(new ActivityExecutionReport(stats));
    }
}
