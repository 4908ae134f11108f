using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Waits for an interval (inside a flowchart it fires once; as a trigger it would repeat).</summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval.")]
public sealed class Timer : Activity, ITriggerActivity
{
    /// <summary>The interval.</summary>
    [Input(Description = "The interval at which the timer should execute.", DefaultValue = "00:01:00")]
    public Input<TimeSpan>? Interval { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var interval = Interval is null ? System.TimeSpan.FromMinutes(1) : context.Get(Interval);
        TimerBookmark.WaitUntil(context, context.Now + (interval <= System.TimeSpan.Zero ? System.TimeSpan.FromMinutes(1) : interval));
        return ValueTask.CompletedTask;
    }
}
