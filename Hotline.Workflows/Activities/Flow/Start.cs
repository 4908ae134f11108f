namespace Hotline.Workflows.Activities.Flow;

/// <summary>The explicit start of a flowchart.</summary>
[Activity("Elsa", "Primitives", "The starting point of a workflow.")]
public sealed class Start : CodeActivity, IStartActivity;
