using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// Workflow definitions for the editor and the definition list (CONTRACT §4.1, §4.2, §7): get, list, save (the Publish
/// button posts here with <c>publish: true</c>), publish, retract, revert, delete, export, import and run.
/// </summary>
internal static class ElsaDefinitionsApi
{
    /// <summary>Largest accepted import (a zip of many definitions).</summary>
    public const long MaxImportBytes = 16 * 1024 * 1024;

    /// <summary>Maps the definition endpoints.</summary>
    public static void MapElsaDefinitions(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow-definitions", ListAsync);
        api.MapGet("/workflow-definitions/by-definition-id/{definitionId}", GetByDefinitionIdAsync);
        api.MapGet("/workflow-definitions/by-id/{id}", GetByIdAsync);
        api.MapGet("/workflow-definitions/many-by-id", GetManyByIdAsync);
        api.MapGet("/workflow-definitions/query/count", async (ElsaDefinitionService service, CancellationToken cancellationToken) =>
            ElsaWire.Json(new CountResponse((await service.ListAsync(DefinitionListQuery.From(new ElsaQuery(new QueryCollection())), new VersionOptions(VersionSelection.Latest), cancellationToken)).TotalCount)));
        api.MapGet("/workflow-definitions/validation/is-name-unique", async (HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken) =>
        {
            var query = new ElsaQuery(request.Query);
            var name = query.Text("name") ?? "";
            return ElsaWire.Json(new IsNameUniqueResponse(await service.IsNameUniqueAsync(name, query.Text("definitionId"), cancellationToken)));
        });
        api.MapGet("/workflow-definitions/{definitionId}/consumers", async (string definitionId, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            await service.AllConsumersAsync(definitionId, cancellationToken) is { } consumers
                ? ElsaWire.Json(new ConsumersResponse(consumers))
                : ElsaWire.NotFound($"Workflow definition '{definitionId}' does not exist."));
        api.MapPost("/workflow-definitions", SaveAsync);
        api.MapDelete("/workflow-definitions/{definitionId}", async (string definitionId, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            Answer(await service.DeleteAsync(definitionId, cancellationToken), _ => Results.NoContent()));
        api.MapDelete("/workflow-definition-versions/{id}", async (string id, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            Answer(await service.DeleteVersionAsync(id, cancellationToken), _ => Results.NoContent()));
        api.MapPost("/workflow-definitions/{definitionId}/publish", async (string definitionId, HttpContext context, ElsaDefinitionService service, CancellationToken cancellationToken) =>
        {
            if (await RefuseCSharpAsync(context, service, definitionId, new VersionOptions(VersionSelection.Latest), cancellationToken) is { } refused)
                return refused;
            var change = await service.PublishAsync(definitionId, cancellationToken);
            await DefinitionPublishAudit.RecordAsync(context, change, cancellationToken);
            return Answer(change, c => ElsaWire.Json(SaveResponse(c)));
        });
        api.MapPost("/workflow-definitions/{definitionId}/retract", async (string definitionId, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            Answer(await service.RetractAsync(definitionId, cancellationToken), c => ElsaWire.Json(ElsaMapping.ToWorkflowDefinition(c.Definition!))));
        api.MapPost("/workflow-definitions/{definitionId}/revert/{version:int}", async (string definitionId, int version, HttpContext context, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            await RefuseCSharpAsync(context, service, definitionId, new VersionOptions(VersionSelection.Specific, version), cancellationToken)
                ?? Answer(await service.RevertAsync(definitionId, version, cancellationToken), c => ElsaWire.Json(ElsaDefinitionMapper.ToSummary(c.Definition!))));
        api.MapPost("/workflow-definitions/{definitionId}/update-references", () => ElsaWire.Json(new UpdateReferencesResponse([])));
        api.MapGet("/workflow-definitions/{definitionId}/export", ExportAsync);
        api.MapPost("/bulk-actions/export/workflow-definitions", BulkExportAsync);
        api.MapPost("/workflow-definitions/import", (HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken) => ImportAsync(null, request, service, cancellationToken));
        api.MapMethods("/workflow-definitions/{definitionId}/import", [HttpMethods.Post, HttpMethods.Put], (string definitionId, HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken) =>
            ImportAsync(definitionId, request, service, cancellationToken));
        api.MapPost("/workflow-definitions/import-files", ImportFilesAsync);
        api.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync);
        api.MapPost("/workflow-definitions/{definitionId}/dispatch", ExecuteAsync);
        api.MapPost("/bulk-actions/delete/workflow-definitions/by-definition-id", BulkDeleteAsync);
        api.MapPost("/bulk-actions/delete/workflow-definitions/by-id", BulkDeleteVersionsAsync);
        api.MapPost("/bulk-actions/publish/workflow-definitions/by-definition-ids", BulkPublishAsync);
        api.MapPost("/bulk-actions/retract/workflow-definitions/by-definition-ids", BulkRetractAsync);
    }

    private static IResult Answer(DefinitionChange change, Func<DefinitionChange, IResult> success) =>
        change.Errors is { } errors
            ? Results.ValidationProblem(errors, statusCode: change.Status, title: change.Status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status403Forbidden => "Read-only",
                StatusCodes.Status409Conflict => "Refused",
                _ => "The workflow definition was not saved.",
            })
            : success(change);

    // Publishing or reverting to a version that runs C# stores it anew: the caller must be allowed to author C# (CSharpAuthorship).
    private static async Task<IResult?> RefuseCSharpAsync(HttpContext context, ElsaDefinitionService service, string definitionId, VersionOptions version, CancellationToken cancellationToken) =>
        await service.FindAsync(definitionId, version, cancellationToken) is { } definition ? CSharpAuthorship.Refuse(context.User, definition.Root) : null;

    private static SaveWorkflowDefinitionResponse SaveResponse(DefinitionChange change) =>
        new(ElsaMapping.ToWorkflowDefinition(change.Definition!), change.AlreadyPublished, 0, []);

    private static async Task<IResult> ListAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var query = new ElsaQuery(request.Query);
        // An empty versionOptions means "no filter" (the instance list sends versionOptions=&Ids=...); absent means Latest.
        var options = VersionOptions.Parse(query.Text("versionOptions"), request.Query.ContainsKey("versionOptions") ? VersionSelection.Any : VersionSelection.Latest);
        if (options is null)
            return ElsaWire.BadRequest("Unknown versionOptions.", new Dictionary<string, string[]> { ["versionOptions"] = ["Use Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number."] });
        var page = await service.ListAsync(DefinitionListQuery.From(query), options.Value, cancellationToken);
        return ElsaWire.Json(new PagedListResponse<WorkflowDefinitionSummaryModel>(page.Items.Select(ElsaDefinitionMapper.ToSummary).ToList(), page.TotalCount, ElsaMapping.ListLinks));
    }

    private static async Task<IResult> GetByDefinitionIdAsync(string definitionId, HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var options = VersionOptions.Parse(request.Query["versionOptions"].FirstOrDefault(), VersionSelection.Latest);
        if (options is null)
            return ElsaWire.BadRequest("Unknown versionOptions.", new Dictionary<string, string[]> { ["versionOptions"] = ["Use Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number."] });
        var definition = await service.FindAsync(definitionId, options.Value, cancellationToken);
        return definition is null
            ? ElsaWire.NotFound($"Workflow definition '{definitionId}' has no version matching {options.Value.Selection}.")
            : ElsaWire.Json(ElsaMapping.ToWorkflowDefinition(definition));
    }

    // By version id is how the instance viewer and the version history read a version: read-only screens, where a
    // double-click on a workflow used as an activity opens the child (its references added).
    private static async Task<IResult> GetByIdAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.Definitions.FindByVersionIdAsync(id, cancellationToken) is { } definition
            ? ElsaWire.Json(await ToViewedDefinitionAsync(definition, runtime, cancellationToken))
            : ElsaWire.NotFound($"Workflow definition version '{id}' does not exist.");

    private static async Task<IResult> GetManyByIdAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        foreach (var id in new ElsaQuery(request.Query).List("ids").Distinct(StringComparer.Ordinal))
            if (await runtime.Definitions.FindByVersionIdAsync(id, cancellationToken) is { } definition)
                items.Add(await ToViewedDefinitionAsync(definition, runtime, cancellationToken));
        return ElsaWire.Json(new ListResponse<JsonObject>(items, items.Count));
    }

    private static async Task<JsonObject> ToViewedDefinitionAsync(WorkflowDefinition definition, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var document = ElsaMapping.ToWorkflowDefinition(definition);
        if (document["root"] is JsonObject root)
            await ChildWorkflowReferences.AddAsync(root, runtime.Definitions, cancellationToken);
        return document;
    }

    private static async Task<IResult> SaveAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        if ((body?["model"] as JsonObject ?? (body?["root"] is JsonObject ? body : null)) is not { } model)
            return ElsaWire.BadRequest("The request body is not valid.", new Dictionary<string, string[]> { ["model"] = ["Send {\"model\": <workflow definition>, \"publish\": true|false}."] });
        if (CSharpAuthorship.Refuse(request.HttpContext.User, model) is { } refused)
            return refused;
        var publish = body!["publish"] is JsonValue p && p.TryGetValue<bool>(out var value) && value;
        var change = await service.SaveAsync(model, publish, cancellationToken);
        await DefinitionPublishAudit.RecordAsync(request.HttpContext, change, cancellationToken);
        return Answer(change, c => ElsaWire.Json(SaveResponse(c)));
    }

