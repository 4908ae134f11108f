using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;

namespace Hotline.Workflows.Runtime;

/// <summary>
/// Orders definitions read from files so that each comes after the definitions it uses as activities, whatever order
/// the files were given in (Elsa imports a folder of definitions that use each other).
/// </summary>
public static class DefinitionFileOrder
{
    /// <summary>
    /// The definitions, dependencies first. A type used by a definition that is neither a registered activity, nor
    /// one of <paramref name="definitions"/>, nor in <paramref name="known"/> is an error, and so is a cycle.
    /// </summary>
    public static IReadOnlyList<WorkflowDefinition> Sort(IReadOnlyList<WorkflowDefinition> definitions, ActivityRegistry registry, Func<string, bool>? known = null)
    {
        var ordered = new List<WorkflowDefinition>();
        var state = new Dictionary<WorkflowDefinition, bool>(); // false: being visited, true: done
        foreach (var definition in definitions)
            Visit(definition, definitions, registry, known ?? (_ => false), ordered, state, []);
        return ordered;
    }

    private static void Visit(WorkflowDefinition definition, IReadOnlyList<WorkflowDefinition> all, ActivityRegistry registry, Func<string, bool> known, List<WorkflowDefinition> ordered, Dictionary<WorkflowDefinition, bool> state, List<string> path)
    {
        if (state.TryGetValue(definition, out var done))
        {
            if (!done)
                throw new WorkflowDefinitionException([new DefinitionError($"The definitions use each other in a cycle: {string.Join(" → ", path.Append(definition.DefinitionId))}.", "$")]);
            return;
        }

        state[definition] = false;
        path.Add(definition.DefinitionId);
        foreach (var node in WorkflowRuntime.Walk(definition.Root))
        {
            var type = node["type"]?.GetValue<string>();
            var version = node["version"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
            if (type is null || registry.Find(type, version) is not null || registry.HasType(type))
                continue;
            var definitionId = node["workflowDefinitionId"] is System.Text.Json.Nodes.JsonValue idv && idv.TryGetValue<string>(out var id) ? id : null;
            var dependency = all.FirstOrDefault(d => d != definition && definitionId is not null && d.DefinitionId == definitionId)
                ?? all.FirstOrDefault(d => d != definition && d.ActivityTypeName == type);
            if (dependency is not null)
                Visit(dependency, all, registry, known, ordered, state, path);
            else if (!known(definitionId ?? type) && !known(type))
                throw new WorkflowDefinitionException([new DefinitionError($"'{definition.DefinitionId}' uses activity type '{type}'{(definitionId is null ? "" : $" (workflow definition '{definitionId}')")}, which is neither a known activity nor one of the given definitions.", "$", node["id"]?.ToString(), type, version)]);
        }

        path.RemoveAt(path.Count - 1);
        state[definition] = true;
        ordered.Add(definition);
    }
}
