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
    /// <summary>The loop variable holding the current item or step.</summary>
    protected static readonly VariableDefinition CurrentValueVariable = new("CurrentValue", "CurrentValue", "Object", false, null);

    /// <summary>The loop variable holding the current item's index.</summary>
    protected static readonly VariableDefinition CurrentIndexVariable = new("CurrentIndex", "CurrentIndex", "Int32", false, null);

    /// <summary>The variables each iteration's scope declares (Elsa's ForEach: both; For: CurrentValue; While: none).</summary>
    protected abstract IReadOnlyList<VariableDefinition> BodyVariables { get; }

    /// <summary>The activity each iteration runs.</summary>
    [Port]
    public ActivityNode? Body { get; protected set; }

    /// <inheritdoc />
    public virtual void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        // A workflow used as the body opens its own scope, which the loop variables do not belong to.
        if (Body is { Activity: not IScopeBoundary } body && BodyVariables.Count > 0)
            body.Scope = ContainerVariables.Merge(body.Scope, BodyVariables);
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
        if (Body!.Scope is not { } scope || Body.Activity is IScopeBoundary || BodyVariables.Count == 0)
            return;
        body.Scope = new WorkflowScope(scope, null);
        if (BodyVariables.Contains(CurrentValueVariable))
            body.Scope.Memory[CurrentValueVariable.Id] = value;
        if (BodyVariables.Contains(CurrentIndexVariable))
            body.Scope.Memory[CurrentIndexVariable.Id] = index;
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
