using Hotline.Workflows.Activities.Containers;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Branching;

/// <summary>Runs Then or Else by a condition and completes when that branch has (Elsa.If); with no branch, completes at once.</summary>
[Activity("Elsa", "Branching", "Evaluate a Boolean condition to determine which activity to execute next.")]
public sealed class If : ContainerActivity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate.", UIHint = "singleline")]
    public Input<bool>? Condition { get; set; }

    /// <summary>The condition's value.</summary>
    [Output(Description = "The result of the condition.")]
    public Output<bool>? Result { get; set; }

    /// <summary>Runs when the condition holds.</summary>
    [Port]
    public ActivityNode? Then { get; private set; }

    /// <summary>Runs when it does not.</summary>
    [Port]
    public ActivityNode? Else { get; private set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var result = context.Get(Condition);
        context.Set(Result, result);
        if ((result ? Then : Else) is { } branch)
            context.ScheduleChild(branch);
        else
            context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
