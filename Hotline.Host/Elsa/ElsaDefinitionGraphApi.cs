using System.Text.Json.Nodes;
using Hotline.Workflows.Activities.Composition;
using Hotline.Workflows.Activities.Flow;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// The graph of a definition version as the engine compiles it, workflows used as activities included (their root
/// under the <c>root</c> property, their node ids under the using node's). The viewer asks for it when it selects a
/// node outside the container it shows (an incident inside a child workflow): the path to the node, then the
/// container's subgraph (CONTRACT §4.1 #24).
/// </summary>
internal static class ElsaDefinitionGraphApi
{
    /// <summary>Maps the graph endpoints.</summary>
    public static void MapElsaDefinitionGraph(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow-definitions/subgraph/{id}", async (string id, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        {
            if (await CompileAsync(runtime, id, cancellationToken) is not { } blueprint)
                return ElsaWire.NotFound($"Workflow definition version '{id}' does not exist.");
            var parentNodeId = new ElsaQuery(request.Query).Text("parentNodeId");
            var node = parentNodeId is not null && blueprint.Nodes.TryGetValue(parentNodeId, out var found) ? found : blueprint.Root;
            var answer = ToNode(node);
            // The child's own workflows used as activities open in turn.
            await ChildWorkflowReferences.AddAsync((JsonObject)answer["activity"]!, runtime.Definitions, cancellationToken);
            return ElsaWire.Json(answer);
        });
        api.MapGet("/workflow-definitions/subgraph/segments/{id}", async (string id, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        {
            if (await CompileAsync(runtime, id, cancellationToken) is not { } blueprint)
                return ElsaWire.NotFound($"Workflow definition version '{id}' does not exist.");
            var childNodeId = new ElsaQuery(request.Query).Text("childNodeId");
            if (childNodeId is null || !blueprint.Nodes.TryGetValue(childNodeId, out var child))
                return ElsaWire.BadRequest("Unknown node ID.", new Dictionary<string, string[]> { ["childNodeId"] = [$"Version '{id}' has no node '{childNodeId}'."] });

            // Outermost first: every composite entered on the way down (flowcharts are the canvas itself, not a segment).
            var segments = new List<JsonObject>();
            ActivityNode? container = null;
            for (var (previous, current) = (child, child.Parent); current is not null; (previous, current) = (current, current.Parent))
            {
                if (current.Activity is Flowchart)
                    continue;
                segments.Insert(0, new JsonObject
                {
                    ["activityNodeId"] = current.NodeId,
                    ["activityId"] = current.Id,
                    ["activityType"] = current.Type,
                    ["portName"] = PortOf(current, previous),
                    ["activityName"] = current.Name ?? current.Type,
                });
                container ??= current;
            }

            container ??= Top(child);
            var (childAnswer, containerAnswer) = (ToNode(child), ToNode(container));
            foreach (var answer in new[] { childAnswer, containerAnswer })
                await ChildWorkflowReferences.AddAsync((JsonObject)answer["activity"]!, runtime.Definitions, cancellationToken);
            return ElsaWire.Json(new JsonObject
            {
                ["childNode"] = childAnswer,
                ["container"] = containerAnswer,
                ["pathSegments"] = new JsonArray(segments.Select(s => (JsonNode?)s).ToArray()),
            });
        });
    }

    private static async Task<WorkflowBlueprint?> CompileAsync(WorkflowRuntime runtime, string versionId, CancellationToken cancellationToken)
    {
        if (await runtime.Definitions.FindByVersionIdAsync(versionId, cancellationToken) is not { } definition)
            return null;
        try
        {
            return await runtime.CompileAsync(definition, cancellationToken);
        }
        catch (WorkflowDefinitionException)
        {
            return null;
        }
    }

    private static ActivityNode Top(ActivityNode node)
    {
        while (node.Parent is not null)
            node = node.Parent;
        return node;
    }

    // The property of a composite that holds the child: a workflow's root, a fork's branches.
    private static string PortOf(ActivityNode parent, ActivityNode child) => parent.Activity switch
    {
        WorkflowDefinitionActivity => "Root",
        Fork => "Branches",
        _ => parent.Json.FirstOrDefault(p => p.Value is JsonObject o && ElsaWire.Text(o["id"]) == child.Id).Key is { } key ? char.ToUpperInvariant(key[0]) + key[1..] : "Root",
    };

    private static JsonObject ToNode(ActivityNode node) => new()
    {
        ["activity"] = Render(node),
        ["nodeId"] = node.NodeId,
        ["parents"] = new JsonArray(),
        ["children"] = new JsonArray(),
    };

    /// <summary>The node's JSON with the engine's node ids, and for a workflow used as an activity its root.</summary>
    private static JsonObject Render(ActivityNode node)
    {
        var json = (JsonObject)node.Json.DeepClone();
        json["nodeId"] = node.NodeId;
        json["version"] = node.Version;
        foreach (var child in node.Children)
            if (!Place(json, child))
                json["root"] = Render(child);
        return json;
    }

    // Puts the rendered child where the node's JSON holds it: in activities or branches, in an embedded port (body,
    // then, else, default) or in a switch case; false when the JSON does not hold it (a workflow used as an activity).
    private static bool Place(JsonObject json, ActivityNode child)
    {
        bool Holds(JsonNode? node) => node is JsonObject activity && ElsaWire.Text(activity["id"]) == child.Id;
        var placed = false;
        foreach (var container in new[] { "activities", "branches" })
            if (json[container] is JsonArray array)
                for (var i = 0; i < array.Count; i++)
                    if (Holds(array[i]))
                        (array[i], placed) = (Render(child), true);
        foreach (var (key, value) in json.ToList())
            if (key != "root" && Holds(value))
                (json[key], placed) = (Render(child), true);
        foreach (var @case in (json["cases"] as JsonArray ?? []).OfType<JsonObject>())
            if (Holds(@case["activity"]))
                (@case["activity"], placed) = (Render(child), true);
        return placed;
    }
}
