using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>Runs its body as long as the condition, evaluated before each iteration, holds (Elsa.While).</summary>
[Activity("Elsa", "Looping", "Execute an activity while a given condition evaluates to true.")]
public sealed class While : LoopActivity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate before each iteration.", UIHint = "singleline")]
    public Input<bool>? Condition { get; set; }

    /// <inheritdoc />
    protected override IReadOnlyList<Definitions.VariableDefinition> BodyVariables { get; } = [];

    // A While without a body completes rather than looping without end.
    /// <inheritdoc />
    protected override void Next(ActivityExecutionContext context, string? schedulingId)
    {
        var state = StateOf(context);
        if (state.Breaking || Body is null || !context.Get(Condition))
        {
            context.Complete();
            return;
        }

        ScheduleBody(context, null, state.Index++, schedulingId);
    }
}
