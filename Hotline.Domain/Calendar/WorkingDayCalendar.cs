namespace Hotline.Domain.Calendar;

/// <summary>
/// Working-day arithmetic over the loaded <see cref="CalendarYear"/>s. Immutable and pure: no clock, no database.
/// </summary>
/// <remarks>
/// <para>
/// A working day (工作日) is a Monday to Friday that is not in a public holiday, or a Saturday or Sunday declared a
/// make-up working day (调休上班).
/// </para>
/// <para>
/// A year with no calendar loaded is assumed to work Monday to Friday. Every answer that looked at such a year
/// says so (<see cref="CalendarResult{T}.IsProvisional"/>, <see cref="CalendarResult{T}.AssumedYears"/>): the State
/// Council publishes next year's holidays only in November, so a deadline reaching into it is provisional until an
/// administrator saves that year, and is then recomputed.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>The most working days <see cref="AddWorkingDays"/> accepts either way (about fourteen years).</summary>
    public const int MaxWorkingDays = 3650;

    /// <summary>The longest span, in working time, <see cref="AddWorkingHours"/> accepts.</summary>
    public static readonly TimeSpan MaxWorkingHours = TimeSpan.FromHours(2000);

    private readonly Dictionary<int, YearDays> _years;

    /// <summary>A calendar of the given years, with the given working hours (default: China's, see <see cref="WorkingHours.Default"/>).</summary>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = years.ToDictionary(y => y.Year, y => new YearDays(
            y.Holidays.SelectMany(h => Dates(h.From, h.To)).ToHashSet(),
            y.MakeUpWorkingDays.ToHashSet()));
        Hours = hours ?? WorkingHours.Default;
    }

    /// <summary>The working hours and time zone <see cref="AddWorkingHours"/> uses.</summary>
    public WorkingHours Hours { get; }

    /// <summary>The years with a calendar, in order.</summary>
    public IReadOnlyList<int> LoadedYears => [.. _years.Keys.Order()];

    /// <summary>Whether <paramref name="year"/> has a calendar (if not, it is assumed to work Monday to Friday).</summary>
    public bool IsLoaded(int year) => _years.ContainsKey(year);

    /// <summary>Whether <paramref name="date"/> is a working day; provisional if its year is not loaded.</summary>
    public CalendarResult<bool> IsWorkingDay(DateOnly date)
    {
        var assumed = new SortedSet<int>();
        return new(Classify(date, assumed), [.. assumed]);
    }

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public CalendarResult<IReadOnlyList<DateOnly>> ListWorkingDays(DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var assumed = new SortedSet<int>();
        var days = Dates(from, to).Where(d => Classify(d, assumed)).ToList();
        return new(days, [.. assumed]);
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="start"/>: the <paramref name="days"/>-th
    /// working day after the start day. Counting starts the next day, whatever the start day is: the first working
    /// day after the start day is day 1. So a case accepted on a non-working day (a Saturday, a holiday) effectively
    /// counts from the next working day: accepted on Saturday 2025-03-01, one working day is due Monday 2025-03-03,
    /// as it is for a case accepted on Friday 2025-02-28. Zero returns <paramref name="start"/>; a negative number
    /// counts back (the <c>-days</c>-th working day before the start day), e.g. for a warning one working day before a deadline.
    /// </summary>
    /// <remarks>Provisional if a day counted lies in a year that is not loaded (the start day itself is never counted).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxWorkingDays"/> either way.</exception>
    public CalendarResult<DateOnly> AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs((long)days), MaxWorkingDays, nameof(days));
        var assumed = new SortedSet<int>();
        var step = Math.Sign(days);
        var date = start;
        for (var counted = 0; counted < Math.Abs(days);)
        {
            date = date.AddDays(step);
            if (Classify(date, assumed))
                counted++;
        }

        return new(date, [.. assumed]);
    }

    /// <summary>
    /// The date <paramref name="days"/> calendar days (自然日) after <paramref name="start"/> (before, if negative),
    /// holidays included. Never provisional: it does not depend on the holidays.
    /// </summary>
    public static CalendarResult<DateOnly> AddCalendarDays(DateOnly start, int days) => new(start.AddDays(days), []);

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c>; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public CalendarResult<int> WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (first, last, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var assumed = new SortedSet<int>();
        var count = first == last ? 0 : Dates(first.AddDays(1), last).Count(d => Classify(d, assumed));
        return new(sign * count, [.. assumed]);
    }

    /// <summary>
    /// The moment <paramref name="duration"/> of working time after <paramref name="start"/>, counting only the
    /// morning and afternoon periods of working days in <see cref="Hours"/>' time zone. A start outside working time
    /// (at lunch, in the evening, on a weekend or holiday) counts from the start of the next working period; a
    /// limit that ends exactly at the end of a period is due then (12:00, not 13:30). The result is in that time zone.
    /// Zero returns <paramref name="start"/>.
    /// </summary>
    /// <remarks>Provisional if a day looked at lies in a year that is not loaded.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative or more than <see cref="MaxWorkingHours"/>.</exception>
    public CalendarResult<DateTimeOffset> AddWorkingHours(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, MaxWorkingHours);
        var local = TimeZoneInfo.ConvertTime(start, Hours.TimeZone);
        if (duration == TimeSpan.Zero)
            return new(local, []);

        var assumed = new SortedSet<int>();
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;
        var remaining = duration;
        while (true)
        {
            if (Classify(date, assumed))
            {
                foreach (var (periodStart, periodEnd) in Hours.Periods)
                {
                    if (time >= periodEnd)
                        continue;
                    var from = time > periodStart ? time : periodStart;
                    if (remaining <= periodEnd - from)
                        return new(Hours.ToMoment(date, from + remaining), [.. assumed]);
                    remaining -= periodEnd - from;
                    time = periodEnd;
                }
            }

            date = date.AddDays(1);
            time = TimeSpan.Zero;
        }
    }

    /// <summary>The date of <paramref name="moment"/> in <see cref="Hours"/>' time zone (what "today" means for a deadline).</summary>
    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Hours.TimeZone).DateTime);

    /// <summary>
    /// The moment a deadline on <paramref name="date"/> falls due: the end of that day's afternoon working period
    /// (<see cref="WorkingHours.AfternoonEnd"/>) in <see cref="Hours"/>' time zone, in UTC.
    /// </summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly date)
    {
        var local = date.ToDateTime(Hours.AfternoonEnd);
        return new DateTimeOffset(local, Hours.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private bool Classify(DateOnly date, SortedSet<int> assumed)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (_years.TryGetValue(date.Year, out var year))
            return year.MakeUpWorkingDays.Contains(date) || (!weekend && !year.Holidays.Contains(date));
        assumed.Add(date.Year);
        return !weekend;
    }

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            yield return d;
    }

    private sealed record YearDays(HashSet<DateOnly> Holidays, HashSet<DateOnly> MakeUpWorkingDays);
}

/// <summary>An answer of the <see cref="WorkingDayCalendar"/>, and whether it rests on years that are not loaded.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
/// <param name="Value">The answer.</param>
/// <param name="AssumedYears">Years the computation needed but that have no calendar; they were assumed to work Monday to Friday.</param>
public sealed record CalendarResult<T>(T Value, IReadOnlyList<int> AssumedYears)
{
    /// <summary>True when the answer assumed Monday to Friday for a year with no calendar: recompute it once the year is loaded.</summary>
    public bool IsProvisional => AssumedYears.Count > 0;
}
