using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>Runs its body for every item at once and completes when all have completed (Elsa.ParallelForEach).</summary>
[Activity("Elsa", "Looping", "Schedule an activity for each item in parallel.")]
public sealed class ParallelForEach : LoopActivity
{
    /// <summary>The items.</summary>
    [Input(Description = "The items to iterate through.")]
    public Input<object>? Items { get; set; }

    /// <inheritdoc />
    protected override IReadOnlyList<Definitions.VariableDefinition> BodyVariables { get; } = [CurrentIndexVariable, CurrentValueVariable];

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = Body is null ? [] : ItemsOf(context.Get(Items));
        context.State = new Containers.ContainerState { Pending = items.Count };
        for (var i = 0; i < items.Count; i++)
            ScheduleBody(context, items[i], i);
        if (items.Count == 0)
            context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        CompleteWhenNonePending(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>Elsa's ParallelForEach has no break behaviour: a break travels on to an enclosing loop.</summary>
    public override bool OnBreak(ActivityExecutionContext context) => false;
}
