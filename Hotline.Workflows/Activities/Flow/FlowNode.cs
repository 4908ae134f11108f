using System.ComponentModel;
using Hotline.Workflows.Activities.Containers;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>A node that runs its body, if it has one, and then continues (Elsa.FlowNode, shown as "Container").</summary>
[Activity("Elsa", "Flow", "A simple container that executes the specified activity.", DisplayName = "Container")]
[Browsable(false)]
public sealed class FlowNode : ContainerActivity
{
    /// <summary>The activity to run.</summary>
    [Port]
    public ActivityNode? Body { get; private set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (Body is null)
            context.Complete();
        else
            context.ScheduleChild(Body);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
