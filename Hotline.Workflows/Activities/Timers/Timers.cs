using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Bookmark names of the timer activities: a resume at a time.</summary>
public static class TimerBookmark
{
    /// <summary>Waits until <paramref name="resumeAt"/>: a bookmark the host's scheduler resumes when due.</summary>
    public static void WaitUntil(ActivityExecutionContext context, DateTimeOffset resumeAt)
    {
        context.JournalData["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        context.CreateBookmark(context.Node.Type, payload: new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) }, resumeAt: resumeAt);
    }
}

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
