using System.Text.Json.Nodes;
using Hotline.Workflows.Activities.Flow;

namespace Hotline.Workflows.Definitions;

/// <summary>
/// Brings the older definition shapes Elsa 3.8 still reads into the current shape, in place. The reader calls it on
/// every document it parses, so whatever is stored, saved or exported afterwards is in the current shape:
/// top-level <c>usableAsActivity</c> moves under <c>options</c> (a value already there wins, as in Elsa's mapper), and
/// every flowchart's connections become <c>{source:{activity,port}, target:{activity,port}}</c>. A flowchart's
/// <c>start</c> and <c>applicationProperties</c> are kept as they are; Elsa 3.8 reads neither.
/// </summary>
public static class OlderShapes
{
    /// <summary>Rewrites <paramref name="document"/> (a definition without <c>$schema</c>) into the current shape.</summary>
    public static void Normalise(JsonObject document)
    {
        if (document["usableAsActivity"] is JsonValue legacy && legacy.TryGetValue<bool>(out var usable))
        {
            document.Remove("usableAsActivity");
            if (document["options"] is not JsonObject options)
                document["options"] = options = new JsonObject();
            if (options["usableAsActivity"] is not JsonValue current || !current.TryGetValue<bool>(out _))
                options["usableAsActivity"] = usable;
        }

        if (document["root"] is JsonObject root)
            NormaliseFlowcharts(root);
    }

    private static void NormaliseFlowcharts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                if (json["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Elsa.Flowchart" && !ConnectionShapes.IsCurrent(json["connections"]))
                    json["connections"] = ConnectionShapes.Write(ConnectionShapes.Read(json["connections"]));
                foreach (var (_, value) in json.ToList())
                    NormaliseFlowcharts(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    NormaliseFlowcharts(item);
                break;
        }
    }
}
