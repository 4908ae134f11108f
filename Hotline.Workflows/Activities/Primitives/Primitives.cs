using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

/// <summary>Writes a line of text (to the console of the command-line runner, to the log in the host).</summary>
[Activity("Elsa", "Primitives", "Write a line of text to the console.", DisplayName = "Write Line")]
public sealed class WriteLine : CodeActivity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write.")]
    public Input<string>? Text { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var text = context.Get(Text);
        context.WriteLine(text);
        context.JournalData["text"] = text;
        return Outcomes.Done;
    }
}

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
        if (_name is not null && context.Scopes().Any(s => s.Definition.VariablesByName.ContainsKey(_name)))
            context.SetVariable(_name, value);
        else if (_id is not null)
            context.WriteMemory(_id, value);
        else
            throw new InvalidOperationException($"No variable named '{_name}' is declared.");
        return Outcomes.Done;
    }
}

/// <summary>Assigns a value to an output of the enclosing workflow.</summary>
[Activity("Elsa", "Composition", "Assigns a given value to a the container's output.", DisplayName = "Set Output")]
public sealed class SetOutput : CodeActivity
{
    /// <summary>The output's name.</summary>
    [Input(DisplayName = "Output", Description = "The output to assign.", UIHint = "output-picker", Required = true)]
    public Input<string>? OutputName { get; set; }

    /// <summary>The value.</summary>
    [Input(Description = "The value to assign.")]
    public Input<object>? OutputValue { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var name = context.Get(OutputName) ?? throw new InvalidOperationException("No output name is set.");
        var value = context.Get(OutputValue);
        var scope = context.Scopes().FirstOrDefault(s => s.Definition.Outputs.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            ?? context.Scopes().LastOrDefault()
            ?? throw new InvalidOperationException("The activity runs outside a workflow.");
        if (!scope.TryWriteMemory(name, value))
            scope.Output[name] = value;
        return Outcomes.Done;
    }
}
