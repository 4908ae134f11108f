using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Composition;

/// <summary>
/// Starts a new instance of a published definition after this burst is saved; completes at once, or, waiting for
/// completion, once the child finished, with the child's output.
/// </summary>
[Activity("Elsa", "Composition", "Create a new workflow instance of the specified workflow and dispatch it for execution.", DisplayName = "Dispatch Workflow")]
public sealed class DispatchWorkflow : StartWorkflowActivity
{
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
