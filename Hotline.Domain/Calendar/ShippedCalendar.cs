using System.Globalization;
using System.Text.Json;

namespace Hotline.Domain.Calendar;

/// <summary>
/// The calendar years shipped in the assembly (<c>Calendar/Data/cn-holidays-2025-2026.json</c>, the product owner's
/// data): what a database with no calendar is seeded with. Administrators correct or extend it through the API.
/// </summary>
public static class ShippedCalendar
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Hotline.Domain.Calendar.Data.cn-holidays-2025-2026.json";

    /// <summary>
    /// Reads the shipped years, stamped <paramref name="loadedAt"/> and <paramref name="loadedBy"/>. Each year is
    /// validated, including the holiday lengths and the working-day count the file states.
    /// </summary>
    /// <exception cref="InvalidOperationException">The shipped file is not valid (a build defect).</exception>
    public static IReadOnlyList<CalendarYear> Load(DateTimeOffset loadedAt, string loadedBy)
    {
        using var stream = typeof(ShippedCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var years = new List<CalendarYear>();
        foreach (var property in root.EnumerateObject())
        {
            if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                continue;
            var element = property.Value;
            var holidays = element.GetProperty("holidays").EnumerateArray().Select(h => new
            {
                Holiday = new Holiday(h.GetProperty("name").GetString()!, Date(h.GetProperty("from")), Date(h.GetProperty("to"))),
                Days = h.GetProperty("days").GetInt32(),
            }).ToList();
            var year = new CalendarYear
            {
                Year = number,
                Holidays = [.. holidays.Select(h => h.Holiday)],
                MakeUpWorkingDays = [.. element.GetProperty("makeup_workdays").EnumerateArray().Select(Date)],
                Source = root.GetProperty("source_notes").GetProperty(property.Name).GetString()!,
                LoadedAt = loadedAt,
                LoadedBy = loadedBy,
            };
            var errors = CalendarYearValidator.Validate(year, element.GetProperty("working_days_in_year").GetInt32());
            foreach (var wrong in holidays.Where(h => h.Holiday.Days != h.Days))
                errors[wrong.Holiday.Name] = [$"{wrong.Holiday.From}..{wrong.Holiday.To} is {wrong.Holiday.Days} days, the file says {wrong.Days}."];
            if (errors.Count > 0)
                throw new InvalidOperationException($"The shipped calendar for {number} is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            years.Add(year);
        }

        return years;
    }

    private static DateOnly Date(JsonElement element) => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
