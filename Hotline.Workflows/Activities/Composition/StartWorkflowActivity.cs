namespace Hotline.Workflows.Activities.Composition;

/// <summary>The inputs of the activities that start a published definition as a separate instance (ExecuteWorkflow, DispatchWorkflow).</summary>
public abstract class StartWorkflowActivity : Activity
{
    /// <summary>The definition id of the workflow to start.</summary>
    [Input(DisplayName = "Workflow Definition", Description = "The definition ID of the workflow to start.", Required = true)]
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
}
