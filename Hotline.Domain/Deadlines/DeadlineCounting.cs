using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;

namespace Hotline.Domain.Deadlines;

/// <summary>
/// How a case's deadline is counted — the one place: from a rule's limit (<c>ComputeDeadline</c>, and again when a
/// calendar year is loaded) and by an approved extension (<c>ExtendDeadline</c>, and its replay in the recomputation).
/// </summary>
/// <remarks>
/// Working days are counted from the day after the start (the start's date in the calendar's time zone); the deadline
/// is the end of the afternoon period of the due day. Calendar days count holidays and weekends. An answer that assumed
/// Monday to Friday for a year with no calendar is provisional (<see cref="CalendarResult{T}.IsProvisional"/>).
/// </remarks>
public static class DeadlineCounting
{
    /// <summary>The definition that chooses deadline limits when a graph names none.</summary>
    public const string DefaultRuleDefinitionId = "category-deadlines";

    /// <summary>The bookmark name of the timers of <c>Hotline.WaitForDeadline</c> (the escalation ladder's waits), which a moved deadline makes due.</summary>
    public const string WaitBookmarkName = "Hotline.WaitForDeadline";

    /// <summary>The deadline of <paramref name="limit"/> <paramref name="unit"/>s counted from <paramref name="countedFrom"/>; <see cref="DeadlineUnit.Immediate"/> is the moment itself.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Working hours (not a deadline unit), or a limit beyond the calendar's reach.</exception>
    public static CalendarResult<DateTimeOffset> FromRule(WorkingDayCalendar calendar, DateTimeOffset countedFrom, int limit, DeadlineUnit unit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = calendar.DateOf(countedFrom);
        var due = unit switch
        {
            DeadlineUnit.CalendarDays => WorkingDayCalendar.AddCalendarDays(start, limit),
            DeadlineUnit.WorkingDays => calendar.AddWorkingDays(start, limit),
            DeadlineUnit.Immediate => null,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a deadline unit."),
        };
        return due is null ? new(countedFrom, []) : new(calendar.EndOfWorkingDay(due.Value), due.AssumedYears);
    }

    /// <summary>The deadline after an extension of <paramref name="days"/> working days, counted from the date of <paramref name="current"/>.</summary>
    public static CalendarResult<DateTimeOffset> Extend(WorkingDayCalendar calendar, DateTimeOffset current, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddWorkingDays(calendar.DateOf(current), days);
        return new(calendar.EndOfWorkingDay(due.Value), due.AssumedYears);
    }

    /// <summary>
    /// The moment <paramref name="offset"/> <paramref name="unit"/>s after <paramref name="anchor"/>, on
    /// <paramref name="calendar"/>; for days and months at <paramref name="timeOfDay"/> (local) or the anchor's local time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of working hours, or an offset beyond the calendar's limits.</exception>
    public static CalendarResult<DateTimeOffset> Offset(WorkingDayCalendar calendar, DateTimeOffset anchor, int offset, WaitUnit unit, TimeOnly? timeOfDay = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (unit == WaitUnit.WorkingHours)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            return calendar.AddWorkingHours(anchor, TimeSpan.FromHours(offset));
        }

        var local = TimeZoneInfo.ConvertTime(anchor, calendar.Hours.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var due = unit switch
        {
            WaitUnit.WorkingDays => calendar.AddWorkingDays(date, offset),
            WaitUnit.CalendarDays => WorkingDayCalendar.AddCalendarDays(date, offset),
            WaitUnit.CalendarMonths => new CalendarResult<DateOnly>(date.AddMonths(offset), []),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a wait unit."),
        };
        return new(calendar.Hours.ToMoment(due.Value, timeOfDay?.ToTimeSpan() ?? local.TimeOfDay), due.AssumedYears);
    }
}

/// <summary>How a <c>Hotline.WaitForDeadline</c> counts its offset.</summary>
public enum WaitUnit
{
    /// <summary>Working days (工作日): the N-th working day after (or before) the anchor's date, at the same time of day.</summary>
    WorkingDays,

    /// <summary>Calendar days (自然日): holidays and weekends count.</summary>
    CalendarDays,

    /// <summary>Working hours (工作小时): only the morning and afternoon periods of working days count.</summary>
    WorkingHours,

    /// <summary>Calendar months: the same day of the month (the last day when the month is shorter).</summary>
    CalendarMonths,
}
