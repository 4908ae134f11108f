using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Definitions;

/// <summary>Reads and writes Elsa 3 definition JSON (plain definitions and exports, with or without <c>$schema</c> and a byte-order mark).</summary>
public static class WorkflowDefinitionReader
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Parses definition JSON into the current shape (<see cref="OlderShapes"/>). Structural problems throw
    /// <see cref="WorkflowDefinitionException"/> naming the JSON path.
    /// </summary>
    public static WorkflowDefinition Parse(string json)
    {
        if (json.Length > 0 && json[0] == '\uFEFF')
            json = json[1..];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionException(new DefinitionError($"Malformed JSON: {e.Message}", e.Path ?? $"line {e.LineNumber + 1}"));
        }

        if (node is not JsonObject document)
            throw new WorkflowDefinitionException(new DefinitionError("A workflow definition must be a JSON object.", "$"));
        document.Remove("$schema");
        // Elsa's API wraps definitions in {"model": ...} on save and returns them bare; accept both.
        if (document["root"] is null && document["model"] is JsonObject model)
        {
            document = (JsonObject)model.DeepClone();
            document.Remove("$schema");
        }

        var errors = new List<DefinitionError>();
        if (document["root"] is not JsonObject root)
            errors.Add(new DefinitionError("The definition has no root activity object.", "$.root"));
        else if (root["type"] is not JsonValue rootType || !rootType.TryGetValue<string>(out _))
            errors.Add(new DefinitionError("The root activity has no type.", "$.root.type"));
        foreach (var name in new[] { "variables", "inputs", "outputs", "outcomes" })
            if (document[name] is { } value && value is not JsonArray)
                errors.Add(new DefinitionError($"'{name}' must be an array.", "$." + name));
        if (document["definitionId"] is { } definitionId && (definitionId is not JsonValue dv || !dv.TryGetValue<string>(out _)))
            errors.Add(new DefinitionError("'definitionId' must be a string.", "$.definitionId"));
        if (errors.Count > 0)
            throw new WorkflowDefinitionException(errors);
        OlderShapes.Normalise(document);
        return new WorkflowDefinition(document);
    }

    /// <summary>Parses definition bytes (UTF-8, optional byte-order mark).</summary>
    public static WorkflowDefinition Parse(ReadOnlySpan<byte> utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Reads a definition file.</summary>
    public static WorkflowDefinition ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Writes a definition as JSON; <paramref name="export"/> adds Elsa's <c>$schema</c> first, as Elsa's exports do.</summary>
    public static string Write(WorkflowDefinition definition, bool export = false)
    {
        var document = definition.Document;
        if (export)
        {
            var copy = new JsonObject { ["$schema"] = WorkflowDefinition.SchemaUrl };
            foreach (var (key, value) in document)
                if (key != "links")
                    copy[key] = value?.DeepClone();
            document = copy;
        }

        return document.ToJsonString(WriteOptions);
    }
}
