using System.ComponentModel;
using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Completes through <c>True</c> or <c>False</c> depending on a condition.</summary>
[Activity("Elsa", "Branching", "Evaluate a Boolean condition to determine which path to execute next.", DisplayName = "Decision", Outcomes = ["True", "False"])]
public sealed class FlowDecision : CodeActivity
{
    /// <summary>The condition to evaluate.</summary>
    [Input(Description = "The condition to evaluate.", UIHint = "singleline")]
    public Input<bool>? Condition { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context) => Outcomes.From(context.Get(Condition) ? "True" : "False");
}

/// <summary>How a switch picks cases.</summary>
public enum SwitchMode
{
    /// <summary>Only the first matching case.</summary>
    MatchFirst,

    /// <summary>Every matching case.</summary>
    MatchAny,
}

/// <summary>Completes through the label of the first (or every) case whose condition holds, or <c>Default</c>.</summary>
[Activity("Elsa", "Branching", "Evaluate a set of case conditions and schedule the activity for a matching case.", DisplayName = "Switch", Outcomes = ["Default"])]
public sealed class FlowSwitch : CodeActivity, ICompilableActivity
{
    private readonly List<(string Label, Expression Condition)> _cases = [];

    /// <summary>The cases: a label (the outcome port) and a condition each.</summary>
    [Input(Description = "The cases to evaluate.", UIHint = "flow-switch-editor", IsWrapped = false)]
    public List<FlowSwitchCase>? Cases { get; set; }

    /// <summary>Whether the first match or every match is scheduled.</summary>
    [Input(Description = "The switch mode determines whether the first match should be scheduled, or all matches.", UIHint = "dropdown", Options = ["MatchFirst", "MatchAny"])]
    public Input<SwitchMode>? Mode { get; set; }

    /// <summary>The case labels, which are also the outcome ports.</summary>
    public IEnumerable<string> Labels => _cases.Select(c => c.Label);

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        foreach (var item in node.Json["cases"] as JsonArray ?? [])
        {
            var label = item?["label"]?.GetValue<string>() ?? "";
            var condition = item?["condition"] as JsonObject;
            var syntax = condition?["type"]?.GetValue<string>() ?? "Literal";
            if (!ExpressionEvaluator.IsSupported(syntax))
                compiler.Error(node, $"Case '{label}' uses the unsupported expression syntax '{syntax}'.", "cases");
            _cases.Add((label, new Expression(syntax, condition?["value"]?.DeepClone())));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ExpressionSite> EvaluatedExpressions() =>
        base.EvaluatedExpressions().Concat(_cases.Select(c => new ExpressionSite("cases", c.Condition, typeof(bool?), $"case '{c.Label}'")));

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var matches = new List<string>();
        foreach (var (label, condition) in _cases)
        {
            if (ExpressionEvaluator.Evaluate(condition, typeof(bool?), context) is true)
            {
                matches.Add(label);
                if (!matchAny)
                    break;
            }
        }

        return matches.Count == 0 ? Outcomes.From("Default") : new Outcomes(matches);
    }
}

/// <summary>A case of <see cref="FlowSwitch"/>.</summary>
public sealed record FlowSwitchCase(string Label, JsonObject? Condition);

/// <summary>Completes through every branch name at once (Elsa.FlowFork).</summary>
[Activity("Elsa", "Branching", "Branch execution into multiple branches.", DisplayName = "Fork")]
public sealed class FlowFork : CodeActivity
{
    /// <summary>The branch names, which are the outcome ports.</summary>
    [Input(Description = "A list of expected outcomes to handle.", UIHint = "dynamic-outcomes")]
    public Input<List<string>>? Branches { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context) =>
        context.Get(Branches) is { Count: > 0 } branches ? new Outcomes(branches) : Outcomes.Done;
}

/// <summary>How an explicit join waits for its inbound branches.</summary>
public enum FlowJoinMode
{
    WaitAll,
    WaitAllActive,
    WaitAny,
}

/// <summary>Explicitly merges branches: WaitAny continues on the first, WaitAll waits for every forward inbound branch.</summary>
[Activity("Elsa", "Branching", "Explicitly merge multiple branches into a single branch of execution.", DisplayName = "Join")]
public sealed class FlowJoin : CodeActivity
{
    /// <summary>The join mode.</summary>
    [Input(Description = "The join mode determines whether this activity should continue as soon as one inbound path comes in (WaitAny), or once all inbound paths have executed (WaitAll).", UIHint = "dropdown", Options = ["WaitAll", "WaitAllActive", "WaitAny"], DefaultValue = "WaitAny")]
    public Input<FlowJoinMode>? Mode { get; set; }
}

/// <summary>A node that does nothing and continues (Elsa.FlowNode).</summary>
[Activity("Elsa", "Flow", "A simple container that executes the specified activity.")]
[Browsable(false)]
public sealed class FlowNode : CodeActivity;

