using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hotline.Workflows.Definitions;
using Microsoft.Extensions.Primitives;

namespace Hotline.Host.Elsa;

/// <summary>
/// The wire conventions of Elsa's API (CONTRACT §3): camelCase names (the Studio matches them case-sensitively), enums
/// as names, nulls left out (an explicit null would replace the Studio's empty collections), moments with offsets.
/// </summary>
internal static class ElsaWire
{
    /// <summary>The serializer options of every answer.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A JSON answer (200 unless told), moments in the hotline's time zone (<see cref="ElsaWireFormat"/>).</summary>
    public static IResult Json(object value, int statusCode = StatusCodes.Status200OK) => new ElsaJsonResult(value, statusCode);

    /// <summary>A 400 answer the Studio shows: ProblemDetails whose <c>errors</c> it flattens into a snackbar.</summary>
    public static IResult BadRequest(string title, IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: title);

    /// <summary>A 400 answer for a definition that does not compile or validate, one entry per activity input or path.</summary>
    public static IResult Invalid(string title, WorkflowDefinitionException exception) => BadRequest(title, Errors(exception));

    /// <summary>
    /// The problems of a definition keyed by where they are (<c>activity:{id}.{input}</c>, <c>activity:{id}</c> or a JSON
    /// path); each message names the activity and input itself, since the Studio shows the messages alone.
    /// </summary>
    public static Dictionary<string, string[]> Errors(WorkflowDefinitionException exception) =>
        exception.Errors
            .GroupBy(e => e.ActivityId is null ? e.Path ?? "definition" : e.Input is null ? $"activity:{e.ActivityId}" : $"activity:{e.ActivityId}.{e.Input}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray());

    /// <summary>A 404 answer.</summary>
    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>Reads a JSON object body; null when the body is empty.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
            return (null, null);
        try
        {
            var node = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
            return node is JsonObject obj || node is null
                ? (node as JsonObject, null)
                : (null, BadRequest("The request body is not valid.", new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] }));
        }
        catch (JsonException e)
        {
            return (null, BadRequest("The request body is not valid JSON.", new Dictionary<string, string[]> { [e.Path ?? "$"] = [$"Malformed JSON: {e.Message}"] }));
        }
    }

    /// <summary>A string property of a request body; numbers and booleans are accepted as text.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>The strings of an array property of a request body.</summary>
    public static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();

    /// <summary>An enum property sent as a name (what the client sends) or a number.</summary>
    public static T? Enum<T>(JsonNode? node) where T : struct, System.Enum =>
        Text(node) is { } text && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
}

/// <summary>
/// The query string as the Studio writes it (CONTRACT §3): Refit keeps PascalCase names and .NET formatting
/// (<c>IsSystem=False</c>, <c>DefinitionIds=a&amp;DefinitionIds=b</c>), an empty value means "not given".
/// </summary>
internal sealed class ElsaQuery(IQueryCollection query)
{
    /// <summary>The first non-empty value.</summary>
    public string? Text(string name) =>
        query.TryGetValue(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrEmpty(v)) : null;

    /// <summary>An integer, or null when absent or not a number.</summary>
    public int? Int(string name) =>
        Text(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A Boolean (<c>True</c>/<c>false</c>), or null.</summary>
    public bool? Bool(string name) => Text(name) is { } text && bool.TryParse(text, out var value) ? value : null;

    /// <summary>Every non-empty value of a repeated key (also comma-separated).</summary>
    public IReadOnlyList<string> List(string name) =>
        query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    /// <summary>Whether the key is present at all (even empty).</summary>
    public bool Has(string name) => query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values);
}

/// <summary>What <c>versionOptions</c> selects.</summary>
internal enum VersionSelection
{
    /// <summary>No filter (an empty or absent value).</summary>
    Any,

    /// <summary>The latest version.</summary>
    Latest,

    /// <summary>The published version.</summary>
    Published,

    /// <summary>Versions that are latest or published.</summary>
    LatestOrPublished,

    /// <summary>A version that is latest and published.</summary>
    LatestAndPublished,

    /// <summary>Unpublished versions.</summary>
    Draft,

    /// <summary>Every version.</summary>
    AllVersions,

    /// <summary>One version number.</summary>
    Specific,
}

/// <summary>Elsa's <c>VersionOptions</c>: <c>Latest</c>, <c>Published</c>, ..., or a version number.</summary>
internal readonly record struct VersionOptions(VersionSelection Selection, int Number = 0)
{
    /// <summary>Parses a value; an empty one is <paramref name="fallback"/>; an unknown one is null.</summary>
    public static VersionOptions? Parse(string? text, VersionSelection fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new VersionOptions(fallback);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return new VersionOptions(VersionSelection.Specific, number);
        return System.Enum.TryParse<VersionSelection>(text, ignoreCase: true, out var selection) && selection is not VersionSelection.Specific and not VersionSelection.Any
            ? new VersionOptions(selection)
            : null;
    }

    /// <summary>Whether a version is selected.</summary>
    public bool Matches(WorkflowDefinition version) => Selection switch
    {
        VersionSelection.Latest => version.IsLatest,
        VersionSelection.Published => version.IsPublished,
        VersionSelection.LatestOrPublished => version.IsLatest || version.IsPublished,
        VersionSelection.LatestAndPublished => version.IsLatest && version.IsPublished,
        VersionSelection.Draft => !version.IsPublished,
        VersionSelection.Specific => version.Version == Number,
        _ => true,
    };
}
