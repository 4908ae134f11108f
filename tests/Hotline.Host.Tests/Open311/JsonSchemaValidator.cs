using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Open311;

/// <summary>
/// A JSON Schema validator for the subset the Open311 schema files use (the NuGet feed here has no validator that
/// restores): <c>type</c> (with <c>integer</c>), <c>required</c>, <c>properties</c>, <c>additionalProperties: false</c>,
/// <c>items</c>, <c>$ref</c> (to another file of the folder, <c>request.json</c> → <c>request.schema.json</c>, or to
/// <c>#/definitions/…</c> in the same file), <c>anyOf</c>, <c>enum</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>minItems</c>/<c>maxItems</c> and the formats <c>date-time</c> and <c>uri</c>. A keyword it does not know makes it
/// throw, so a schema it cannot check is never passed silently.
/// </summary>
public sealed partial class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "default", "example", "examples", "$schema", "id", "$id", "uniqueItems", "format",
    };

    private readonly string _directory;
    private readonly Dictionary<string, JsonNode> _files = new(StringComparer.Ordinal);

    public JsonSchemaValidator(string directory) => _directory = directory;

    /// <summary>The GeoReport v2 schemas of <c>shared/reference/open311</c>.</summary>
    public static JsonSchemaValidator Open311() => new(SharedFiles.Path("reference", "open311"));

    /// <summary>The violations of <paramref name="instance"/> against a schema file, or of one of its definitions (<c>#/definitions/X</c>).</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, string schemaFile, string? definition = null)
    {
        var errors = new List<string>();
        var schema = definition is null ? File(schemaFile) : Resolve(schemaFile, definition);
        Check(instance, schema, schemaFile, "$", errors);
        return errors;
    }

    /// <summary>Fails the test with every violation.</summary>
    public void AssertValid(JsonNode? instance, string schemaFile, string? definition = null)
    {
        var errors = Validate(instance, schemaFile, definition);
        Assert.True(errors.Count == 0, $"{schemaFile}{definition}: {string.Join("; ", errors)}\n{instance?.ToJsonString()}");
    }

    private void Check(JsonNode? instance, JsonNode schema, string file, string path, List<string> errors)
    {
        if (schema is not JsonObject rules)
            throw new NotSupportedException($"{file}: a schema at {path} is not an object.");
        foreach (var (keyword, value) in rules)
        {
            switch (keyword)
            {
                case "$ref":
                    var reference = value!.GetValue<string>();
                    var (targetFile, pointer) = reference.StartsWith('#') ? (file, reference) : (SchemaFileOf(reference), null);
                    Check(instance, pointer is null ? File(targetFile) : Resolve(targetFile, pointer), targetFile, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [value!.GetValue<string>()];
                    if (!types.Any(t => HasType(instance, t)))
                        errors.Add($"{path}: {Kind(instance)} is not {string.Join(" or ", types)}");
                    break;
                case "required":
                    if (instance is JsonObject required)
                    {
                        foreach (var name in value!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !required.ContainsKey(n)))
                            errors.Add($"{path}: required property '{name}' is missing");
                    }

                    break;
                case "properties":
                    if (instance is JsonObject obj)
                    {
                        foreach (var (name, propertySchema) in value!.AsObject())
                        {
                            if (obj.TryGetPropertyValue(name, out var property))
                                Check(property, propertySchema!, file, $"{path}.{name}", errors);
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value!.GetValueKind() != JsonValueKind.False)
                        throw new NotSupportedException($"{file}: only additionalProperties: false is supported.");
                    if (instance is JsonObject closed)
                    {
                        var known = rules["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                        foreach (var (name, _) in closed.Where(p => !known.Contains(p.Key)))
                            errors.Add($"{path}: property '{name}' is not allowed");
                    }

                    break;
                case "items":
                    if (instance is JsonArray array)
                    {
                        for (var i = 0; i < array.Count; i++)
                            Check(array[i], value!, file, $"{path}[{i}]", errors);
                    }

                    break;
                case "anyOf":
                    var branches = value!.AsArray().Select(branch =>
                    {
                        var branchErrors = new List<string>();
                        Check(instance, branch!, file, path, branchErrors);
                        return branchErrors;
                    }).ToList();
                    if (branches.All(b => b.Count > 0))
                        errors.Add($"{path}: matches none of anyOf ({string.Join(" | ", branches.Select(b => string.Join(", ", b)))})");
                    break;
                case "enum":
                    if (!value!.AsArray().Any(option => JsonNode.DeepEquals(option, instance)))
                        errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not one of {value.ToJsonString()}");
                    break;
                case "maxLength":
                    if (instance is JsonValue longText && longText.GetValueKind() == JsonValueKind.String && Length(longText) > value!.GetValue<int>())
                        errors.Add($"{path}: longer than {value} characters");
                    break;
                case "minLength":
                    if (instance is JsonValue shortText && shortText.GetValueKind() == JsonValueKind.String && Length(shortText) < value!.GetValue<int>())
                        errors.Add($"{path}: shorter than {value} characters");
                    break;
                case "minItems":
                    if (instance is JsonArray few && few.Count < value!.GetValue<int>())
                        errors.Add($"{path}: fewer than {value} items");
                    break;
                case "maxItems":
                    if (instance is JsonArray lots && lots.Count > value!.GetValue<int>())
                        errors.Add($"{path}: more than {value} items");
                    break;
                default:
                    if (!Annotations.Contains(keyword))
                        throw new NotSupportedException($"{file}: keyword '{keyword}' at {path} is not supported by this validator.");
                    break;
            }
        }

        if (rules["format"]?.GetValue<string>() is { } format && instance is JsonValue text && text.GetValueKind() == JsonValueKind.String && !HasFormat(text.GetValue<string>(), format))
            errors.Add($"{path}: '{text.GetValue<string>()}' is not a {format}");
    }

    private static bool HasType(JsonNode? instance, string type) => type switch
    {
        "null" => instance is null || instance.GetValueKind() == JsonValueKind.Null,
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance?.GetValueKind() == JsonValueKind.String,
        "boolean" => instance?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => instance?.GetValueKind() == JsonValueKind.Number,
        "integer" => instance?.GetValueKind() == JsonValueKind.Number && decimal.TryParse(instance.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n),
        _ => throw new NotSupportedException($"type '{type}' is not supported."),
    };

    private static string Kind(JsonNode? instance) => instance is null ? "null" : instance.GetValueKind().ToString();

    // JSON Schema counts characters as code points.
    private static int Length(JsonValue text)
    {
        var s = text.GetValue<string>();
        return s.Length - s.Count(char.IsLowSurrogate);
    }

    private static bool HasFormat(string text, string format) => format switch
    {
        // RFC 3339: a full date, a time and an offset (Z or ±hh:mm).
        "date-time" => DateTime3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        _ => true,
    };

    private JsonNode File(string name)
    {
        if (!_files.TryGetValue(name, out var node))
            _files[name] = node = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(_directory, name)))!;
        return node;
    }

    private JsonNode Resolve(string file, string pointer)
    {
        var node = File(file);
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] ?? throw new KeyNotFoundException($"{file}{pointer} does not exist.");
        return node;
    }

    // The schema-validation project refers to its schemas as request.json; this folder names them request.schema.json.
    private string SchemaFileOf(string reference)
    {
        var direct = Path.GetFileName(reference);
        return System.IO.File.Exists(Path.Combine(_directory, direct)) ? direct : Path.GetFileNameWithoutExtension(direct) + ".schema.json";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime3339();
}
