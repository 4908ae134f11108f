using System.Globalization;

namespace Hotline.Workflows.Scheduling;

/// <summary>
/// A cron expression: five fields (minute hour day-of-month month day-of-week) or six with seconds first, as Elsa's
/// Cronos parser accepts. Fields take <c>*</c>, <c>?</c>, numbers, ranges, steps, lists and month/day names.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private readonly bool[] _seconds, _minutes, _hours, _daysOfMonth, _months, _daysOfWeek;
    private readonly bool _domRestricted, _dowRestricted;

    private CronSchedule(string[] fields)
    {
        var offset = fields.Length == 6 ? 1 : 0;
        _seconds = offset == 1 ? Parse(fields[0], 0, 59, null, "second") : Single(0, 60);
        _minutes = Parse(fields[offset], 0, 59, null, "minute");
        _hours = Parse(fields[offset + 1], 0, 23, null, "hour");
        _daysOfMonth = Parse(fields[offset + 2], 1, 31, null, "day of month");
        _months = Parse(fields[offset + 3], 1, 12, MonthNames, "month");
        var dow = Parse(fields[offset + 4], 0, 7, DayNames, "day of week");
        if (dow[7])
            dow[0] = true;
        _daysOfWeek = dow;
        _domRestricted = fields[offset + 2] is not ("*" or "?");
        _dowRestricted = fields[offset + 4] is not ("*" or "?");
    }

    /// <summary>Parses an expression; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static CronSchedule Parse(string expression)
    {
        var fields = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
            throw new FormatException($"A cron expression has 5 or 6 fields; '{expression}' has {fields.Length}.");
        return new CronSchedule(fields);
    }

    /// <summary>Returns the error for an invalid expression, or null.</summary>
    public static string? Validate(string expression)
    {
        try
        {
            Parse(expression);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), or null within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var start = after.ToUniversalTime().AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var day = new DateTimeOffset(start.Year, start.Month, start.Day, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 366 * 5; i++, day = day.AddDays(1))
        {
            if (!_months[day.Month] || !DayMatches(day))
                continue;
            var first = day.Date == start.Date;
            for (var h = first ? start.Hour : 0; h < 24; h++)
            {
                if (!_hours[h])
                    continue;
                var sameHour = first && h == start.Hour;
                for (var m = sameHour ? start.Minute : 0; m < 60; m++)
                {
                    if (!_minutes[m])
                        continue;
                    var sameMinute = sameHour && m == start.Minute;
                    for (var s = sameMinute ? start.Second : 0; s < 60; s++)
                        if (_seconds[s])
                            return day.AddHours(h).AddMinutes(m).AddSeconds(s);
                }
            }
        }

        return null;
    }

    private bool DayMatches(DateTimeOffset day)
    {
        var dom = _daysOfMonth[day.Day];
        var dow = _daysOfWeek[(int)day.DayOfWeek];
        if (_domRestricted && _dowRestricted)
            return dom || dow;
        return dom && dow;
    }

    private static bool[] Single(int value, int size)
    {
        var set = new bool[size];
        set[value] = true;
        return set;
    }

    private static bool[] Parse(string field, int min, int max, string[]? names, string what)
    {
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var step = 1;
            var range = part;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
                    throw new FormatException($"Bad step in {what} field '{field}'.");
                range = part[..slash];
            }

            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                from = Value(dash >= 0 ? range[..dash] : range, min, max, names, what, field);
                to = dash >= 0 ? Value(range[(dash + 1)..], min, max, names, what, field) : slash >= 0 ? max : from;
                if (to < from)
                    throw new FormatException($"Range {range} runs backwards in {what} field '{field}'.");
            }

            for (var v = from; v <= to; v += step)
                set[v] = true;
        }

        return set;
    }

    private static int Value(string text, int min, int max, string[]? names, string what, string field)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return index + (names.Length == 12 ? 1 : 0);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new FormatException($"'{text}' is not a valid {what} ({min}-{max}) in field '{field}'.");
        return value;
    }
}
