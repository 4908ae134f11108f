using System.ComponentModel;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>A node that does nothing and continues (Elsa.FlowNode).</summary>
[Activity("Elsa", "Flow", "A simple container that executes the specified activity.")]
[Browsable(false)]
public sealed class FlowNode : CodeActivity;
