using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// An example RFC 7807 problem on every 400, 404, 409 and 422 an operation declares, as the API writes them: a 400 names
/// the bad fields under <c>errors</c>; a 404 is also the answer for what the caller may not see; a 409 refuses what the
/// resource's state (or a stale version) does not allow; a 422 refuses an Idempotency-Key reused for another request.
/// </summary>
public sealed class ProblemExamplesTransformer : IOpenApiOperationTransformer
{
    /// <summary>The examples by status, as the API writes them.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Examples { get; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
    {
        ["400"] = new()
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = "The case is not valid.",
            ["status"] = 400,
            ["errors"] = new JsonObject
            {
                ["subjectCode"] = new JsonArray("Unknown subject 'SR-NOPE'."),
                ["citizenPhone"] = new JsonArray("Not a telephone number."),
            },
        },
        ["404"] = new()
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            ["title"] = "Not found",
            ["status"] = 404,
            ["detail"] = "'20260302-000042' does not exist or is not yours to see.",
        },
        ["409"] = new()
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            ["title"] = "Not possible in the case's state",
            ["status"] = 409,
            ["detail"] = "The case is closed.",
        },
        ["422"] = new()
        {
            ["type"] = "https://tools.ietf.org/html/rfc4918#section-11.2",
            ["title"] = "Idempotency key reused",
            ["status"] = 422,
            ["detail"] = "This Idempotency-Key was already used for a different request; use a new key for a new case.",
        },
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!Examples.TryGetValue(status, out var example) || response.Content is null)
                continue;
            foreach (var (mediaType, content) in response.Content)
                if (mediaType == "application/problem+json" && content.Example is null)
                    content.Example = example.DeepClone();
        }

        return Task.CompletedTask;
    }
}
