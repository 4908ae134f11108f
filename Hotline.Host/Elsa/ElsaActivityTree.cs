using System.Text.Json.Nodes;

namespace Hotline.Host.Elsa;

/// <summary>The activities of an Elsa activity tree as the Studio sends and reads it.</summary>
internal static class ElsaActivityTree
{
    // The embedded ports of the engine's activities, and the root of a workflow used as an activity.
    private static readonly string[] Ports = ["body", "then", "else", "default", "root"];

    /// <summary>
    /// <paramref name="activity"/> and every activity under it: those of flowcharts and sequences (<c>activities</c>),
    /// forks (<c>branches</c>), embedded ports (a loop's or FlowNode's <c>body</c>, an If's <c>then</c> and <c>else</c>, a
    /// Switch's <c>default</c> and its cases' <c>activity</c>) and the body of a workflow used as an activity as the
    /// subgraph renders it (<c>root</c>).
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
        foreach (var port in Ports)
            if (activity[port] is JsonObject child)
                yield return child;
        foreach (var @case in (activity["cases"] as JsonArray ?? []).OfType<JsonObject>())
            if (@case["activity"] is JsonObject child)
                yield return child;
    }
}
