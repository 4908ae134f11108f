using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Waits for a time span.</summary>
[Activity("Elsa", "Scheduling", "Delay execution for the specified amount of time.")]
public sealed class Delay : Activity
{
    /// <summary>How long to wait.</summary>
    [Input(Description = "The timespan to delay workflow execution.", DefaultValue = "00:01:00")]
    public Input<TimeSpan>? TimeSpan { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var span = context.Get(TimeSpan);
        if (span <= System.TimeSpan.Zero)
            context.Complete();
        else
            TimerBookmark.WaitUntil(context, context.Now + span);
        return ValueTask.CompletedTask;
    }
}
