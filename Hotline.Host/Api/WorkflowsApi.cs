using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Api;

/// <summary>Integrators start workflows over HTTP: <c>POST /api/workflows/{definitionId}/instances</c>.</summary>
public static class WorkflowsApi
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").RequireAuthorization(SecurityServiceCollectionExtensions.StartWorkflowsPolicy).WithTags("Workflows");
        group.MapPost("/{definitionId}/instances", StartAsync)
            .WithName("StartWorkflow")
            .WithSummary("Starts the published version of a workflow definition.")
            .AcceptsJson<StartWorkflowRequest>(optional: true)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<StartWorkflowResponse>(StatusCodes.Status201Created)
            .Produces<StartWorkflowResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
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

    private static async Task<IResult> StartAsync(string definitionId, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var definition = await runtime.Definitions.FindPublishedAsync(definitionId, cancellationToken);
        if (definition is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workflow not found", detail: $"No published workflow definition '{definitionId}' exists.");

        var errors = ValidateInput(definition, body.Input);
        if (body.CorrelationId is { Length: > 200 })
            errors["correlationId"] = ["The correlation id is longer than 200 characters."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The workflow input is not valid.");

        var input = body.Input?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase);
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var client = request.HttpContext.User.Identity?.Name ?? "";
        string? instanceId = null;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            if (idempotencyKey.Length > 200)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["The key is longer than 200 characters."] });
            // The instance id derives from the key, so a retried (or concurrent) request cannot create a second instance.
            instanceId = "idem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{client}\n{definitionId}\n{idempotencyKey}")))[..32];
            var existing = await runtime.Instances.FindAsync(instanceId, cancellationToken);
            if (existing is not null)
                return Replay(existing, body);
        }

        var blueprint = await runtime.GetBlueprintAsync(definition, cancellationToken);
        try
        {
            var result = await runtime.StartAsync(blueprint, new StartOptions { Input = input, CorrelationId = body.CorrelationId, InstanceId = instanceId }, cancellationToken);
            return Results.Json(ToResponse(result, definition, body.CorrelationId), statusCode: StatusCodes.Status201Created);
        }
        catch (ConcurrencyConflictException) when (instanceId is not null)
        {
            var existing = await runtime.Instances.FindAsync(instanceId, cancellationToken);
            return existing is null ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concurrent request") : Replay(existing, body);
        }
    }

    private static IResult Replay(WorkflowInstance existing, StartWorkflowRequest body)
    {
        var sameInput = JsonNode.DeepEquals(existing.State["input"] ?? new JsonObject(), body.Input ?? new JsonObject());
        if (!sameInput || existing.CorrelationId != body.CorrelationId)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used for a request with a different body; use a new key for a new request.");
        var response = new StartWorkflowResponse(existing.Id, existing.DefinitionId, existing.Version, existing.CorrelationId, existing.Status.ToString(), existing.SubStatus.ToString(),
            existing.Output, existing.Bookmarks.Select(b => new BookmarkSummary(b.Id, b.Name, b.ResumeAt)).ToList());
        return Results.Json(response, statusCode: StatusCodes.Status200OK);
    }

    private static StartWorkflowResponse ToResponse(RunResult result, WorkflowDefinition definition, string? correlationId)
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

    private static Dictionary<string, string[]> ValidateInput(WorkflowDefinition definition, JsonObject? input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input is null)
            return errors;
        var declared = definition.Inputs.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in input)
        {
            if (!declared.TryGetValue(name, out var inputDefinition))
            {
                errors[$"input.{name}"] = [$"The workflow declares no input '{name}'. Declared: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Keys))}."];
                continue;
            }

            try
            {
                var type = ValueConverter.ResolveAlias(inputDefinition.Type);
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && type != typeof(string) && type != typeof(object) && type.IsPrimitive)
                    throw new FormatException("a string was given");
                ValueConverter.Convert(value?.DeepClone(), type);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or JsonException or InvalidOperationException)
            {
                errors[$"input.{name}"] = [$"Expected a value of type {inputDefinition.Type}: {e.Message}"];
            }
        }

        return errors;
    }
}