    private static async Task<IResult> ExportAsync(string definitionId, HttpRequest request, ElsaDefinitionService service, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var query = new ElsaQuery(request.Query);
        var options = VersionOptions.Parse(query.Text("versionOptions"), VersionSelection.Latest);
        if (options is null)
            return ElsaWire.BadRequest("Unknown versionOptions.", new Dictionary<string, string[]> { ["versionOptions"] = ["Use Latest, Published or a version number."] });
        var definition = await service.FindAsync(definitionId, options.Value, cancellationToken);
        if (definition is null)
            return ElsaWire.NotFound($"Workflow definition '{definitionId}' has no version matching {options.Value.Selection}.");
        if (query.Bool("includeConsumingWorkflows") != true)
            return Results.File(Encoding.UTF8.GetBytes(ElsaMapping.ToExport(definition)), "application/json", ElsaMapping.ExportFileName(definition));
        var definitions = new List<WorkflowDefinition> { definition };
        foreach (var consumer in await service.ConsumersAsync(definitionId, cancellationToken))
            if (await runtime.Definitions.FindLatestAsync(consumer, cancellationToken) is { } latest)
                definitions.Add(latest);
        return Results.File(Zip(definitions), "application/zip", "workflow-definitions.zip");
    }

    private static async Task<IResult> BulkExportAsync(HttpRequest request, ElsaDefinitionService service, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var definitions = new List<WorkflowDefinition>();
        foreach (var id in ElsaWire.Strings(body?["ids"]).Distinct(StringComparer.Ordinal))
            if (await runtime.Definitions.FindByVersionIdAsync(id, cancellationToken) is { } definition)
                definitions.Add(definition);
        if (body?["includeConsumingWorkflows"] is JsonValue include && include.TryGetValue<bool>(out var yes) && yes)
        {
            foreach (var definitionId in definitions.Select(d => d.DefinitionId).Distinct().ToList())
                foreach (var consumer in await service.ConsumersAsync(definitionId, cancellationToken))
                    if (definitions.TrueForAll(d => d.DefinitionId != consumer) && await runtime.Definitions.FindLatestAsync(consumer, cancellationToken) is { } latest)
                        definitions.Add(latest);
        }

        return definitions.Count == 0 ? Results.NoContent() : Results.File(Zip(definitions), "application/zip", "workflow-definitions.zip");
    }

