using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

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
