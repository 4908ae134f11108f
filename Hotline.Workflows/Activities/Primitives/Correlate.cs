using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

/// <summary>Sets the instance's correlation id (a case number, an external request id).</summary>
[Activity("Elsa", "Primitives", "Set the CorrelationId of the workflow to a given value.", DisplayName = "Correlate")]
public sealed class Correlate : CodeActivity
{
    /// <summary>The correlation id.</summary>
    [Input(DisplayName = "Correlation ID", Description = "An expression that evaluates to the value to store as the correlation id.")]
    public Input<string>? CorrelationId { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        context.Workflow.CorrelationId = context.Get(CorrelationId);
        return Outcomes.Done;
    }
}
