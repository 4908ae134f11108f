using System.Globalization;
using Hotline.Domain.Persistence;

using Hotline.Domain.Calendar;

namespace Hotline.Host.Cli;

/// <summary>
/// <c>calendar list-working-days FROM TO</c> (one <c>YYYY-MM-DD</c> a line, both ends included) and
/// <c>calendar add-working-days DATE N</c> (the due date, N working days after DATE, counting from the next day).
/// They read the configured database (<c>Hotline:Database</c>, migrated and seeded first) so that years saved by
/// administrators count. A provisional answer (a year with no calendar) is also warned about on standard error.
/// Settings come from the usual places (appsettings.json in the current directory, environment variables such as
/// <c>Hotline__Database__ConnectionString</c>) and from trailing <c>--Section:Key=value</c> arguments.
/// Exit code 0 on success, 1 if the database or settings fail, 2 for bad arguments.
/// </summary>
internal static class CalendarCommand
{
    public const string Usage = """
        usage: calendar list-working-days FROM TO   (dates as YYYY-MM-DD, FROM <= TO)
               calendar add-working-days DATE N     (N = 0..3650 working days; counting starts the day after DATE)
        settings may follow as --Section:Key=value, e.g. --Hotline:Database:ConnectionString="Data Source=data/hotline.db"
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var settings = args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
        if (words.Count != 3 || Parse(words) is not { } request)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        WorkingDayCalendar calendar;
        try
        {
            calendar = await LoadCalendarAsync(settings, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure to reach the database or read the settings is reported, not thrown at the administrator.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"error: cannot read the calendar: {e.Message}");
            return 1;
        }

        IReadOnlyList<int> assumedYears;
        if (request.Days is { } days)
        {
            var due = calendar.AddWorkingDays(request.From, days);
            await stdout.WriteLineAsync(Text(due.Value));
            assumedYears = due.AssumedYears;
        }
        else
        {
            var list = calendar.ListWorkingDays(request.From, request.To);
            foreach (var day in list.Value)
                await stdout.WriteLineAsync(Text(day));
            assumedYears = list.AssumedYears;
        }

        if (assumedYears.Count > 0)
            await stderr.WriteLineAsync($"warning: provisional: no calendar is loaded for {string.Join(", ", assumedYears)}, so Monday to Friday " +
                $"were taken as working days there. An administrator should save the year (PUT /api/calendar/years/{assumedYears[0]}).");
        return 0;
    }

    private static Request? Parse(List<string> words)
    {
        switch (words[0])
        {
            case "list-working-days" when Date(words[1]) is { } from && Date(words[2]) is { } to && from <= to
                && to.DayNumber - from.DayNumber < Hotline.Host.Api.CalendarApi.MaxListDays:
                return new Request(from, to, null);
            case "add-working-days" when Date(words[1]) is { } date
                && int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= WorkingDayCalendar.MaxWorkingDays:
                return new Request(date, date, days);
            default:
                return null;
        }
    }

    private static async Task<WorkingDayCalendar> LoadCalendarAsync(string[] settings, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(settings, (services, configuration) => services.AddHotlineCalendar(configuration), cancellationToken);
        return await host.Services.GetRequiredService<CalendarService>().GetCalendarAsync(cancellationToken);
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Request(DateOnly From, DateOnly To, int? Days);
}
