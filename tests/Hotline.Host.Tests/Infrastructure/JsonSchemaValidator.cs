using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// Validates JSON against schemas in a set of documents (JSON Schema files, or an OpenAPI document whose schemas are
/// JSON Schema 2020-12), with JsonSchema.Net and formats asserted. A schema is named by its document and an optional JSON
/// pointer into it (<c>#/definitions/X</c>, <c>#/components/schemas/X</c>); references between documents resolve by file
/// name.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly Uri _base = new($"https://schemas.hotline.test/{Guid.NewGuid():N}/");
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>A validator over <paramref name="documents"/> (name → document).</summary>
    public JsonSchemaValidator(IReadOnlyDictionary<string, JsonNode> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (name, document) in documents)
            _options.SchemaRegistry.Register(new Uri(_base, name), new JsonNodeBaseDocument(document, new Uri(_base, name)));
    }

    /// <summary>
    /// The GeoReport v2 schemas of <c>shared/reference/open311</c>. They refer to each other as <c>request.json</c> while
    /// the files are <c>request.schema.json</c>, so each is known by both names.
    /// </summary>
    public static JsonSchemaValidator Open311()
    {
        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(SharedFiles.Path("reference", "open311"), "*.schema.json"))
        {
            var name = System.IO.Path.GetFileName(file);
            documents[name] = documents[name.Replace(".schema.json", ".json", StringComparison.Ordinal)] = JsonNode.Parse(File.ReadAllText(file))!;
        }

        return new JsonSchemaValidator(documents);
    }

    /// <summary>The violations of <paramref name="instance"/>, each as <c>/instance/pointer: message</c>.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, string document, string? fragment = null)
    {
        var reference = new Uri(_base, document + (fragment ?? "")).ToString();
        var schema = _schemas.GetOrAdd(reference, r => new JsonSchemaBuilder().Ref(r).Build());
        var results = schema.Evaluate(instance, _options);
        if (results.IsValid)
            return [];
        return [.. (results.Details.Count == 0 ? [results] : results.Details)
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({e.Key} at {d.EvaluationPath})"))];
    }

    /// <summary>Fails the test with every violation.</summary>
    public void AssertValid(JsonNode? instance, string document, string? fragment = null)
    {
        var errors = Validate(instance, document, fragment);
        Assert.True(errors.Count == 0, $"{document}{fragment}: {string.Join("; ", errors)}\n{instance?.ToJsonString()}");
    }
}
