using System.Text.Json.Nodes;

namespace Hotline.Bench.Designer;

/// <summary>
/// A generated definition for the designer benchmark: a flowchart of a Start and N activities (WriteLine and
/// SetVariable in turn) in one chain, laid out in rows of ten, left to right, so that the Studio draws it as given.
/// </summary>
internal static class ChainDefinition
{
    private const int PerRow = 10;

    public static JsonObject Create(string definitionId, int activities)
    {
        var nodes = new JsonArray { Node("start", "Elsa.Start", "Start", 0) };
        var connections = new JsonArray();
        var previous = "start";
        for (var i = 1; i <= activities; i++)
        {
            var id = $"step-{i}";
            var node = i % 2 == 0 ? Node(id, "Elsa.SetVariable", $"Set {i}", i) : Node(id, "Elsa.WriteLine", $"Write {i}", i);
            if (i % 2 == 0)
            {
                node["variable"] = new JsonObject { ["id"] = "var-Counter", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = null };
                node["value"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
            }
            else
            {
                node["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = $"step {i}" } };
            }

            nodes.Add(node);
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = previous, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = id, ["port"] = "In" },
            });
            previous = id;
        }

        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["variables"] = new JsonArray { new JsonObject { ["id"] = "var-Counter", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = null } },
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["id"] = definitionId + "-flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = nodes,
                ["connections"] = connections,
            },
        };
    }

    private static JsonObject Node(string id, string type, string name, int index) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["version"] = 1,
        ["name"] = name,
        ["metadata"] = new JsonObject
        {
            ["designer"] = new JsonObject
            {
                ["position"] = new JsonObject { ["x"] = index % PerRow * 280, ["y"] = index / PerRow * 160 },
                ["size"] = new JsonObject { ["width"] = 200, ["height"] = 50 },
            },
        },
    };
}
