using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Containers;

/// <summary>
/// The variables a container declares in its JSON (<c>variables</c>, as Elsa's Container does): local to the container's
/// execution, seen by its children, gone when it completes.
/// </summary>
public static class ContainerVariables
{
    /// <summary>Reads the container's variables into the node's scope (kept with any the scope already has).</summary>
    public static void Declare(ActivityNode node)
    {
        var variables = (node.Json["variables"] as JsonArray ?? []).OfType<JsonObject>().Select(VariableDefinition.From).ToList();
        if (variables.Count == 0)
            return;
        var count = 0;
        variables = variables.Select(v => v.Name.Length > 0 ? v : v with { Name = $"Variable{++count}", Id = v.Id.Length > 0 ? v.Id : $"Variable{count}" }).ToList();
        node.Scope = Merge(node.Scope, variables);
    }

    /// <summary>
    /// Opens the container's scope when it starts, unless whoever scheduled it opened it already (a loop's body) or it is
    /// the root of a workflow (whose scope the workflow, or the activity using it, opens).
    /// </summary>
    public static void Open(ActivityExecutionContext context)
    {
        if (context.Node.Scope is { } scope && context.Scope is null && context.Node.Parent is { Activity: not IScopeBoundary })
            context.Scope = new WorkflowScope(scope, null);
    }

    /// <summary>A scope declaring <paramref name="variables"/> before those of <paramref name="scope"/>.</summary>
    public static ScopeDefinition Merge(ScopeDefinition? scope, IEnumerable<VariableDefinition> variables) =>
        new([.. variables, .. (scope?.Variables ?? []).Where(v => !variables.Any(x => string.Equals(x.Name, v.Name, StringComparison.OrdinalIgnoreCase)))],
            scope?.Inputs ?? [], scope?.Outputs ?? []);
}
