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

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.State = new Containers.ContainerState();
        Next(context, null);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        Next(context, child.Id);
        return ValueTask.CompletedTask;
    }

    // A While without a body completes rather than looping without end.
    private void Next(ActivityExecutionContext context, string? schedulingId)
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
