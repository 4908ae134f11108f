using Hotline.Domain.Calendar;
using Hotline.Domain.Deadlines;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// Counts a moment the way <see cref="WaitForDeadline"/> does (an offset in working days, calendar days, working hours
/// or calendar months from a given moment, on the working-day calendar) without waiting, and sets it as its output: a
/// task and the wait that races it can then share one due time (the 13710 progress report is due when its checkpoint
/// fires).
/// </summary>
[Activity("Hotline", "Timers", "Counts a moment from a given moment in working days, calendar days, working hours or calendar months, without waiting.",
    DisplayName = "Count Moment")]
public sealed class CountMoment : Activity
{
    /// <summary>What the offset counts from.</summary>
    [Input(Description = "The moment to count from (ISO 8601, e.g. a variable set from a wait's FiredAt); now when empty.")]
    public Input<string>? At { get; set; }

    /// <summary>How many units after (negative: before) the moment.</summary>
    [Input(Description = "How many units after the moment; negative counts back (working or calendar days and months only).", DefaultValue = 0)]
    public Input<int>? Offset { get; set; }

    /// <summary>How the offset counts.</summary>
    [Input(Description = "WorkingDays (工作日), CalendarDays (自然日, holidays included), WorkingHours (工作小时, positive only) or CalendarMonths.",
        UIHint = "dropdown", Options = ["WorkingDays", "CalendarDays", "WorkingHours", "CalendarMonths"], DefaultValue = "WorkingDays")]
    public Input<string>? Unit { get; set; }

    /// <summary>The local time of day of the target day; the moment's when empty.</summary>
    [Input(Description = "The local time of day (HH:mm) on the target day; empty keeps the moment's time. Not used with WorkingHours.")]
    public Input<string>? TimeOfDay { get; set; }

    /// <summary>The moment counted.</summary>
    [Output(Description = "The moment counted (UTC), e.g. for a task's DueAt and a wait's At (Anchor Moment, Offset 0).")]
    public Output<DateTimeOffset>? Moment { get; set; }

    /// <summary>The count in words (<see cref="WaitWords"/>), for the texts that state it.</summary>
    [Output(Description = "The count in words (e.g. 3 个自然日), for the task names and texts that state it: they read it instead of repeating the count.")]
    public Output<string>? Wording { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var from = context.Get(At) is { Length: > 0 } at ? WaitForDeadline.ParseMoment(at) : context.Now;
        var unit = WaitForDeadline.Parse<WaitUnit>(context.Get(Unit), "unit", WaitUnit.WorkingDays);
        var offset = context.Get(Offset);
        if (unit == WaitUnit.WorkingHours && offset < 0)
            throw new WorkflowFaultException($"Count Moment cannot count working hours back ({offset}).");
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var timeOfDay = WaitForDeadline.ParseTimeOfDay(context.Get(TimeOfDay));
        var moment = DeadlineCounting.Offset(calendar, from, offset, unit, timeOfDay);
        if (moment.IsProvisional)
            context.JournalData["provisional"] = true;
        context.Set(Moment, moment.Value.ToUniversalTime());
        context.Set(Wording, WaitWords.Of(WaitAnchor.Moment, offset, unit, timeOfDay));
        context.Complete();
    }
}
