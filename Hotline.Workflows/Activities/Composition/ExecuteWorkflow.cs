using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Composition;

/// <summary>
/// Starts a new instance of a published definition and completes with its result (instance id, status, output): once
/// the child finished when waiting for completion, else once it first finished or went idle.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and execute it.", DisplayName = "Execute Workflow")]
public sealed class ExecuteWorkflow : StartWorkflowActivity
{
    /// <summary>The child's instance id, status, sub-status and output.</summary>
    [Output(Description = "The child workflow's instance ID, status and output.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        await ChildWorkflows.StartAsync(context, context.Get(WorkflowDefinitionId), context.Get(CorrelationId), context.Get(Input), context.Get(WaitForCompletion));
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        context.Set(Result, ChildWorkflows.Read(context, input).ToJson());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
