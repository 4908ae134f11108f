using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Waits for the next occurrence of a cron expression (UTC).</summary>
[Activity("Elsa", "Scheduling", "Trigger workflow execution at a specific interval using a CRON expression.")]
public sealed class Cron : Activity, ITriggerActivity
{
    /// <summary>The cron expression.</summary>
    [Input(Description = "The CRON expression at which the timer should execute.", Required = true)]
    public Input<string>? CronExpression { get; set; }

    /// <inheritdoc />
    public override IEnumerable<string> Validate()
    {
        // An empty expression is reported as a missing required input.
        if (CronExpression is { HasConstant: true, Constant: string { Length: > 0 } text } && CronSchedule.Validate(text) is { } error)
            yield return $"Invalid cron expression: {error}";
    }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var expression = context.Get(CronExpression) ?? throw new InvalidOperationException("No cron expression is set.");
        var next = CronSchedule.Parse(expression).Next(context.Now) ?? throw new InvalidOperationException($"The cron expression '{expression}' has no occurrence in the next five years.");
        TimerBookmark.WaitUntil(context, next);
        return ValueTask.CompletedTask;
    }
}
