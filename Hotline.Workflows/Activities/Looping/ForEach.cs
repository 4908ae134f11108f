using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>Runs its body once per item, one after another (Elsa.ForEach); the body sees <c>CurrentValue</c> and <c>CurrentIndex</c>.</summary>
[Activity("Elsa", "Looping", "Iterate over a set of values.")]
public sealed class ForEach : LoopActivity
{
    /// <summary>The items.</summary>
    [Input(Description = "The set of values to iterate.")]
    public Input<object>? Items { get; set; }

    /// <summary>The current item.</summary>
    [Output(Description = "Assign the current value to the specified variable.")]
    public Output<object>? CurrentValue { get; set; }

    /// <inheritdoc />
    protected override IReadOnlyList<Definitions.VariableDefinition> BodyVariables { get; } = [CurrentIndexVariable, CurrentValueVariable];

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

    // Elsa reads the items again before each iteration.
    private void Next(ActivityExecutionContext context, string? schedulingId)
    {
        var state = StateOf(context);
        var items = ItemsOf(context.Get(Items));
        if (state.Breaking || state.Index >= items.Count || Body is null)
        {
            context.Complete();
            return;
        }

        var index = state.Index++;
        context.Set(CurrentValue, items[index]);
        ScheduleBody(context, items[index], index, schedulingId);
    }
}
