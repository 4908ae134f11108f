namespace Hotline.Workflows.Activities.Flow;

/// <summary>Ends its flowchart at once, whatever else is still running in it.</summary>
[Activity("Elsa", "Primitives", "A terminal node that completes the current composite activity.")]
public sealed class End : CodeActivity, ITerminalActivity;
