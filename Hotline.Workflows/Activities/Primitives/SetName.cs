using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

/// <summary>Sets the instance's name, as instance lists show it.</summary>
[Activity("Elsa", "Primitives", "Set the name of the workflow instance to a specified value.", DisplayName = "Set Name")]
public sealed class SetName : CodeActivity
{
    /// <summary>The name.</summary>
    [Input(Description = "The name to give the workflow instance.")]
    public Input<string>? Value { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        context.Workflow.Name = context.Get(Value);
        return Outcomes.Done;
    }
}
