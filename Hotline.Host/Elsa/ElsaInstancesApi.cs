using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// Workflow instances for the instance list and viewer (CONTRACT §4.3, §4.4, §8): the list, an instance with its state
/// (where it waits: bookmarks), its journal, variables and execution state, and cancelling. Deleting ended instances is
/// <see cref="ElsaInstanceDeletionApi"/>; instances are not imported (they come from running workflows).
/// </summary>
internal static class ElsaInstancesApi
{
    /// <summary>The page size when the request names none.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Maps the instance endpoints.</summary>
    public static void MapElsaInstances(this RouteGroupBuilder api)
    {
        api.MapPost("/workflow-instances", ListAsync);
        api.MapGet("/workflow-instances", ListAsync);
        api.MapGet("/workflow-instances/{id}", GetAsync);
        api.MapGet("/workflow-instances/{id}/journal", JournalAsync);
        api.MapPost("/workflow-instances/{id}/journal", JournalAsync);
        api.MapGet("/workflow-instances/{id}/execution-state", async (string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
            await runtime.Instances.FindAsync(id, cancellationToken) is { } instance
                ? ElsaWire.Json(new ExecutionStateResponse(instance.Status, instance.SubStatus, instance.UpdatedAt))
                : ElsaWire.NotFound($"Workflow instance '{id}' does not exist."));
        api.MapGet("/workflow-instances/{id}/variables", VariablesAsync);
        api.MapGet("/workflow-instances/{id}/export", ExportAsync);
        api.MapPost("/bulk-actions/export/workflow-instances", BulkExportAsync);
        api.MapPost("/cancel/workflow-instances/{id}", async (string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
            await CancelAsync(runtime, id, cancellationToken) is { } missing ? missing : Results.NoContent());
        api.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancelAsync);
        api.MapPost("/bulk-actions/import/workflow-instances", () => ElsaWire.BadRequest("Instances cannot be imported.",
            new Dictionary<string, string[]> { ["files"] = ["Instances are created by running workflows; importing them is not supported."] }));
    }

    /// <summary>The list: the Studio posts its filter (CONTRACT §4.3); a GET carries the same fields in the query.</summary>
    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        JsonObject filter;
        if (HttpMethods.IsPost(request.Method))
        {
            var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
            if (error is not null)
                return error;
            filter = body ?? [];
        }
        else
        {
            filter = [];
            foreach (var (key, values) in request.Query)
            {
                var name = char.ToLowerInvariant(key[0]) + key[1..];
                filter[name] = name is "definitionIds" or "statuses" or "subStatuses" ? new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) : values.FirstOrDefault();
            }
        }

