using System.Text.Json.Nodes;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>One connection as written in a flowchart's JSON, before its ids are resolved to activities; <c>Index</c> is its position (for error paths).</summary>
public sealed record ConnectionJson(int Index, string? SourceId, string? SourcePort, string? TargetId, string? TargetPort, JsonNode? Vertices);

/// <summary>
/// Reads a flowchart's <c>connections</c> in every shape Elsa 3.8's flowchart reader accepts, and writes the current one.
/// Current: <c>[{source:{activity,port}, target:{activity,port}, vertices}]</c>, property names camel- or PascalCase.
/// Older: flat ids <c>{source, target, sourcePort, targetPort}</c> (ports optional), a single connection object
/// instead of an array, and the <c>{"$values": [...]}</c> wrapper.
/// </summary>
public static class ConnectionShapes
{
    /// <summary>The connections of a <c>connections</c> value; none when it is absent, null or of no shape Elsa reads.</summary>
    public static IReadOnlyList<ConnectionJson> Read(JsonNode? connections)
    {
        var items = connections switch
        {
            JsonArray array => array.ToList(),
            JsonObject wrapper when wrapper["$values"] is JsonArray values => values.ToList(),
            JsonObject single when Property(single, "source") is not null => [single],
            _ => new List<JsonNode?>(),
        };
        var result = new List<ConnectionJson>();
        for (var i = 0; i < items.Count; i++)
            if (items[i] is JsonObject json)
                result.Add(ReadOne(i, json));
        return result;
    }

    /// <summary>Whether a <c>connections</c> value is already in the current shape (an array of nested camelCase endpoints).</summary>
    public static bool IsCurrent(JsonNode? connections) =>
        connections is null || (connections is JsonArray array && array.All(c =>
            c is JsonObject json && json["source"] is JsonObject s && json["target"] is JsonObject t && s.ContainsKey("activity") && t.ContainsKey("activity")));

    /// <summary>The current shape of <paramref name="connections"/>, as Elsa 3.8 writes it.</summary>
    public static JsonArray Write(IEnumerable<ConnectionJson> connections) =>
        new(connections.Select(c =>
        {
            var json = new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.SourceId, ["port"] = c.SourcePort },
                ["target"] = new JsonObject { ["activity"] = c.TargetId, ["port"] = c.TargetPort },
            };
            if (c.Vertices is not null)
                json["vertices"] = c.Vertices.DeepClone();
            return (JsonNode?)json;
        }).ToArray());

    private static ConnectionJson ReadOne(int index, JsonObject json)
    {
        var source = Property(json, "source");
        var target = Property(json, "target");
        var (sourceId, sourcePort) = source is JsonObject s ? (Text(Property(s, "activity")), Text(Property(s, "port"))) : (Text(source), Text(Property(json, "sourcePort")));
        var (targetId, targetPort) = target is JsonObject t ? (Text(Property(t, "activity")), Text(Property(t, "port"))) : (Text(target), Text(Property(json, "targetPort")));
        return new ConnectionJson(index, sourceId, sourcePort, targetId, targetPort, Property(json, "vertices"));
    }

    // Elsa's connection reader tries the camelCase name, then the PascalCase one.
    private static JsonNode? Property(JsonObject json, string name) => json[name] ?? json[char.ToUpperInvariant(name[0]) + name[1..]];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
