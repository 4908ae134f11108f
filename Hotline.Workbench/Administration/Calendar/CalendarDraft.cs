using Hotline.Domain.Calendar;

namespace Hotline.Workbench.Administration.Calendar;

/// <summary>What a day is in a calendar year being edited.</summary>
public enum CalendarDayKind
{
    /// <summary>Monday to Friday, no holiday.</summary>
    Working,

    /// <summary>Saturday or Sunday, no holiday.</summary>
    Weekend,

    /// <summary>A public holiday (放假).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday declared a working day (调休上班).</summary>
    MakeUpWorkingDay,
}

/// <summary>
/// A calendar year as the 节假日历 screen edits it: day by day (a click cycles a day's kind), the holidays being the runs
/// of consecutive days off, each with a name. Only the editing lives here; <see cref="CalendarYearValidator"/> (through
/// the calendar service) judges the result, and its errors' indexes are those of <see cref="Holidays"/> and <see cref="MakeUpDays"/>.
/// </summary>
public sealed class CalendarDraft
{
    private readonly SortedSet<DateOnly> _holidays = [];
    private readonly SortedSet<DateOnly> _makeUp = [];
    private readonly Dictionary<DateOnly, string> _names = [];

    private CalendarDraft(int year, string source, bool isNew)
    {
        Year = year;
        Source = source;
        IsNew = isNew;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>Where the dates come from (the State Council notice).</summary>
    public string Source { get; set; }

    /// <summary>Whether the year is not stored yet.</summary>
    public bool IsNew { get; }

    /// <summary>A new year: weekends only.</summary>
    public static CalendarDraft Empty(int year) => new(year, "", isNew: true);

    /// <summary>A stored year, to correct.</summary>
    public static CalendarDraft From(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var draft = new CalendarDraft(year.Year, year.Source, isNew: false);
        foreach (var holiday in year.Holidays)
        {
            draft._names[holiday.From] = holiday.Name;
            for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                draft._holidays.Add(d);
        }

        draft._makeUp.UnionWith(year.MakeUpWorkingDays);
        return draft;
    }

    /// <summary>What <paramref name="date"/> is.</summary>
    public CalendarDayKind KindOf(DateOnly date) =>
        _holidays.Contains(date) ? CalendarDayKind.Holiday
        : _makeUp.Contains(date) ? CalendarDayKind.MakeUpWorkingDay
        : IsWeekend(date) ? CalendarDayKind.Weekend
        : CalendarDayKind.Working;

    /// <summary>The next kind of <paramref name="date"/>: a weekday is a working day or a holiday; a weekend day a weekend, a holiday or a make-up working day.</summary>
    public void Cycle(DateOnly date)
    {
        switch (KindOf(date))
        {
            case CalendarDayKind.Working or CalendarDayKind.Weekend:
                _holidays.Add(date);
                break;
            case CalendarDayKind.Holiday:
                _holidays.Remove(date);
                if (IsWeekend(date))
                    _makeUp.Add(date);
                break;
            default:
                _makeUp.Remove(date);
                break;
        }
    }

    /// <summary>The holidays: each run of consecutive days off, named by the name given to any of its days (the first).</summary>
    public IReadOnlyList<Holiday> Holidays
    {
        get
        {
            var runs = new List<Holiday>();
            foreach (var date in _holidays)
            {
                if (runs.Count > 0 && runs[^1].To.AddDays(1) == date)
                    runs[^1] = runs[^1] with { To = date };
                else
                    runs.Add(new Holiday("", date, date));
            }

            return [.. runs.Select(r => r with { Name = NameOf(r) })];
        }
    }

    /// <summary>The make-up working days, in order.</summary>
    public IReadOnlyList<DateOnly> MakeUpDays => [.. _makeUp];

    /// <summary>Names the holiday at <paramref name="index"/> of <see cref="Holidays"/>.</summary>
    public void Rename(int index, string name)
    {
        var holiday = Holidays[index];
        for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
            _names.Remove(d);
        _names[holiday.From] = name;
    }

    /// <summary>The year to save.</summary>
    public CalendarYear ToYear() => new() { Year = Year, Source = Source, Holidays = Holidays, MakeUpWorkingDays = MakeUpDays };

    private string NameOf(Holiday run)
    {
        for (var d = run.From; d <= run.To; d = d.AddDays(1))
        {
            if (_names.TryGetValue(d, out var name))
                return name;
        }

        return "";
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
