using Microsoft.Extensions.Options;

namespace Hotline.Domain.Calendar;

/// <summary>The working day for hour-based limits (签收 within 2 working hours) and the calendar cache; bound from <c>Hotline:Calendar</c>.</summary>
public sealed class CalendarOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Calendar";

    /// <summary>
    /// The IANA (or Windows) id of the time zone working hours and "today" are reckoned in; default
    /// <c>Asia/Shanghai</c>, China Standard Time (UTC+8, no daylight saving).
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>When the morning period starts (default 09:00).</summary>
    public TimeOnly MorningStart { get; set; } = new(9, 0);

    /// <summary>When the morning period ends and the lunch break begins (default 12:00).</summary>
    public TimeOnly MorningEnd { get; set; } = new(12, 0);

    /// <summary>When the afternoon period starts after the lunch break (default 13:30); equal to <see cref="MorningEnd"/> for no break.</summary>
    public TimeOnly AfternoonStart { get; set; } = new(13, 30);

    /// <summary>When the working day ends (default 17:30).</summary>
    public TimeOnly AfternoonEnd { get; set; } = new(17, 30);

    /// <summary>
    /// How long a host keeps the calendar before reading it from the database again (default five minutes), so that
    /// a year saved through another host counts here too. A save through this host refreshes it at once.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The working hours these options describe.</summary>
    /// <exception cref="TimeZoneNotFoundException">The time zone is unknown.</exception>
    public WorkingHours ToWorkingHours() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), MorningStart, MorningEnd, AfternoonStart, AfternoonEnd);
}

/// <summary>Refuses calendar settings that cannot describe a working day, when the host starts.</summary>
public sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = CalendarOptions.SectionName;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZone))
            errors.Add($"{section}:TimeZone is required (e.g. Asia/Shanghai).");
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            errors.Add($"{section}:TimeZone '{options.TimeZone}' is not a time zone this system knows (e.g. Asia/Shanghai).");
        if (options.MorningStart >= options.MorningEnd)
            errors.Add($"{section}:MorningStart ({options.MorningStart:HH\\:mm}) must be before MorningEnd ({options.MorningEnd:HH\\:mm}).");
        if (options.MorningEnd > options.AfternoonStart)
            errors.Add($"{section}:MorningEnd ({options.MorningEnd:HH\\:mm}) must not be after AfternoonStart ({options.AfternoonStart:HH\\:mm}).");
        if (options.AfternoonStart >= options.AfternoonEnd)
            errors.Add($"{section}:AfternoonStart ({options.AfternoonStart:HH\\:mm}) must be before AfternoonEnd ({options.AfternoonEnd:HH\\:mm}).");
        if (options.RefreshInterval <= TimeSpan.Zero)
            errors.Add($"{section}:RefreshInterval must be positive; it is {options.RefreshInterval}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>A working day's two periods (morning, afternoon) in a time zone; the gap between them is the lunch break.</summary>
/// <param name="TimeZone">The zone the periods are in.</param>
/// <param name="MorningStart">Start of the morning period.</param>
/// <param name="MorningEnd">End of the morning period.</param>
/// <param name="AfternoonStart">Start of the afternoon period.</param>
/// <param name="AfternoonEnd">End of the afternoon period.</param>
public sealed record WorkingHours(TimeZoneInfo TimeZone, TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
{
    /// <summary>The defaults of <see cref="CalendarOptions"/>: 09:00–12:00 and 13:30–17:30, China Standard Time.</summary>
    public static WorkingHours Default { get; } = new CalendarOptions().ToWorkingHours();

    /// <summary>The two periods as times of day, in order.</summary>
    internal IReadOnlyList<(TimeSpan Start, TimeSpan End)> Periods =>
        [(MorningStart.ToTimeSpan(), MorningEnd.ToTimeSpan()), (AfternoonStart.ToTimeSpan(), AfternoonEnd.ToTimeSpan())];

    /// <summary>The moment at <paramref name="timeOfDay"/> on <paramref name="date"/> in <see cref="TimeZone"/>.</summary>
    internal DateTimeOffset ToMoment(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
