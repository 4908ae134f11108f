using System.Globalization;

namespace Hotline.Domain.Calendar;

/// <summary>
/// Checks a <see cref="CalendarYear"/> before it is saved. Errors are keyed by the field of the API document they
/// concern (<c>holidays[1].to</c>, <c>makeUpWorkingDays[0]</c>), ready for an RFC 7807 validation problem.
/// </summary>
public static class CalendarYearValidator
{
    /// <summary>The earliest year accepted.</summary>
    public const int MinYear = 2000;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 2100;

    /// <summary>The longest source note accepted.</summary>
    public const int MaxSourceLength = 2000;

    /// <summary>The longest holiday name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The most holidays, and the most make-up days, a year may list.</summary>
    public const int MaxEntries = 50;

    /// <summary>
    /// The errors in <paramref name="year"/>, empty if it may be saved: the year is in range, a source is given,
    /// there is at least one holiday, every date lies in the year, no range is reversed, no date is listed twice,
    /// make-up days are Saturdays or Sundays outside every holiday, and — when <paramref name="workingDaysInYear"/>
    /// is given, as the notice's own check — the year has that many working days.
    /// </summary>
    public static Dictionary<string, string[]> Validate(CalendarYear year, int? workingDaysInYear = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        var errors = new Errors();
        if (year.Year is < MinYear or > MaxYear)
        {
            errors.Add("year", $"The year must be between {MinYear} and {MaxYear}; it is {year.Year}.");
            return errors.ToDictionary();
        }

        CheckSourceAndCounts(year, errors);
        var holidayOf = CheckHolidays(year, errors);
        CheckMakeUpDays(year, holidayOf, errors);
        if (errors.Count == 0 && workingDaysInYear is { } expected)
        {
            var actual = CountWorkingDays(year);
            if (actual != expected)
                errors.Add("workingDaysInYear", $"The dates give {actual} working days in {year.Year}, not {expected}; check the holidays and make-up days against the notice.");
        }

        return errors.ToDictionary();
    }

    private static void CheckSourceAndCounts(CalendarYear year, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(year.Source))
            errors.Add("source", "Say where the dates come from (the State Council notice's title and address).");
        else if (year.Source.Length > MaxSourceLength)
            errors.Add("source", $"The source note is longer than {MaxSourceLength} characters.");

        if (year.Holidays.Count == 0)
            errors.Add("holidays", "At least one public holiday is required.");
        else if (year.Holidays.Count > MaxEntries)
            errors.Add("holidays", $"At most {MaxEntries} holidays may be listed.");
        if (year.MakeUpWorkingDays.Count > MaxEntries)
            errors.Add("makeUpWorkingDays", $"At most {MaxEntries} make-up working days may be listed.");
    }

    /// <summary>Checks each holiday; returns the index of the holiday that holds each date of a valid range.</summary>
    private static Dictionary<DateOnly, int> CheckHolidays(CalendarYear year, Errors errors)
    {
        var holidayOf = new Dictionary<DateOnly, int>();
        for (var i = 0; i < year.Holidays.Count; i++)
        {
            var holiday = year.Holidays[i];
            var field = $"holidays[{i}]";
            if (string.IsNullOrWhiteSpace(holiday.Name))
                errors.Add($"{field}.name", "The holiday's name is required.");
            else if (holiday.Name.Length > MaxNameLength)
                errors.Add($"{field}.name", $"The name is longer than {MaxNameLength} characters.");
            if (!IsRangeInYear(year, holiday, field, errors))
                continue;

            CheckOverlap(year, holiday, field, holidayOf, errors);
            for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                holidayOf.TryAdd(d, i);
        }

        return holidayOf;
    }

    private static bool IsRangeInYear(CalendarYear year, Holiday holiday, string field, Errors errors)
    {
        var inYear = true;
        foreach (var (end, date) in new[] { ("from", holiday.From), ("to", holiday.To) })
        {
            if (date.Year != year.Year)
            {
                errors.Add($"{field}.{end}", $"{Text(date)} is not in {year.Year}; a holiday spanning New Year is saved as two ranges, one in each year.");
                inYear = false;
            }
        }

        if (!inYear)
            return false;
        if (holiday.To < holiday.From)
        {
            errors.Add($"{field}.to", $"The holiday ends on {Text(holiday.To)}, before it starts ({Text(holiday.From)}).");
            return false;
        }

        return true;
    }

    private static void CheckOverlap(CalendarYear year, Holiday holiday, string field, Dictionary<DateOnly, int> holidayOf, Errors errors)
    {
        for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
        {
            if (holidayOf.TryGetValue(d, out var other))
            {
                errors.Add($"{field}.from", $"{Text(holiday.From)}..{Text(holiday.To)} overlaps holiday '{year.Holidays[other].Name}' (holidays[{other}]) on {Text(d)}; a date may be listed once.");
                return;
            }
        }
    }

    private static void CheckMakeUpDays(CalendarYear year, Dictionary<DateOnly, int> holidayOf, Errors errors)
    {
        var makeUpSeen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < year.MakeUpWorkingDays.Count; i++)
        {
            var date = year.MakeUpWorkingDays[i];
            var field = $"makeUpWorkingDays[{i}]";
            if (date.Year != year.Year)
                errors.Add(field, $"{Text(date)} is not in {year.Year}.");
            else if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add(field, $"{Text(date)} is a {date.DayOfWeek}; a make-up working day must be a Saturday or Sunday.");
            else if (holidayOf.TryGetValue(date, out var holiday))
                errors.Add(field, $"{Text(date)} is inside holiday '{year.Holidays[holiday].Name}' (holidays[{holiday}]); a day cannot be both.");
            else if (!makeUpSeen.TryAdd(date, i))
                errors.Add(field, $"{Text(date)} is listed twice (also makeUpWorkingDays[{makeUpSeen[date]}]).");
        }
    }

    /// <summary>The number of working days in the year under <paramref name="year"/>'s holidays and make-up days.</summary>
    public static int CountWorkingDays(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new WorkingDayCalendar([year]).ListWorkingDays(new DateOnly(year.Year, 1, 1), new DateOnly(year.Year, 12, 31)).Value.Count;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public int Count => _errors.Count;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
                _errors[field] = list = [];
            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
