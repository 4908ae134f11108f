using System.ComponentModel;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Containers;

/// <summary>Runs all its activities at once and completes when every one has completed (Elsa.Parallel).</summary>
[Activity("Elsa", "Workflows", "Execute a set of activities in parallel.")]
[Browsable(false)]
public sealed class Parallel : ContainerActivity, ICompilableActivity
{
    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node) => CompileActivities(compiler, node);

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ContainerVariables.Open(context);
        context.State = new ContainerState { Pending = Node.Children.Count };
        if (Node.Children.Count == 0)
            context.Complete();
        foreach (var child in Node.Children)
            context.ScheduleChild(child);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        CompleteWhenNonePending(context);
        return ValueTask.CompletedTask;
    }
}