    private static byte[] Zip(IEnumerable<WorkflowDefinition> definitions)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var definition in definitions)
            {
                var entry = zip.CreateEntry(ElsaMapping.ExportFileName(definition), CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(ElsaMapping.ToExport(definition));
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Imports one definition (a JSON body, as the Studio posts each file, or one uploaded file) as a draft, with Elsa's
    /// versioning: a new definition, or a new draft of an existing one (<paramref name="definitionId"/> overrides the
    /// file's, as when importing into an open editor). Answers the stored version.
    /// </summary>
    private static async Task<IResult> ImportAsync(string? definitionId, HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (models, error) = await ReadModelsAsync(request, cancellationToken);
        if (error is not null)
            return error;
        if (models.Count != 1)
            return ElsaWire.BadRequest("Import one workflow definition at a time.", new Dictionary<string, string[]> { ["files"] = [$"{models.Count} definitions were sent; use /workflow-definitions/import-files for several."] });
        var model = models[0].Model;
        if (CSharpAuthorship.Refuse(request.HttpContext.User, model) is { } refused)
            return refused;
        if (definitionId is not null)
            model["definitionId"] = definitionId;
        return Answer(await service.SaveAsync(model, publish: false, cancellationToken), c => ElsaWire.Json(ElsaMapping.ToWorkflowDefinition(c.Definition!)));
    }

    /// <summary>Imports uploaded files (JSON or zip) as drafts; answers how many were stored, or every problem.</summary>
    private static async Task<IResult> ImportFilesAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (models, error) = await ReadModelsAsync(request, cancellationToken);
        if (error is not null)
            return error;
        if (models.Select(m => CSharpAuthorship.Refuse(request.HttpContext.User, m.Model)).FirstOrDefault(r => r is not null) is { } refused)
            return refused;
        var errors = new Dictionary<string, string[]>();
        var count = 0;
        foreach (var (name, model) in models)
        {
            var change = await service.SaveAsync(model, publish: false, cancellationToken);
            if (change.Errors is null)
                count++;
            else
                errors[name] = change.Errors.SelectMany(e => e.Value).ToArray();
        }

        return errors.Count > 0
            ? ElsaWire.BadRequest($"{errors.Count} of {models.Count} definitions were not imported ({count} were).", errors)
            : ElsaWire.Json(new ImportFilesResponse(count));
    }

    private static async Task<(List<(string Name, JsonObject Model)> Models, IResult? Error)> ReadModelsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var models = new List<(string Name, JsonObject Model)>();
        var errors = new Dictionary<string, string[]>();
        if (request.ContentLength > MaxImportBytes)
            return (models, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"An import may be at most {MaxImportBytes} bytes."));
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                ReadFile(file.FileName, buffer.ToArray(), models, errors);
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            ReadFile("body", buffer.ToArray(), models, errors);
        }

        if (errors.Count > 0)
            return (models, ElsaWire.BadRequest("The import is not valid.", errors));
        if (models.Count == 0)
            return (models, ElsaWire.BadRequest("Nothing to import.", new Dictionary<string, string[]> { ["files"] = ["Send a workflow definition as JSON, or upload .json or .zip files."] }));
        return (models, null);
    }

    private static void ReadFile(string name, byte[] bytes, List<(string Name, JsonObject Model)> models, Dictionary<string, string[]> errors)
    {
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                {
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    ReadFile($"{name}/{entry.FullName}", buffer.ToArray(), models, errors);
                }
            }
            catch (InvalidDataException e)
            {
                errors[name] = [$"Not a valid zip archive: {e.Message}"];
            }

            return;
        }

        try
        {
            // The reader strips a byte-order mark and $schema, and unwraps {"model": ...}.
            var definition = WorkflowDefinitionReader.Parse(bytes);
            models.Add((name, definition.Document));
        }
        catch (WorkflowDefinitionException e)
        {
            errors[name] = e.Errors.Select(x => x.ToString()).ToArray();
        }
    }

    /// <summary>
    /// The Run button: starts the PUBLISHED version, what new cases run. The Studio asks for <c>Latest</c>; a saved draft
    /// is not run (publish it first), so <c>Latest</c> is read as <c>Published</c>; a version number still selects that
    /// version. Answers the instance id in <c>x-elsa-workflow-instance-id</c>, the state in the body (500 when it faulted,
    /// as Elsa). A definition with no such version cannot start: <c>x-elsa-workflow-cannot-start: True</c> and a 409
    /// naming <c>versionOptions</c>, and no instance is created.
    /// </summary>
    private static async Task<IResult> ExecuteAsync(string definitionId, HttpRequest request, HttpResponse response, ElsaDefinitionService service, WorkflowRuntime runtime, ElsaWireFormat format, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var options = VersionOptions.Parse(ElsaWire.Text(body?["versionOptions"]), VersionSelection.Published);
        if (options is null)
            return ElsaWire.BadRequest("Unknown versionOptions.", new Dictionary<string, string[]> { ["versionOptions"] = ["Use Latest, Published or a version number."] });
        if (options.Value.Selection == VersionSelection.Latest)
            options = new VersionOptions(VersionSelection.Published);
        var definition = await service.FindAsync(definitionId, options.Value, cancellationToken);
        if (definition is null)
        {
            if (await service.FindAsync(definitionId, new VersionOptions(VersionSelection.Latest), cancellationToken) is null)
                return ElsaWire.NotFound($"Workflow definition '{definitionId}' does not exist.");
            response.Headers[ElsaHeaders.WorkflowCannotStart] = "True";
            return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["versionOptions"] = [options.Value.Selection == VersionSelection.Published
                        ? $"Workflow '{definitionId}' has no published version: Run starts the published version, what new cases run. Publish it first."
                        : $"Workflow '{definitionId}' has no version {options.Value.Number}."],
                },
                statusCode: StatusCodes.Status409Conflict, title: "The workflow cannot start.");
        }
        if (body?["input"] is { } inputNode && inputNode is not JsonObject)
            return ElsaWire.BadRequest("The input is not valid.", new Dictionary<string, string[]> { ["input"] = ["'input' must be a JSON object of input names to values."] });

        RunResult result;
        try
        {
            var blueprint = await runtime.GetBlueprintAsync(definition, cancellationToken);
            var input = (body?["input"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase);
            result = await runtime.StartAsync(blueprint, new StartOptions { Input = input, CorrelationId = ElsaWire.Text(body?["correlationId"]) }, cancellationToken);
        }
        catch (WorkflowDefinitionException e)
        {
            response.Headers[ElsaHeaders.WorkflowCannotStart] = "True";
            return ElsaWire.Invalid("The workflow cannot start.", e);
        }

        response.Headers[ElsaHeaders.WorkflowCannotStart] = "False";
        response.Headers[ElsaHeaders.WorkflowInstanceId] = result.InstanceId;
        var instance = await runtime.Instances.FindAsync(result.InstanceId, cancellationToken);
        var state = instance is null ? new JsonObject() : ElsaWorkflowState.ToModel(instance, format.Zone).WorkflowState;
        return ElsaWire.Json(new { workflowState = state }, statusCode: result.SubStatus == WorkflowSubStatus.Faulted ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
    }

    private static async Task<IResult> BulkDeleteAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var deleted = 0;
        var refused = new Dictionary<string, string[]>();
        foreach (var definitionId in ElsaWire.Strings(body?["definitionIds"]).Distinct(StringComparer.Ordinal))
        {
            var change = await service.DeleteAsync(definitionId, cancellationToken);
            if (change.Errors is null)
                deleted++;
            else if (change.Status != StatusCodes.Status404NotFound)
                refused[definitionId] = change.Errors.SelectMany(e => e.Value).ToArray();
        }

        return refused.Count > 0
            ? Results.ValidationProblem(refused, statusCode: StatusCodes.Status409Conflict, title: $"{refused.Count} definitions were not deleted ({deleted} were).")
            : ElsaWire.Json(new BulkDeleteResponse(deleted));
    }

    private static async Task<IResult> BulkDeleteVersionsAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var deleted = 0;
        var refused = new Dictionary<string, string[]>();
        foreach (var id in ElsaWire.Strings(body?["ids"]).Distinct(StringComparer.Ordinal))
        {
            var change = await service.DeleteVersionAsync(id, cancellationToken);
            if (change.Errors is null)
                deleted++;
            else if (change.Status != StatusCodes.Status404NotFound)
                refused[id] = change.Errors.SelectMany(e => e.Value).ToArray();
        }

        return refused.Count > 0
            ? Results.ValidationProblem(refused, statusCode: StatusCodes.Status409Conflict, title: $"{refused.Count} versions were not deleted ({deleted} were).")
            : ElsaWire.Json(new BulkDeleteResponse(deleted));
    }

    private static async Task<IResult> BulkPublishAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        List<string> published = [], alreadyPublished = [], notFound = [];
        var invalid = new Dictionary<string, string[]>();
        var definitionIds = ElsaWire.Strings(body?["definitionIds"]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var definitionId in definitionIds)
            if (await RefuseCSharpAsync(request.HttpContext, service, definitionId, new VersionOptions(VersionSelection.Latest), cancellationToken) is { } refused)
                return refused;
        foreach (var definitionId in definitionIds)
        {
            var change = await service.PublishAsync(definitionId, cancellationToken);
            await DefinitionPublishAudit.RecordAsync(request.HttpContext, change, cancellationToken);
            if (change.Errors is null)
                (change.AlreadyPublished ? alreadyPublished : published).Add(definitionId);
            else if (change.Status == StatusCodes.Status404NotFound)
                notFound.Add(definitionId);
            else
                invalid[definitionId] = change.Errors.SelectMany(e => e.Value).ToArray();
        }

        return invalid.Count > 0
            ? ElsaWire.BadRequest($"{invalid.Count} definitions were not published ({published.Count} were).", invalid)
            : ElsaWire.Json(new BulkPublishResponse(published, alreadyPublished, notFound, []));
    }

    private static async Task<IResult> BulkRetractAsync(HttpRequest request, ElsaDefinitionService service, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        List<string> retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var definitionId in ElsaWire.Strings(body?["definitionIds"]).Distinct(StringComparer.Ordinal))
        {
            var change = await service.RetractAsync(definitionId, cancellationToken);
            if (change.Errors is null)
                retracted.Add(definitionId);
            else if (change.Status == StatusCodes.Status404NotFound)
                notFound.Add(definitionId);
            else
                alreadyRetracted.Add(definitionId);
        }

        return ElsaWire.Json(new BulkRetractResponse(retracted, alreadyRetracted, notFound));
    }
}
