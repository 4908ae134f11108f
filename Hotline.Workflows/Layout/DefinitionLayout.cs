using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Layout;

/// <summary>
/// Lays out a flowchart definition file (Elsa 3 JSON): every activity of the root flowchart gets the position
/// <see cref="LayeredLayout"/> gives it, and a node with many outcomes a height that keeps its port labels apart.
/// Nothing else in the file changes: same property order, two-space indentation, Chinese text unescaped.
/// </summary>
public static class DefinitionLayout
{
    private const double DefaultWidth = 200;
    private const double DefaultHeight = 50;

    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file's text with the layout applied (unchanged text when the layout already holds).</summary>
    public static string Apply(string json, LayoutGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonNode.Parse(json)!.AsObject();
        if (document["root"] is not JsonObject root || root["activities"] is not JsonArray activities)
            return json;
        var connectionsJson = (root["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["source"]?["activity"] is not null && c["target"]?["activity"] is not null).ToList();
        var connections = connectionsJson
            .Select(c => (Source: c["source"]?["activity"]?.GetValue<string>(), Port: c["source"]?["port"]?.GetValue<string>(), Target: c["target"]?["activity"]?.GetValue<string>()))
            .ToList();
        grid ??= LayoutGrid.Default;

        var nodes = new List<LayoutNode>();
        var roots = new List<string>();
        foreach (var activity in activities.OfType<JsonObject>())
        {
            var id = activity["id"]!.GetValue<string>();
            var designer = Designer(activity);
            var size = designer["size"] as JsonObject;
            var width = Math.Max(size?["width"]?.GetValue<double>() ?? DefaultWidth, grid.NodeWidth);
            var height = Math.Max(size?["height"]?.GetValue<double>() ?? DefaultHeight, PortHeight(activity, connections.Where(c => c.Source == id).Select(c => c.Port), grid));
            designer["size"] = new JsonObject { ["width"] = Number(width), ["height"] = Number(height) };
            nodes.Add(new LayoutNode(id, width, height));
            if (activity["type"]?.GetValue<string>() == "Elsa.Start")
                roots.Add(id);
        }

        var edges = connections.Select(c => new LayoutEdge(c.Source!, c.Target!)).ToList();
        var positions = LayeredLayout.Arrange(new LayoutGraph(nodes, edges, roots), grid);
        var routes = LayoutRoutes.Route(nodes, positions, edges, grid);
        for (var i = 0; i < connectionsJson.Count; i++)
            SetVertices(connectionsJson[i], routes[i]);
        foreach (var activity in activities.OfType<JsonObject>())
        {
            var position = positions[activity["id"]!.GetValue<string>()];
            var designer = Designer(activity);
            var size = designer["size"];
            designer.Remove("size");
            designer["position"] = new JsonObject { ["x"] = Number(position.X), ["y"] = Number(position.Y) };
            designer["size"] = size;
        }

        var text = document.ToJsonString(Format);
        var newline = json.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        text = text.ReplaceLineEndings(newline);
        return json.EndsWith('\n') ? text + newline : text;
    }

    /// <summary>The height at which a node's outcome ports (the connected ones, and every case of a switch plus its default) stand a port pitch apart.</summary>
    private static double PortHeight(JsonObject activity, IEnumerable<string?> connectedPorts, LayoutGrid grid)
    {
        var ports = connectedPorts.Select(p => p ?? "Done").Distinct(StringComparer.Ordinal).Count();
        if (activity["cases"] is JsonArray cases)
            ports = Math.Max(ports, cases.Count + 1);
        return ports <= 2 ? 0 : (ports + 1) * grid.PortPitch;
    }

    /// <summary>Elsa's connection bends (<c>vertices</c>, after source and target), or none.</summary>
    private static void SetVertices(JsonObject connection, IReadOnlyList<LayoutPosition> bends)
    {
        connection.Remove("vertices");
        if (bends.Count > 0)
            connection["vertices"] = new JsonArray([.. bends.Select(b => new JsonObject { ["x"] = Number(b.X), ["y"] = Number(b.Y) })]);
    }

    private static JsonObject Designer(JsonObject activity)
    {
        if (activity["metadata"] is not JsonObject metadata)
            activity["metadata"] = metadata = [];
        if (metadata["designer"] is not JsonObject designer)
            metadata["designer"] = designer = [];
        return designer;
    }

    private static JsonValue Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < int.MaxValue ? JsonValue.Create((int)value) : JsonValue.Create(value);
}
