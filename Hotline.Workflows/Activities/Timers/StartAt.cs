using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Waits until a moment; completes at once if it has passed.</summary>
[Activity("Elsa", "Scheduling", "Trigger execution at a specific time in the future.")]
public sealed class StartAt : Activity, ITriggerActivity
{
    /// <summary>When to continue.</summary>
    [Input(Description = "The moment at which to continue.")]
    public Input<DateTimeOffset>? DateTime { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var at = context.Get(DateTime);
        if (at <= context.Now)
            context.Complete();
        else
            TimerBookmark.WaitUntil(context, at);
        return ValueTask.CompletedTask;
    }
}
