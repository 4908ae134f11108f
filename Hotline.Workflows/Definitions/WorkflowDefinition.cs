using System.Globalization;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Definitions;

/// <summary>
/// One version of an Elsa 3 workflow definition. The JSON document is the source of truth, so loading and saving keep
/// every property (designer positions, custom properties, fields this engine does not use); the typed members read and
/// write that document.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>The <c>$schema</c> Elsa writes on exports.</summary>
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>Wraps a definition document (without <c>$schema</c>).</summary>
    public WorkflowDefinition(JsonObject document) => Document = document;

    /// <summary>The whole definition as JSON.</summary>
    public JsonObject Document { get; }

    /// <summary>Version id (unique per version).</summary>
    public string Id { get => GetString("id") ?? ""; set => Document["id"] = value; }

    /// <summary>Definition id (stable across versions).</summary>
    public string DefinitionId { get => GetString("definitionId") ?? ""; set => Document["definitionId"] = value; }

    /// <summary>Name.</summary>
    public string? Name { get => GetString("name"); set => Document["name"] = value; }

    /// <summary>Description.</summary>
    public string? Description => GetString("description");

    /// <summary>1-based version number.</summary>
    public int Version
    {
        get => Document["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
        set => Document["version"] = value;
    }

    /// <summary>Whether this is the latest version.</summary>
    public bool IsLatest { get => GetBool("isLatest"); set => Document["isLatest"] = value; }

    /// <summary>Whether this is the published version.</summary>
    public bool IsPublished { get => GetBool("isPublished"); set => Document["isPublished"] = value; }

    /// <summary>When this version was created.</summary>
    public DateTimeOffset CreatedAt
    {
        get => GetString("createdAt") is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : default;
        set => Document["createdAt"] = value.ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>The root activity.</summary>
    public JsonObject Root => Document["root"] as JsonObject ?? throw new InvalidOperationException("The definition has no root activity.");

    /// <summary>Workflow variables.</summary>
    public IReadOnlyList<VariableDefinition> Variables => ReadArray("variables").Select(VariableDefinition.From).ToList();

    /// <summary>Inputs of the workflow (also its inputs when used as an activity).</summary>
    public IReadOnlyList<WorkflowIoDefinition> Inputs => ReadArray("inputs").Select(WorkflowIoDefinition.From).ToList();

    /// <summary>Outputs of the workflow.</summary>
    public IReadOnlyList<WorkflowIoDefinition> Outputs => ReadArray("outputs").Select(WorkflowIoDefinition.From).ToList();

    /// <summary>Outcomes of the workflow when used as an activity.</summary>
    public IReadOnlyList<string> Outcomes => ReadArray("outcomes").Select(x => x.ToString()).ToList();

    /// <summary>Whether other definitions may use this one as an activity.</summary>
    public bool UsableAsActivity => (Document["options"] as JsonObject)?["usableAsActivity"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>
    /// The activity type name other definitions use for this one: its name in PascalCase (as Elsa's
    /// <c>Pascalize</c>: each word after a space or underscore starts with a capital), without spaces or punctuation.
    /// </summary>
    public string ActivityTypeName
    {
        get
        {
            var name = Name ?? DefinitionId;
            var result = new System.Text.StringBuilder(name.Length);
            var wordStart = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                    result.Append(wordStart ? char.ToUpperInvariant(c) : c);
                wordStart = c is ' ' or '_';
            }

            return result.ToString();
        }
    }

    /// <summary>A deep copy.</summary>
    public WorkflowDefinition Clone() => new((JsonObject)Document.DeepClone());

    private string? GetString(string name) => Document[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private bool GetBool(string name) => Document[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private IEnumerable<JsonNode> ReadArray(string name) => (Document[name] as JsonArray ?? []).Where(x => x is not null)!;
}

/// <summary>A workflow variable: <c>{id, name, typeName, isArray, value, storageDriverTypeName}</c>.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, JsonNode? Value)
{
    /// <summary>Reads a variable from its JSON.</summary>
    public static VariableDefinition From(JsonNode node)
    {
        var name = node["name"]?.GetValue<string>() ?? "";
        return new(node["id"]?.GetValue<string>() ?? name, name, node["typeName"]?.GetValue<string>() ?? "Object",
            node["isArray"] is JsonValue a && a.TryGetValue<bool>(out var isArray) && isArray, node["value"]?.DeepClone());
    }
}

/// <summary>An input or output of a workflow: <c>{type, name, displayName, ...}</c>.</summary>
public sealed record WorkflowIoDefinition(string Name, string Type, string? DisplayName, string? Description)
{
    /// <summary>Reads from JSON.</summary>
    public static WorkflowIoDefinition From(JsonNode node) =>
        new(node["name"]?.GetValue<string>() ?? "", node["type"]?.GetValue<string>() ?? "Object", node["displayName"]?.GetValue<string>(), node["description"]?.GetValue<string>());
}