        var (search, problem) = ReadSearch(filter);
        if (problem is not null)
            return problem;
        var page = await runtime.Instances.SearchAsync(search!, cancellationToken);
        return ElsaWire.Json(new PagedListResponse<WorkflowInstanceSummaryModel>(page.Items.Select(ElsaInstanceMapper.ToSummary).ToList(), page.TotalCount));
    }

    private static (InstanceSearch? Search, IResult? Problem) ReadSearch(JsonObject filter)
    {
        var errors = new Dictionary<string, string[]>();
        var page = Number(filter["page"]) ?? 0;
        var pageSize = Number(filter["pageSize"]) ?? DefaultPageSize;
        if (page < 0 || pageSize is < 0 or > MaxPageSize)
            errors["pageSize"] = [$"page must be 0 or more and pageSize between 0 and {MaxPageSize}."];
        var definitionIds = ElsaWire.Strings(filter["definitionIds"]);
        if (ElsaWire.Text(filter["definitionId"]) is { Length: > 0 } definitionId)
            definitionIds.Add(definitionId);
        var statuses = Enums<WorkflowStatus>(filter["statuses"], "statuses", errors);
        if (ElsaWire.Enum<WorkflowStatus>(filter["status"]) is { } status)
            statuses.Add(status);
        var subStatuses = Enums<WorkflowSubStatus>(filter["subStatuses"], "subStatuses", errors);
        if (ElsaWire.Enum<WorkflowSubStatus>(filter["subStatus"]) is { } subStatus)
            subStatuses.Add(subStatus);
        var timestamps = TimestampFilters(filter["timestampFilters"], errors);
        var orderBy = Order(filter["orderBy"]);
        if (orderBy is null)
            errors["orderBy"] = ["Use Created, LastExecuted, Finished or Name."];
        if (errors.Count > 0)
            return (null, ElsaWire.BadRequest("The instance filter is not valid.", errors));
        return (new InstanceSearch
        {
            DefinitionIds = definitionIds,
            Statuses = statuses,
            SubStatuses = subStatuses,
            Version = Number(filter["version"]),
            CorrelationId = ElsaWire.Text(filter["correlationId"]) is { Length: > 0 } correlationId ? correlationId : null,
            SearchTerm = ElsaWire.Text(filter["searchTerm"]) is { Length: > 0 } term ? term.Trim() : null,
            HasIncidents = filter["hasIncidents"] is JsonValue h && bool.TryParse(ElsaWire.Text(h), out var hasIncidents) ? hasIncidents : null,
            Timestamps = timestamps,
            OrderBy = orderBy!.Value,
            Descending = !string.Equals(ElsaWire.Text(filter["orderDirection"]), "Ascending", StringComparison.OrdinalIgnoreCase),
            Skip = page * pageSize,
            Take = pageSize,
        }, null);
    }

    private static List<InstanceTimestampFilter> TimestampFilters(JsonNode? node, Dictionary<string, string[]> errors)
    {
        var timestamps = new List<InstanceTimestampFilter>();
        foreach (var item in node as JsonArray ?? [])
        {
            var column = ElsaWire.Text(item?["column"]) switch
            {
                "CreatedAt" or "createdAt" => InstanceTimestamp.CreatedAt,
                "UpdatedAt" or "updatedAt" or "LastExecuted" => InstanceTimestamp.UpdatedAt,
                "FinishedAt" or "finishedAt" => (InstanceTimestamp?)InstanceTimestamp.FinishedAt,
                _ => null,
            };
            var op = ElsaWire.Enum<TimestampOperator>(item?["operator"]);
            var at = ElsaWire.Text(item?["timestamp"]) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var moment) ? moment : (DateTimeOffset?)null;
            if (column is null || op is null || at is null)
                errors["timestampFilters"] = ["Each timestamp filter needs a column (CreatedAt, UpdatedAt, FinishedAt), an operator and a timestamp."];
            else
                timestamps.Add(new InstanceTimestampFilter(column.Value, op.Value, at.Value));
        }

        return timestamps;
    }

    // The client's enum says LastExecuted where Elsa 3.8's server says UpdatedAt (CONTRACT T13).
    private static InstanceOrder? Order(JsonNode? node) => ElsaWire.Text(node) switch
    {
        null or "" or "Created" or "CreatedAt" => InstanceOrder.CreatedAt,
        "LastExecuted" or "UpdatedAt" => InstanceOrder.UpdatedAt,
        "Finished" or "FinishedAt" => InstanceOrder.FinishedAt,
        "Name" => (InstanceOrder?)InstanceOrder.Name,
        _ => null,
    };

    private static int? Number(JsonNode? node) =>
        ElsaWire.Text(node) is { } text && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<T> Enums<T>(JsonNode? node, string name, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var text in ElsaWire.Strings(node))
        {
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
                values.Add(value);
            else
                errors[name] = [$"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."];
        }

        return values;
    }

    private static async Task<IResult> GetAsync(string id, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken) =>
        await runtime.Instances.FindAsync(id, cancellationToken) is { } instance
            ? ElsaWire.Json(ElsaWorkflowState.ToModel(instance, format.Zone))
            : ElsaWire.NotFound($"Workflow instance '{id}' does not exist.");

    /// <summary>
    /// The journal in sequence order, filtered as the viewer asks (the node ids of the container it shows, without the
    /// flowchart's own lines) and paged with <c>skip</c>/<c>take</c>.
    /// </summary>
    private static async Task<IResult> JournalAsync(string id, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        JsonObject? filter = null;
        if (HttpMethods.IsPost(request.Method))
        {
            var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
            if (error is not null)
                return error;
            filter = body?["filter"] as JsonObject;
        }

        var query = new ElsaQuery(request.Query);
        var skip = Math.Max(query.Int("skip") ?? 0, 0);
        var take = Math.Clamp(query.Int("take") ?? DefaultPageSize, 0, MaxPageSize);
        var activityIds = ToSet(filter?["activityIds"]);
        var nodeIds = ToSet(filter?["activityNodeIds"]);
        var excludedTypes = ToSet(filter?["excludedActivityTypes"]);
        var eventNames = ToSet(filter?["eventNames"]);
        var journal = (await runtime.Instances.GetJournalAsync(id, cancellationToken: cancellationToken))
            .Where(e => (activityIds is null || activityIds.Contains(e.ActivityId)) &&
                (nodeIds is null || nodeIds.Contains(e.NodeId)) &&
                (excludedTypes is null || !excludedTypes.Contains(e.ActivityType)) &&
                (eventNames is null || eventNames.Contains(e.EventName)))
            .ToList();
        var items = journal.Skip(skip).Take(take).Select(ElsaInstanceMapper.ToLogRecord).ToList();
        return ElsaWire.Json(new PagedListResponse<WorkflowExecutionLogRecordModel>(items, journal.Count));
    }

    // A null list means "no filter"; an empty one matches nothing only for ids, as the client never sends empty filters.
    private static HashSet<string>? ToSet(JsonNode? node) =>
        node is JsonArray array && array.Count > 0 ? ElsaWire.Strings(array).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>The definition's variables with their current values (from the root scope of a running instance).</summary>
    private static async Task<IResult> VariablesAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await runtime.Instances.FindAsync(id, cancellationToken) is not { } instance)
            return ElsaWire.NotFound($"Workflow instance '{id}' does not exist.");
        var definition = await runtime.Definitions.FindByVersionIdAsync(instance.DefinitionVersionId, cancellationToken);
        var root = (instance.State["contexts"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["parentId"] is null);
        var memory = root?["scope"]?["memory"] as JsonObject;
        var items = (definition?.Variables ?? [])
            .Select(v => new ResolvedVariable(v.Id, v.Name, memory?[v.Id]?.DeepClone()))
            .ToList();
        return ElsaWire.Json(new ListResponse<ResolvedVariable>(items, items.Count));
    }

    private static async Task<IResult> ExportAsync(string id, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken)
    {
        if (await ExportDocumentAsync(runtime, format, id, cancellationToken) is not { } document)
            return ElsaWire.NotFound($"Workflow instance '{id}' does not exist.");
        return Results.File(Encoding.UTF8.GetBytes(document), "application/json", $"workflow-instance-{id}.json");
    }

    private static async Task<IResult> BulkExportAsync(HttpRequest request, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        using var stream = new MemoryStream();
        var count = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var id in ElsaWire.Strings(body?["ids"]).Distinct(StringComparer.Ordinal))
            {
                if (await ExportDocumentAsync(runtime, format, id, cancellationToken) is not { } document)
                    continue;
                using var writer = new StreamWriter(zip.CreateEntry($"workflow-instance-{id}.json").Open(), new UTF8Encoding(false));
                await writer.WriteAsync(document);
                count++;
            }
        }

        return count == 0 ? Results.NoContent() : Results.File(stream.ToArray(), "application/zip", "workflow-instances.zip");
    }

    // The instance with its state and its journal, as one JSON document, moments in the hotline's zone.
    private static async Task<string?> ExportDocumentAsync(WorkflowRuntime runtime, ElsaWireFormat format, string id, CancellationToken cancellationToken)
    {
        if (await runtime.Instances.FindAsync(id, cancellationToken) is not { } instance)
            return null;
        var journal = await runtime.Instances.GetJournalAsync(id, cancellationToken: cancellationToken);
        var document = JsonSerializer.SerializeToNode(ElsaWorkflowState.ToModel(instance, format.Zone), format.Options)!.AsObject();
        document["journal"] = JsonSerializer.SerializeToNode(journal.Select(ElsaInstanceMapper.ToLogRecord).ToList(), format.Options);
        return document.ToJsonString(new JsonSerializerOptions(format.Options) { WriteIndented = true });
    }

    // Null when cancelled or already ended (cancelling twice is not an error); a 404 answer when the instance is unknown.
    private static async Task<IResult?> CancelAsync(WorkflowRuntime runtime, string id, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.CancelAsync(id, cancellationToken);
        }
        catch (InstanceNotFoundException e)
        {
            return ElsaWire.NotFound(e.Message);
        }
        catch (InstanceNotRunningException)
        {
        }

        return null;
    }

    private static async Task<IResult> BulkCancelAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var ids = ElsaWire.Strings(body?["ids"]);
        var definitionId = ElsaWire.Text(body?["definitionId"]);
        var versionId = ElsaWire.Text(body?["definitionVersionId"]);
        if (ids.Count == 0 && (definitionId is not null || versionId is not null))
        {
            var running = await runtime.Instances.SearchAsync(new InstanceSearch
            {
                DefinitionIds = definitionId is null ? [] : [definitionId],
                DefinitionVersionIds = versionId is null ? [] : [versionId],
                Statuses = [WorkflowStatus.Running],
                Take = int.MaxValue,
            }, cancellationToken);
            ids = running.Items.Select(i => i.Id).ToList();
        }

        var cancelled = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (await CancelAsync(runtime, id, cancellationToken) is null)
                cancelled++;
        return ElsaWire.Json(new { cancelled });
    }
}
