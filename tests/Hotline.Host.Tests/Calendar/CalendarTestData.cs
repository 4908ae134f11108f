using System.Globalization;
using Hotline.Domain.Calendar;

namespace Hotline.Host.Tests.Calendar;

/// <summary>Calendars and years for the calendar tests.</summary>
internal static class CalendarTestData
{
    /// <summary>China Standard Time, the default working-hours zone.</summary>
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The shipped 2025 and 2026.</summary>
    public static IReadOnlyList<CalendarYear> Shipped() => ShippedCalendar.Load(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "test");

    /// <summary>A calendar of the shipped years with the default working hours.</summary>
    public static WorkingDayCalendar ShippedCalendar2025And2026() => new(Shipped());

    /// <summary>
    /// A made-up 2027 (the State Council publishes the real one in November 2026): New Year Friday 1 to Sunday 3
    /// January, Spring Festival 6 to 14 February with make-up Sundays 31 January and 21 February.
    /// </summary>
    public static CalendarYear Hypothetical2027() => new()
    {
        Year = 2027,
        Source = "test data, not the State Council's notice",
        Holidays = [new Holiday("New Year (元旦)", D("2027-01-01"), D("2027-01-03")), new Holiday("Spring Festival (春节)", D("2027-02-06"), D("2027-02-14"))],
        MakeUpWorkingDays = [D("2027-01-31"), D("2027-02-21")],
    };

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment in Beijing time.</summary>
    public static DateTimeOffset At(string localDateTime) =>
        new(DateTime.ParseExact(localDateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Beijing);
}

/// <summary>Calendar years in memory, copied in and out like a database would.</summary>
internal sealed class MemoryCalendarYearStore : ICalendarYearStore
{
    private readonly Dictionary<int, CalendarYear> _years = [];

    public int Loads { get; private set; }

    public Task<IReadOnlyList<CalendarYear>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        Loads++;
        lock (_years)
            return Task.FromResult<IReadOnlyList<CalendarYear>>([.. _years.Values.OrderBy(y => y.Year).Select(Copy)]);
    }

    public Task SeedAsync(IReadOnlyList<CalendarYear> years, CancellationToken cancellationToken = default)
    {
        lock (_years)
        {
            if (_years.Count == 0)
            {
                foreach (var year in years)
                    _years[year.Year] = Copy(year);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> SaveAsync(CalendarYear year, CancellationToken cancellationToken = default)
    {
        lock (_years)
        {
            var created = !_years.ContainsKey(year.Year);
            _years[year.Year] = Copy(year);
            return Task.FromResult(created);
        }
    }

    private static CalendarYear Copy(CalendarYear y) => new()
    {
        Year = y.Year, Holidays = [.. y.Holidays], MakeUpWorkingDays = [.. y.MakeUpWorkingDays], Source = y.Source, LoadedAt = y.LoadedAt, LoadedBy = y.LoadedBy,
    };
}
