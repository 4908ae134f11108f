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
