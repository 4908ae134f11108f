using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Faults the workflow with a message.</summary>
[Activity("Elsa", "Primitives", "Faults the workflow.")]
public sealed class Fault : Activity
{
    /// <summary>Code to categorize the fault.</summary>
    [Input(Description = "Code to categorize the fault.")]
    public Input<string>? Code { get; set; }

    /// <summary>Category.</summary>
    [Input(Description = "Category to categorize the fault. Examples: HTTP, Alteration, Azure, etc.")]
    public Input<string>? Category { get; set; }

    /// <summary>Type of fault.</summary>
    [Input(DisplayName = "Type", Description = "The type of fault. Examples: System, Business, Integration, etc.")]
    public Input<string>? FaultType { get; set; }

    /// <summary>The message.</summary>
    [Input(Description = "The message to include with the fault.")]
    public Input<string>? Message { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var code = context.Get(Code) ?? "0";
        var category = context.Get(Category) ?? "General";
        var type = context.Get(FaultType) ?? "System";
        throw new WorkflowFaultException(context.Get(Message) ?? $"Fault {code} ({category}, {type}).");
    }
}
