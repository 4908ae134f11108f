using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Composition;

/// <summary>
/// Starts a new instance of a published definition after this burst is saved; completes at once, or, waiting for
/// completion, once the child finished, with the child's output.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and dispatch it for execution.", DisplayName = "Dispatch Workflow")]
public sealed class DispatchWorkflow : Activity
{
    /// <summary>The definition id of the workflow to dispatch.</summary>
    [Input(DisplayName = "Workflow Definition", Description = "The definition ID of the workflow to dispatch.", Required = true)]
    public Input<string>? WorkflowDefinitionId { get; set; }

    /// <summary>The child's correlation id.</summary>
    [Input(DisplayName = "Correlation ID", Description = "The correlation ID to associate the workflow with.")]
    public Input<string>? CorrelationId { get; set; }

    /// <summary>The child's input.</summary>
    [Input(Description = "The input to send to the workflow.")]
    public Input<object>? Input { get; set; }

    /// <summary>Whether to wait until the child finishes.</summary>
    [Input(Description = "Wait for the child workflow to complete before completing this activity.")]
    public Input<bool>? WaitForCompletion { get; set; }

    /// <summary>The child's output, when waiting for it.</summary>
    [Output(Description = "The child workflow's output, when waiting for its completion.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var wait = context.Get(WaitForCompletion);
        await ChildWorkflows.StartAsync(context, context.Get(WorkflowDefinitionId), context.Get(CorrelationId), context.Get(Input), wait, completesAtOnce: !wait);
        if (!wait)
            context.Complete();
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        context.Set(Result, ChildWorkflows.Read(context, input).OutputJson());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
