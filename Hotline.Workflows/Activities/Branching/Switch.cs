using System.Text.Json.Nodes;
using Hotline.Workflows.Activities.Containers;
using Hotline.Workflows.Activities.Flow;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Branching;

/// <summary>
/// Runs the activity of the first (or every) case whose condition holds, or Default, and completes when they have
/// (Elsa.Switch; Elsa.FlowSwitch is the flowchart's version, which completes through the case labels instead).
/// </summary>
[Activity("Elsa", "Branching", "Evaluate a set of case conditions and schedule the activity for a matching case.")]
public sealed class Switch : ContainerActivity, ICompilableActivity
{
    private readonly List<(string Label, Expression Condition, ActivityNode? Activity)> _cases = [];

    /// <summary>The cases: a label, a condition and an activity each.</summary>
    [Input(Description = "The cases to evaluate.", UIHint = "switch-editor", IsWrapped = false)]
    public List<SwitchCase>? Cases { get; set; }

    /// <summary>Whether the first match or every match is scheduled.</summary>
    [Input(Description = "The switch mode determines whether the first match should be scheduled, or all matches.", UIHint = "dropdown", Options = ["MatchFirst", "MatchAny"])]
    public Input<SwitchMode>? Mode { get; set; }

    /// <summary>Runs when no case matches.</summary>
    [Port]
    public ActivityNode? Default { get; private set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        var cases = node.Json["cases"] as JsonArray ?? [];
        for (var i = 0; i < cases.Count; i++)
        {
            var label = cases[i]?["label"]?.GetValue<string>() ?? "";
            var condition = cases[i]?["condition"] as JsonObject;
            var syntax = condition?["type"]?.GetValue<string>() ?? "Literal";
            if (!ExpressionEvaluator.IsSupported(syntax))
                compiler.Error(node, $"Case '{label}' uses the unsupported expression syntax '{syntax}'.", "cases");
            var activity = compiler.CompileEmbedded(node, cases[i]?["activity"], $"activity '{node.Id}'.cases[{i}].activity");
            _cases.Add((label, new Expression(syntax, condition?["value"]?.DeepClone()), activity));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ExpressionSite> EvaluatedExpressions() =>
        base.EvaluatedExpressions().Concat(_cases.Select(c => new ExpressionSite("cases", c.Condition, typeof(bool?), $"case '{c.Label}'")));

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var scheduled = new List<ActivityNode>();
        var matched = false;
        foreach (var (_, condition, activity) in _cases)
        {
            if (ExpressionEvaluator.Evaluate(condition, typeof(bool?), context) is not true)
                continue;
            matched = true;
            if (activity is not null && !scheduled.Contains(activity))
                scheduled.Add(activity);
            if (!matchAny)
                break;
        }

        if (!matched && Default is not null)
            scheduled.Add(Default);
        context.State = new ContainerState { Pending = scheduled.Count };
        foreach (var activity in scheduled)
            context.ScheduleChild(activity);
        if (scheduled.Count == 0)
            context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        CompleteWhenNonePending(context);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A case of <see cref="Switch"/>: its condition and the activity it runs.</summary>
public sealed record SwitchCase(string Label, JsonObject? Condition, JsonObject? Activity);
