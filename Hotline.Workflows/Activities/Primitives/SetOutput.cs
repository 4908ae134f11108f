using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Primitives;

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
        Assign(context, name, context.Get(OutputValue));
        return Outcomes.Done;
    }

    /// <summary>
    /// Assigns <paramref name="value"/> to the output <paramref name="name"/> of the nearest enclosing workflow that
    /// declares it (the outermost when none does), as <c>Elsa.SetOutput</c> does.
    /// </summary>
    public static void Assign(ActivityExecutionContext context, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Scopes().FirstOrDefault(s => s.Definition.Outputs.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            ?? context.Scopes().LastOrDefault()
            ?? throw new InvalidOperationException("The activity runs outside a workflow.");
        if (!scope.TryWriteMemory(name, value))
            scope.Output[name] = value;
    }
}
