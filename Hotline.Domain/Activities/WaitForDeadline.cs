using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Calendar;
using Hotline.Domain.Deadlines;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Timers;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// Waits until a moment counted from an anchor — the case's deadline, the moment the activity starts, or a given
/// moment — by an offset in working days, calendar days, working hours or calendar months, then completes with
/// <c>Done</c>. The escalation ladder (<c>escalation-13710</c>) is built from these waits; the rules (which offsets)
/// live in the graph. A timer bookmark does the waiting; the host's scheduler resumes it when due.
/// </summary>
/// <remarks>
/// <para>
/// Day and month offsets keep the anchor's local time of day (in the calendar's time zone, China +08:00) unless
/// <see cref="TimeOfDay"/> sets one: a deadline of Tue 2026-02-24 17:30 minus one working day is the make-up Saturday
/// 2026-02-14 at 17:30. A year with no calendar loaded counts Monday to Friday (the calendar's provisional answer; the
/// journal says <c>provisional</c>).
/// </para>
/// <para>
/// With <see cref="WaitAnchor.Deadline"/> the deadline is read from the case when the wait starts and again when
/// its timer fires: a deadline moved later meanwhile (an approved extension) makes it wait again for the new moment
/// instead of completing. Whoever moves a deadline earlier outside the instance (the provisional-deadline recomputation
/// when a calendar year is loaded) makes the timers of these waits due at once (<see cref="TypeName"/> names their
/// bookmarks): resumed before its moment, a wait counts again from the deadline then current, and waits for the rest.
/// A wait anchored on Now or a Moment that is resumed early waits again until its own moment. A case without a deadline
/// completes with <c>NoDeadline</c>. The case is read as the running burst sees it, so a case registered and given its
/// deadline earlier in the same burst (the lifecycle's first burst) counts.
/// </para>
/// </remarks>
[Activity("Hotline", "Timers", "Waits until a moment counted from the case's deadline, from now or from a given moment, in working days, calendar days, working hours or calendar months.",
    DisplayName = "Wait For Deadline", Outcomes = ["Done", "NoDeadline"])]
public sealed class WaitForDeadline : Activity
{
    /// <summary>The activity type, which is also the name of its timer bookmarks.</summary>
    public const string TypeName = DeadlineCounting.WaitBookmarkName;

    /// <summary>The case whose deadline anchors the wait.</summary>
    [Input(Description = "The id of the case (needed when Anchor is Deadline).")]
    public Input<string>? CaseId { get; set; }

    /// <summary>What the offset counts from.</summary>
    [Input(Description = "Deadline: the case's current deadline (re-read when the timer fires). Now: when this activity starts. Moment: the moment in At.",
        UIHint = "dropdown", Options = ["Deadline", "Now", "Moment"], DefaultValue = "Deadline")]
    public Input<string>? Anchor { get; set; }

    /// <summary>The anchor when <see cref="Anchor"/> is <c>Moment</c>.</summary>
    [Input(Description = "The anchor moment (ISO 8601, e.g. a variable set from another wait's FiredAt) when Anchor is Moment.")]
    public Input<string>? At { get; set; }

    /// <summary>How many units after (negative: before) the anchor.</summary>
    [Input(Description = "How many units after the anchor; negative counts back (working or calendar days and months only). 0 is the anchor itself.", DefaultValue = 0)]
    public Input<int>? Offset { get; set; }

    /// <summary>How the offset counts.</summary>
    [Input(Description = "WorkingDays (工作日: the N-th working day, same time of day), CalendarDays (自然日, holidays included), WorkingHours (工作小时, positive only) or CalendarMonths.",
        UIHint = "dropdown", Options = ["WorkingDays", "CalendarDays", "WorkingHours", "CalendarMonths"], DefaultValue = "WorkingDays")]
    public Input<string>? Unit { get; set; }

    /// <summary>The local time of day of the target day; the anchor's when empty.</summary>
    [Input(Description = "The local time of day (HH:mm) on the target day, e.g. 23:59 for the end of the day; empty keeps the anchor's time. Not used with WorkingHours.")]
    public Input<string>? TimeOfDay { get; set; }

    /// <summary>When the wait ended, to anchor later waits on.</summary>
    [Output(Description = "The moment the wait ended (the clock when it completed), to anchor later waits on (Anchor Moment).")]
    public Output<DateTimeOffset>? FiredAt { get; set; }

    /// <summary>The moment in words, made from this wait's own count (<see cref="WaitWords"/>), for the step names and notices that follow.</summary>
    [Output(Description = "The moment in words, made from this wait's count (e.g. 超过办理时限 3 个工作日, 7 个自然日), for the step name and notice text of the step that follows: they read it instead of repeating the count.")]
    public Output<string>? Wording { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var anchor = Parse<WaitAnchor>(context.Get(Anchor), "anchor", WaitAnchor.Deadline);
        DateTimeOffset from;
        if (anchor == WaitAnchor.Deadline)
        {
            var deadline = await ReadDeadlineAsync(context);
            if (deadline is null)
                return;
            from = deadline.Value;
        }
        else
        {
            from = anchor == WaitAnchor.Now ? context.Now : ParseMoment(context.Get(At));
        }

        await WaitOrCompleteAsync(context, from);
    }

