using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Activities.Containers;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>
/// A loop with a body (Elsa's ForEach, For, While, ParallelForEach): each iteration runs the body in its own scope,
/// which declares <c>CurrentValue</c> (and <c>CurrentIndex</c>) as Elsa declares them for the body.
/// </summary>
public abstract class LoopActivity : ContainerActivity, ICompilableActivity, IBreakable
{
    private static readonly VariableDefinition CurrentValue = new("CurrentValue", "CurrentValue", "Object", false, null);
    private static readonly VariableDefinition CurrentIndex = new("CurrentIndex", "CurrentIndex", "Int32", false, null);

    /// <summary>The activity each iteration runs.</summary>
    [Port]
    public ActivityNode? Body { get; private set; }

    /// <inheritdoc />
    public virtual void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        // A workflow used as the body opens its own scope, which the loop variables do not belong to.
        if (Body is { Activity: not IScopeBoundary } body)
            body.Scope = ContainerVariables.Merge(body.Scope, [CurrentValue, CurrentIndex]);
    }

    /// <summary>Remembers the break and stops it (Elsa's BreakBehavior); the loop ends when its body completes.</summary>
    public virtual bool OnBreak(ActivityExecutionContext context)
    {
        StateOf(context).Breaking = true;
        return true;
    }

    /// <summary>Schedules one iteration of the body with the loop variables set in its scope.</summary>
    protected void ScheduleBody(ActivityExecutionContext context, object? value, int index, string? schedulingId = null)
    {
        var body = context.ScheduleChild(Body!, schedulingId);
        if (Body!.Scope is not { } scope || Body.Activity is IScopeBoundary)
            return;
        body.Scope = new WorkflowScope(scope, null);
        body.Scope.Memory[CurrentValue.Id] = value;
        body.Scope.Memory[CurrentIndex.Id] = index;
    }

    /// <summary>The items a loop's input names: a list, a JSON array, or text holding a JSON array or comma-separated values.</summary>
    protected static List<object?> ItemsOf(object? value) => value switch
    {
        null => [],
        JsonArray array => array.Select(x => x is JsonValue v ? ValueConverter.Unwrap(v) : x?.DeepClone()).ToList(),
        string text when text.TrimStart().StartsWith('[') => ItemsOf(JsonNode.Parse(text)),
        string text => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList(),
        JsonObject or JsonValue => [value is JsonValue v ? ValueConverter.Unwrap(v) : value],
        System.Collections.IEnumerable items => items.Cast<object?>().ToList(),
        _ => [value],
    };
}
