using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>One operation of the document: a method on a path template.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Template">The path template, <c>/api/cases/{idOrNumber}</c>.</param>
/// <param name="Operation">The operation object.</param>
public sealed record ApiOperation(string Method, string Template, JsonObject Operation)
{
    public string Name => $"{Method} {Template}";

    /// <summary>The declared parameters (path and query).</summary>
    public IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [];

    /// <summary>The schema of the JSON request body, or null when the operation takes none.</summary>
    public JsonObject? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();

    /// <summary>Whether the body is required.</summary>
    public bool BodyRequired => Operation["requestBody"]?["required"]?.GetValue<bool>() == true;

    /// <summary>Whether the operation needs credentials.</summary>
    public bool Secured => Operation["security"] is JsonArray { Count: > 0 };

    /// <summary>The declared status codes.</summary>
    public IReadOnlyList<string> Statuses => [.. Operation["responses"]!.AsObject().Select(r => r.Key)];

    /// <summary>Whether a concrete path is an instance of the template (a variable stands for one segment or part of one).</summary>
    public bool Matches(string path) => Pattern.IsMatch(path);

    private Regex Pattern => field ??= new Regex(
        "^" + string.Concat(Regex.Split(Template, @"(\{[^}]+\})").Select(part => part.StartsWith('{') ? "[^/]+?" : Regex.Escape(part))) + "$",
        RegexOptions.CultureInvariant);
}

/// <summary>
/// The host's OpenAPI document as a contract: which operations exist, what they declare, and whether a response keeps to
/// its operation's declaration (a declared status, a declared media type and a JSON body that validates against the
/// schema; Open311's XML bodies are checked for their status and media type only).
/// </summary>
public sealed class OpenApiContract
{
    private const string DocumentName = "openapi.json";
    private readonly JsonSchemaValidator _schemas;

    private OpenApiContract(JsonObject document)
    {
        Document = document;
        _schemas = new JsonSchemaValidator(new Dictionary<string, JsonNode> { [DocumentName] = document });
        Operations = [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(method => new ApiOperation(method.Key.ToUpperInvariant(), path.Key, method.Value!.AsObject())))];
    }

    public JsonObject Document { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Loads <c>/openapi/v1.json</c> from the host.</summary>
    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return new OpenApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The operation a request is for; a literal segment beats a template variable.</summary>
    public ApiOperation? Find(string method, string path) =>
        Operations.Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Matches(path))
            .OrderBy(o => o.Template.Count(c => c == '{'))
            .FirstOrDefault();

    /// <summary>What is wrong with a response to <paramref name="method"/> <paramref name="path"/>, by the document; empty when nothing.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        var operation = Find(method, path);
        if (operation is null)
            return [$"{method} {path}: no operation in the document"];
        if (operation.Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
            return [$"{operation.Name}: status {status} is not declared (declared: {string.Join(", ", operation.Statuses)}); body: {Shorten(body)}"];
        if (response["content"] is not JsonObject content || content.Count == 0)
            return body.Length == 0 ? [] : [$"{operation.Name} {status}: a body was sent where none is declared: {Shorten(body)}"];
        if (mediaType is null || content[mediaType] is not JsonObject media)
            return [$"{operation.Name} {status}: media type '{mediaType}' is not declared ({string.Join(", ", content.Select(c => c.Key))})"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
            return [];
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return [$"{operation.Name} {status}: the body is not JSON ({e.Message}): {Shorten(body)}"];
        }

        if (media["schema"] is null)
            return [];
        var pointer = $"#/paths/{Escape(operation.Template)}/{operation.Method.ToLowerInvariant()}/responses/{status}/content/{Escape(mediaType)}/schema";
        return [.. _schemas.Validate(instance, DocumentName, pointer).Select(e => $"{operation.Name} {status}: {e}; body: {Shorten(body)}")];
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