/// <summary>The explicit start of a flowchart.</summary>
[Activity("Elsa", "Primitives", "The starting point of a workflow.")]
public sealed class Start : CodeActivity, IStartActivity;

/// <summary>Ends its flowchart at once, whatever else is still running in it.</summary>
[Activity("Elsa", "Primitives", "A terminal node that completes the current composite activity.")]
public sealed class End : CodeActivity, ITerminalActivity;

/// <summary>Ends the workflow at once: clears what is scheduled and what is waiting.</summary>
[Activity("Elsa", "Primitives", "Mark the workflow as finished.")]
public sealed class Finish : Activity, ITerminalActivity
{
    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        context.Workflow.FinishWorkflow(WorkflowSubStatus.Finished);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Completes the enclosing workflow (the root or a workflow used as an activity) with the given outcomes.</summary>
[Activity("Elsa", "Composition", "Signals the current composite activity to complete itself as a whole.")]
public sealed class Complete : Activity, ITerminalActivity
{
    /// <summary>The outcome or outcomes to complete with.</summary>
    [Input(Description = "The outcome or set of outcomes to complete this activity with.", UIHint = "outcome-picker", DefaultSyntax = "Object")]
    public Input<object>? Outcomes { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var value = context.Get(Outcomes);
        IReadOnlyList<string> names = value switch
        {
            string s when s.TrimStart().StartsWith('[') => ValueConverter.Convert(s, typeof(List<string>)) as List<string> ?? ["Done"],
            string s => [s],
            JsonArray array => array.Select(x => ValueConverter.ToText(x) ?? "").ToList(),
            IEnumerable<string> list => list.ToList(),
            null => ["Done"],
            _ => [ValueConverter.ToText(value) ?? "Done"],
        };
        context.Complete();
        context.CompleteComposite(new Activities.Outcomes(names));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Faults the workflow with a message.</summary>
[Activity("Elsa", "Primitives", "Faults the workflow.")]
public sealed class Fault : Activity
{
    /// <summary>Code to categorize the fault.</summary>
    [Input(Description = "Code to categorize the fault.")]
    public Input<string>? Code { get; set; }

    /// <summary>Category.</summary>
    [Input(Description = "Category to categorize the fault. Examples: HTTP, Alteration, Azure, etc.")]
    public Input<string>? Category { get; set; }

    /// <summary>Type of fault.</summary>
    [Input(DisplayName = "Type", Description = "The type of fault. Examples: System, Business, Integration, etc.")]
    public Input<string>? FaultType { get; set; }

    /// <summary>The message.</summary>
    [Input(Description = "The message to include with the fault.")]
    public Input<string>? Message { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var code = context.Get(Code) ?? "0";
        var category = context.Get(Category) ?? "General";
        var type = context.Get(FaultType) ?? "System";
        throw new WorkflowFaultException(context.Get(Message) ?? $"Fault {code} ({category}, {type}).");
    }
}

/// <summary>Runs branches in parallel (Elsa.Fork, a container whose branches are activities), waiting for all or any.</summary>
[Activity("Elsa", "Control Flow", "Branch execution into multiple branches.")]
[Browsable(false)]
public sealed class Fork : Activity, ICompilableActivity, IContainerActivity
{
    /// <summary>Whether to wait for every branch or the first.</summary>
    [Input(Description = "Controls when this activity yields control back to its parent activity.", UIHint = "dropdown", Options = ["WaitAll", "WaitAny"])]
    public Input<string>? JoinMode { get; set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        var branches = node.Json["branches"] as JsonArray ?? [];
        for (var i = 0; i < branches.Count; i++)
            if (branches[i] is JsonObject json && compiler.CompileChild(json, node, $"activity '{node.Id}'.branches[{i}]") is { } child)
                node.Children.Add(child);
    }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.State = new HashSet<string>(StringComparer.Ordinal);
        if (Node.Children.Count == 0)
            context.Complete();
        foreach (var branch in Node.Children)
            context.ScheduleChild(branch);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        var completed = context.State as HashSet<string> ?? [];
        context.State = completed;
        completed.Add(child.Node.Id);
        var waitAny = string.Equals(context.Get(JoinMode), "WaitAny", StringComparison.OrdinalIgnoreCase);
        if (waitAny || Node.Children.TrueForAll(c => completed.Contains(c.Id)))
        {
            foreach (var running in context.Children.ToList())
                context.CancelChild(running);
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override JsonNode? SaveState(object? state) =>
        state is HashSet<string> set ? new JsonArray(set.Select(x => (JsonNode?)x).ToArray()) : null;

    /// <inheritdoc />
    public override object? LoadState(JsonNode? json) =>
        (json as JsonArray ?? []).Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
