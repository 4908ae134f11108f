using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

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
