using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

/// <summary>Assigns a value to a workflow variable.</summary>
[Activity("Elsa", "Primitives", "Assign a value to a workflow variable.", DisplayName = "Set Variable")]
public sealed class SetVariable : CodeActivity, ICompilableActivity
{
    private string? _name;
    private string? _id;

    /// <summary>The variable to assign (a reference <c>{id, name}</c>).</summary>
    [Input(Description = "The variable to assign the value to.", UIHint = "variable-picker", IsWrapped = false)]
    public JsonObject? Variable { get; set; }

    /// <summary>The value to assign.</summary>
    [Input(Description = "The value to assign.")]
    public Input<object>? Value { get; set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        var reference = node.Json["variable"] as JsonObject;
        _name = reference?["name"]?.GetValue<string>();
        _id = reference?["id"]?.GetValue<string>();
        if (_name is null && _id is null)
            compiler.Error(node, "No variable is selected.");
    }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var value = context.Get(Value);
        if (_name is not null && context.TrySetVariable(_name, value))
            return Outcomes.Done;
        if (_id is not null)
            context.WriteMemory(_id, value);
        else
            throw new InvalidOperationException($"No variable named '{_name}' is declared.");
        return Outcomes.Done;
    }
}