    /// <inheritdoc />
    public override async ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        // Only a deadline can move while waiting; Now and Moment were fixed when the wait started, so an early resume
        // (all waits of an instance are made due when its deadline moves earlier) waits again for the same moment.
        ArgumentNullException.ThrowIfNull(bookmark);
        if (Parse<WaitAnchor>(context.Get(Anchor), "anchor", WaitAnchor.Deadline) != WaitAnchor.Deadline)
        {
            if (bookmark.ResumeAt is { } resumeAt && resumeAt > context.Now)
                TimerBookmark.WaitUntil(context, resumeAt);
            else
                Fire(context);
            return;
        }

        var deadline = await ReadDeadlineAsync(context);
        if (deadline is not null)
            await WaitOrCompleteAsync(context, deadline.Value);
    }

    private async ValueTask WaitOrCompleteAsync(ActivityExecutionContext context, DateTimeOffset from)
    {
        var unit = Parse<WaitUnit>(context.Get(Unit), "unit", WaitUnit.WorkingDays);
        var offset = context.Get(Offset);
        var timeOfDay = ParseTimeOfDay(context.Get(TimeOfDay));
        if (unit == WaitUnit.WorkingHours && offset < 0)
            throw new WorkflowFaultException($"Wait For Deadline cannot count working hours back ({offset}).");
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var target = DeadlineCounting.Offset(calendar, from, offset, unit, timeOfDay);
        context.JournalData["anchor"] = Iso(from);
        context.JournalData["target"] = Iso(target.Value);
        if (target.IsProvisional)
            context.JournalData["provisional"] = true;
        if (target.Value > context.Now)
            TimerBookmark.WaitUntil(context, target.Value.ToUniversalTime(), Details(context, unit, offset, timeOfDay));
        else
            Fire(context);
    }

    /// <summary>
    /// What the timer waits for, as the graph says it, in the bookmark's payload: the count (offset, unit, anchor, time of
    /// day), the activity's designer label and the workflow it belongs to. The supervision board shows the next
    /// checkpoint of the ladder from these, whatever the waits are called or how they count after a redesign.
    /// </summary>
    private JsonObject Details(ActivityExecutionContext context, WaitUnit unit, int offset, TimeOnly? timeOfDay) => new()
    {
        ["anchor"] = Parse<WaitAnchor>(context.Get(Anchor), "anchor", WaitAnchor.Deadline).ToString(),
        ["offset"] = offset,
        ["unit"] = unit.ToString(),
        ["timeOfDay"] = timeOfDay?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["label"] = context.Node.Json["metadata"]?["displayText"] is JsonValue label && label.TryGetValue<string>(out var text) ? text : context.Node.Name,
        ["within"] = TimerBookmark.EnclosingDefinitionId(context),
    };

    private void Fire(ActivityExecutionContext context)
    {
        context.Set(FiredAt, context.Now);
        context.Set(Wording, WaitWords.Of(
            Parse<WaitAnchor>(context.Get(Anchor), "anchor", WaitAnchor.Deadline), context.Get(Offset),
            Parse<WaitUnit>(context.Get(Unit), "unit", WaitUnit.WorkingDays), ParseTimeOfDay(context.Get(TimeOfDay))));
        context.Complete("Done");
    }

    /// <summary>The case's deadline as this burst sees it; null when the case has none (the activity completed with <c>NoDeadline</c>).</summary>
    private async Task<DateTimeOffset?> ReadDeadlineAsync(ActivityExecutionContext context)
    {
        // Through the burst's context: a case registered, or given its deadline, earlier in this burst counts.
        var @case = await context.LoadCaseAsync(CaseId);
        if (@case.DeadlineAt is null)
            context.Complete("NoDeadline");
        return @case.DeadlineAt;
    }

    internal static T Parse<T>(string? text, string what, T empty) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? empty
        : EnumNames.TryParse<T>(text, out var value) ? value
        : throw new WorkflowFaultException($"'{text}' is not a wait {what} ({string.Join(", ", Enum.GetNames<T>())}).");

    internal static DateTimeOffset ParseMoment(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new WorkflowFaultException($"'{text}' is not a moment (ISO 8601) to wait from.");

    internal static TimeOnly? ParseTimeOfDay(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new WorkflowFaultException($"'{text}' is not a time of day (HH:mm).");

    private static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>What a <see cref="WaitForDeadline"/> counts from.</summary>
public enum WaitAnchor
{
    /// <summary>The case's current deadline.</summary>
    Deadline,

    /// <summary>When the wait starts.</summary>
    Now,

    /// <summary>A given moment (<see cref="WaitForDeadline.At"/>).</summary>
    Moment,
}
