using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Completes the enclosing workflow (the root or a workflow used as an activity) with the given outcomes.</summary>
[Activity("Elsa", "Composition", "Signals the current composite activity to complete itself as a whole.")]
public sealed class Complete : Activity, ITerminalActivity
{
    /// <summary>The outcome or outcomes to complete with.</summary>
    [Input(Description = "The outcome or set of outcomes to complete this activity with.", UIHint = "outcome-picker", DefaultSyntax = "Object")]
    public Input<object>? Outcomes { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var value = context.Get(Outcomes);
        IReadOnlyList<string> names = value switch
        {
            string s when s.TrimStart().StartsWith('[') => ValueConverter.Convert(s, typeof(List<string>)) as List<string> ?? ["Done"],
            string s => [s],
            JsonArray array => array.Select(x => ValueConverter.ToText(x) ?? "").ToList(),
            IEnumerable<string> list => list.ToList(),
            null => ["Done"],
            _ => [ValueConverter.ToText(value) ?? "Done"],
        };
        context.Complete();
        context.CompleteComposite(new Activities.Outcomes(names));
        return ValueTask.CompletedTask;
    }
}
