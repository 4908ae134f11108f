using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Hotline.Domain.EntryPoints;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Api;

/// <summary>
/// Integrators start workflows over HTTP: <c>POST /api/workflows/{definitionId}/instances</c> starts a definition an
/// administrator opened as an entry point (<see cref="WorkflowEntryPoint"/>); every other definition answers 404, as if
/// it did not exist. Administrators open and close entry points (<c>/api/workflows/entry-points</c>; the designer's
/// editor has the switch).
/// </summary>
public static class WorkflowsApi
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("/", ListStartableAsync)
            .RequireAuthorization(SecurityServiceCollectionExtensions.StartWorkflowsPolicy)
            .WithName("ListStartableWorkflows")
            .WithSummary("The workflows the caller may start over HTTP, with the inputs each takes.")
            .Produces<IReadOnlyList<StartableWorkflow>>();
        group.MapPost("/{definitionId}/instances", StartAsync)
            .RequireAuthorization(SecurityServiceCollectionExtensions.StartWorkflowsPolicy)
            .WithName("StartWorkflow")
            .WithSummary("Starts the published version of an entry-point workflow definition.")
            .AcceptsJson<StartWorkflowRequest>(optional: true)
            .WithIdempotencyKey("A repeat with the same key and the same body starts nothing and answers 200 with the instance the first request started; the same key with another body answers 422.")
            .Produces<StartWorkflowResponse>(StatusCodes.Status201Created)
            .Produces<StartWorkflowResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        WorkflowEntryPointsApi.Map(group);
        return app;
    }

    /// <summary>The request body.</summary>
    public sealed record StartWorkflowRequest(JsonObject? Input, string? CorrelationId);

    /// <summary>The response: the instance and where it stands.</summary>
    public sealed record StartWorkflowResponse(
        string InstanceId,
        string DefinitionId,
        int DefinitionVersion,
        string? CorrelationId,
        string Status,
        string SubStatus,
        JsonObject Output,
        IReadOnlyList<BookmarkSummary> Bookmarks);

    /// <summary>A bookmark the instance waits on.</summary>
    public sealed record BookmarkSummary(string Id, string Name, DateTimeOffset? ResumeAt);

    /// <summary>A workflow the caller may start, and its inputs.</summary>
    public sealed record StartableWorkflow(string DefinitionId, string? Name, string? Description, int Version, EntryPointIntake Intake, IReadOnlyList<StartableInput> Inputs);

    /// <summary>An input of a startable workflow.</summary>
    public sealed record StartableInput(string Name, string Type, string? Description);

    private static async Task<IResult> ListStartableAsync(EntryPointService entryPoints, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var startable = new List<StartableWorkflow>();
        foreach (var entry in await entryPoints.ListAsync(cancellationToken))
        {
            if (await runtime.Definitions.FindPublishedAsync(entry.DefinitionId, cancellationToken) is not { } definition)
                continue;
            // The submitter is the caller's credential, never an input.
            var inputs = definition.Inputs
                .Where(i => !string.Equals(i.Name, EntryPointStarter.SubmittedByInput, StringComparison.OrdinalIgnoreCase))
                .Select(i => new StartableInput(i.Name, i.Type, string.IsNullOrEmpty(i.Description) ? null : i.Description)).ToList();
            startable.Add(new StartableWorkflow(definition.DefinitionId, definition.Name, definition.Description, definition.Version, entry.Intake, inputs));
        }

        return Results.Ok(startable);
    }

    private static async Task<IResult> StartAsync(string definitionId, HttpRequest request, ClaimsPrincipal user, WorkflowRuntime runtime,
        EntryPointService entryPoints, EntryPointStarter starter, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var entry = definitionId.Length > 200 ? null : await entryPoints.FindAsync(definitionId, cancellationToken);
        var definition = entry is null ? null : await runtime.Definitions.FindPublishedAsync(definitionId, cancellationToken);
        if (entry is null || definition is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workflow not found",
                detail: $"No workflow '{definitionId}' can be started over HTTP. GET /api/workflows lists those that can.");
        if (body.CorrelationId is { Length: > 200 })
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["correlationId"] = ["The correlation id is longer than 200 characters."] },
                title: "The workflow input is not valid.");

        var start = new EntryPointStartRequest(Caller.Name(user), request.Headers["Idempotency-Key"].FirstOrDefault(), body.Input, body.CorrelationId, Caller.DistrictCode(user));
        var result = await starter.StartAsync(entry, definition, start, cancellationToken);
        return result.Outcome switch
        {
            EntryPointStartOutcome.Invalid => Results.ValidationProblem(result.Errors.ToDictionary(), title: "The workflow input is not valid."),
            EntryPointStartOutcome.KeyReused => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used for a request with a different body; use a new key for a new request."),
            EntryPointStartOutcome.RegistersCases => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Workflow registers cases",
                detail: $"'{definitionId}' registers cases but is open with declared inputs; an administrator must open it with Case intake."),
            EntryPointStartOutcome.ActsOnCases => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Workflow acts on cases",
                detail: $"'{definitionId}' is open with declared inputs, but its published version acts on the hotline's cases; an administrator must close it."),
            EntryPointStartOutcome.Replayed => Results.Json(FromInstance(result.Instance!), statusCode: StatusCodes.Status200OK),
            _ when result.Run is { } run => Results.Json(FromRun(run, definition, body.CorrelationId), statusCode: StatusCodes.Status201Created),
            _ => Results.Json(FromInstance(result.Instance!), statusCode: StatusCodes.Status201Created),
        };
    }

    private static StartWorkflowResponse FromInstance(WorkflowInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.Version, instance.CorrelationId, instance.Status.ToString(), instance.SubStatus.ToString(),
            instance.Output, instance.Bookmarks.Select(b => new BookmarkSummary(b.Id, b.Name, b.ResumeAt)).ToList());

    private static StartWorkflowResponse FromRun(RunResult result, WorkflowDefinition definition, string? correlationId)
    {
        var output = new JsonObject();
        foreach (var (key, value) in result.Output)
            output[key] = ValueConverter.ToJson(value);
        return new StartWorkflowResponse(result.InstanceId, definition.DefinitionId, definition.Version, correlationId, result.Status.ToString(), result.SubStatus.ToString(),
            output, result.Bookmarks.Select(b => new BookmarkSummary(b.Id, b.Name, b.ResumeAt)).ToList());
    }

    private static async Task<(StartWorkflowRequest Body, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return (null!, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body may be at most {MaxBodyBytes} bytes."));
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Body.CanRead))
            return (new StartWorkflowRequest(null, null), null);
        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null!, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the request as application/json."));

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
            return (null!, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body may be at most {MaxBodyBytes} bytes."));
        if (buffer.Length == 0)
            return (new StartWorkflowRequest(null, null), null);
        // A body needs its media type: a JSON body sent without one (or as text/plain) is refused, not guessed.
        if (!request.HasJsonContentType())
            return (null!, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the request as application/json."));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            return (null!, Results.ValidationProblem(new Dictionary<string, string[]> { [e.Path ?? "$"] = [$"Malformed JSON: {e.Message}"] }, title: "The request body is not valid JSON."));
        }

        if (node is not JsonObject obj)
            return (null!, Results.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object: {\"input\": {...}, \"correlationId\": \"...\"}."] }));
        var errors = new Dictionary<string, string[]>();
        if (FirstNul(obj) is { } nulPath)
            errors[nulPath.StartsWith("$.", StringComparison.Ordinal) ? nulPath[2..] : nulPath] = ["Text may not contain the NUL character (\\u0000)."];
        if (obj["input"] is { } inputNode && inputNode is not JsonObject)
            errors["input"] = ["'input' must be a JSON object of input names to values."];
        if (obj["correlationId"] is { } correlationNode && (correlationNode is not JsonValue cv || !cv.TryGetValue<string>(out _)))
            errors["correlationId"] = ["'correlationId' must be a string."];
        foreach (var (key, _) in obj)
            if (key is not ("input" or "correlationId"))
                errors[key] = [$"Unknown property '{key}'. The body takes 'input' and 'correlationId'."];
        if (errors.Count > 0)
            return (null!, Results.ValidationProblem(errors, title: "The request body is not valid."));
        return (new StartWorkflowRequest(obj["input"] as JsonObject, obj["correlationId"]?.GetValue<string>()), null);
    }

    /// <summary>The path of the first string (value or property name) holding a NUL character, which PostgreSQL cannot store.</summary>
    private static string? FirstNul(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Key.Contains('\0', StringComparison.Ordinal) ? obj.GetPath() : FirstNul(p.Value)).FirstOrDefault(p => p is not null),
        JsonArray array => array.Select(FirstNul).FirstOrDefault(p => p is not null),
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains('\0', StringComparison.Ordinal) => value.GetPath(),
        _ => null,
    };
}
