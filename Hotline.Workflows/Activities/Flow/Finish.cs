using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Ends the workflow at once: clears what is scheduled and what is waiting.</summary>
[Activity("Elsa", "Primitives", "Mark the workflow as finished.")]
public sealed class Finish : Activity, ITerminalActivity
{
    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        context.Workflow.FinishWorkflow(WorkflowSubStatus.Finished);
        return ValueTask.CompletedTask;
    }
}
