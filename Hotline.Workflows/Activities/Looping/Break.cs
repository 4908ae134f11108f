using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Looping;

/// <summary>
/// Breaks out of the nearest enclosing loop (Elsa.Break): the break travels up through the activities around it until a
/// loop stops it; each Sequence on the way ends after its current activity; as a terminal activity it ends its flowchart.
/// </summary>
[Activity("Elsa", "Looping", "Break out of a loop.")]
public sealed class Break : CodeActivity, ITerminalActivity
{
    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        for (var ancestor = context.Parent; ancestor is not null; ancestor = ancestor.Parent)
            if (ancestor.Activity is IBreakable breakable && breakable.OnBreak(ancestor))
                break;
        return Outcomes.Done;
    }
}

/// <summary>An activity a <see cref="Break"/> inside it reaches (Elsa's BreakSignal receivers).</summary>
public interface IBreakable
{
    /// <summary>Remembers the break; returns true to stop it travelling further up (loops do).</summary>
    bool OnBreak(ActivityExecutionContext context);
}
