using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>Runs its body for each step from Start to End (Elsa.For); the body sees the step as <c>CurrentValue</c>.</summary>
[Activity("Elsa", "Looping", "Iterate over a sequence of steps between a start and an end number.")]
public sealed class For : LoopActivity
{
    /// <summary>The first step.</summary>
    [Input(Description = "The start step.", DefaultValue = 0)]
    public Input<int>? Start { get; set; }

    /// <summary>The last step.</summary>
    [Input(Description = "The end step.", DefaultValue = 0)]
    public Input<int>? End { get; set; }

    /// <summary>The step size.</summary>
    [Input(Description = "The step size. To count down, enter a negative number.", DefaultValue = 1)]
    public Input<int>? Step { get; set; }

    /// <summary>Whether End itself is a step.</summary>
    [Input(Description = "Controls whether the end step is upper/lowerbound inclusive or exclusive. True (inclusive) by default.", DefaultValue = true)]
    public Input<bool>? OuterBoundInclusive { get; set; }

    /// <summary>The current step.</summary>
    [Output(Description = "The current step.")]
    public Output<object>? CurrentValue { get; set; }

    /// <inheritdoc />
    protected override IReadOnlyList<Definitions.VariableDefinition> BodyVariables { get; } = [CurrentValueVariable];

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

    private void Next(ActivityExecutionContext context, string? schedulingId)
    {
        var state = StateOf(context);
        var end = context.Get(End);
        var step = Step is null ? 1 : context.Get(Step);
        var inclusive = OuterBoundInclusive is null || context.Get(OuterBoundInclusive);
        var current = state.Step is { } previous ? previous + step : context.Get(Start);
        var loop = !state.Breaking && (step >= 0
            ? inclusive ? current <= end : current < end
            : inclusive ? current >= end : current > end);
        if (!loop || Body is null)
        {
            context.Complete();
            return;
        }

        ScheduleBody(context, current, state.Index++, schedulingId);
        state.Step = current;
        context.Set(CurrentValue, current);
    }
}
