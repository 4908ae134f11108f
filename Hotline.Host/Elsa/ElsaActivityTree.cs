using System.Text.Json.Nodes;

namespace Hotline.Host.Elsa;

/// <summary>The activities of an Elsa activity tree as the Studio sends and reads it.</summary>
internal static class ElsaActivityTree
{
    /// <summary>
    /// <paramref name="activity"/> and every activity under it: those of flowcharts (<c>activities</c>), forks
    /// (<c>branches</c>) and the body of a workflow used as an activity as the subgraph renders it (<c>root</c>).
    /// </summary>
    public static IEnumerable<JsonObject> Descendants(JsonObject activity)
    {
        yield return activity;
        foreach (var child in Children(activity).Where(c => c["type"] is JsonValue))
            foreach (var descendant in Descendants(child))
                yield return descendant;
    }

    private static IEnumerable<JsonObject> Children(JsonObject activity)
    {
        foreach (var container in new[] { "activities", "branches" })
            foreach (var child in (activity[container] as JsonArray ?? []).OfType<JsonObject>())
                yield return child;
        if (activity["root"] is JsonObject root)
            yield return root;
    }
}
