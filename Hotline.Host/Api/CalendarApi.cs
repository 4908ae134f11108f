using System.Globalization;
using Hotline.Host.Api;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Host.Api.OpenApi;

using Hotline.Domain.Calendar;

namespace Hotline.Host.Api;

/// <summary>
/// The working-day calendar over HTTP under <c>/api/calendar</c>. Reading is open (the holidays are public, and
/// nothing here is personal); saving a year needs the <see cref="AdministratorRole"/>.
/// </summary>
public static class CalendarApi
{
    /// <summary>The role that may save calendar years.</summary>
    public const string AdministratorRole = "administrator";

    /// <summary>The longest range <c>working-days</c> lists, in calendar days (about ten years).</summary>
    public const int MaxListDays = 3660;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").WithBoundedValues();
        group.MapGet("/years", ListYearsAsync)
            .WithName("ListCalendarYears")
            .WithSummary("Lists the calendar years with their numbers of holidays, make-up working days and working days.")
            .Produces<IReadOnlyList<CalendarYearSummary>>();
        group.MapGet("/years/{year}", GetYearAsync)
            .WithName("GetCalendarYear")
            .WithSummary("One calendar year: its holidays and make-up working days.")
            .Produces<CalendarYearDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/years/{year}", PutYearAsync)
            .RequireAuthorization(policy => policy.RequireRole(AdministratorRole))
            .WithSummary("Saves a new or corrected calendar year (administrators); provisional deadlines are then recomputed.")
            .WithName("SaveCalendarYear")
            .AcceptsJson<CalendarYearDocument>()
            .Produces<CalendarYearDocument>(StatusCodes.Status201Created)
            .Produces<CalendarYearDocument>();
        group.MapGet("/working-days", ListWorkingDaysAsync)
            .WithName("ListWorkingDays")
            .WithSummary("The working days from one date to another, both included.")
            .WithQueryParameters(QueryParameter.Date("from", "The first date.", required: true),
                QueryParameter.Date("to", $"The last date (not before from, fewer than {MaxListDays} days after it).", required: true))
            .Produces<WorkingDaysResponse>()
            .ProducesValidationProblem();
        group.MapGet("/add-working-days", AddWorkingDaysAsync)
            .WithName("AddWorkingDays")
            .WithSummary("The due date a number of working days after a date (counting starts the next day).")
            .WithQueryParameters(QueryParameter.Date("date", "The start date.", required: true),
                new QueryParameter("days", "The number of working days.") { Type = typeof(int), Required = true, Minimum = 0, Maximum = WorkingDayCalendar.MaxWorkingDays })
            .Produces<DueDateResponse>()
            .ProducesValidationProblem();
        group.MapGet("/warnings", GetWarningsAsync)
            .WithName("GetCalendarWarnings")
            .WithSummary("Years that deadlines may need but that are not loaded.")
            .Produces<CalendarWarningsResponse>();
        return app;
    }

    /// <summary>A line of the year list.</summary>
    public sealed record CalendarYearSummary(int Year, int Holidays, int HolidayDays, int MakeUpWorkingDays, int WorkingDays, string Source, DateTimeOffset LoadedAt, string LoadedBy);

    /// <summary>
    /// A calendar year as read and written. A PUT takes what a GET returns: <c>year</c>, when sent, must match the
    /// address; <c>days</c> and <c>workingDaysInYear</c>, when sent, are checked against the dates (as printed in
    /// the notice); <c>loadedAt</c> and <c>loadedBy</c> are set by the server.
    /// </summary>
    public sealed record CalendarYearDocument
    {
        /// <summary>The year.</summary>
        public int? Year { get; init; }

        /// <summary>Where the dates come from (required).</summary>
        public string? Source { get; init; }

        /// <summary>The public holidays.</summary>
        public IReadOnlyList<HolidayDocument?>? Holidays { get; init; }

        /// <summary>Weekend days declared working days, <c>YYYY-MM-DD</c>.</summary>
        public IReadOnlyList<string?>? MakeUpWorkingDays { get; init; }

        /// <summary>The number of working days in the year.</summary>
        public int? WorkingDaysInYear { get; init; }

        /// <summary>When the year was saved.</summary>
        public DateTimeOffset? LoadedAt { get; init; }

        /// <summary>Who saved it.</summary>
        public string? LoadedBy { get; init; }
    }

    /// <summary>A public holiday: <c>from</c> and <c>to</c> (both days off, <c>YYYY-MM-DD</c>) and its length in days.</summary>
    public sealed record HolidayDocument(string? Name, string? From, string? To, int? Days);

    /// <summary>The answer of <c>working-days</c>.</summary>
    public sealed record WorkingDaysResponse(DateOnly From, DateOnly To, int Count, IReadOnlyList<DateOnly> Days, bool Provisional, IReadOnlyList<int> AssumedYears);

    /// <summary>The answer of <c>add-working-days</c>.</summary>
    public sealed record DueDateResponse(DateOnly Date, int Days, DateOnly Due, bool Provisional, IReadOnlyList<int> AssumedYears);

    /// <summary>The answer of <c>warnings</c>.</summary>
    public sealed record CalendarWarningsResponse(DateOnly Today, IReadOnlyList<CalendarWarning> Warnings);

    private static async Task<IResult> ListYearsAsync(CalendarService calendar, CancellationToken cancellationToken)
    {
        var years = await calendar.ListYearsAsync(cancellationToken);
        return Results.Ok(years.Select(y => new CalendarYearSummary(y.Year, y.Holidays.Count, y.Holidays.Sum(h => h.Days), y.MakeUpWorkingDays.Count,
            CalendarYearValidator.CountWorkingDays(y), y.Source, y.LoadedAt, y.LoadedBy)).ToList());
    }

    private static async Task<IResult> GetYearAsync([FromRoute(Name = "year")] string yearText, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (RouteYear(yearText) is not { } year)
            return YearOutOfRange(yearText);
        return await calendar.FindYearAsync(year, cancellationToken) is { } found ? Results.Ok(ToDocument(found)) : YearNotFound(year);
    }

    private static async Task<IResult> PutYearAsync([FromRoute(Name = "year")] string yearText, HttpRequest request, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (RouteYear(yearText) is not { } year)
            return YearOutOfRange(yearText);
        var (document, problem) = await ApiBody.ReadAsync<CalendarYearDocument>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var (parsed, errors) = FromDocument(year, document!);
        if (errors.Count > 0)
            return Invalid(errors);

        var result = await calendar.SaveYearAsync(parsed, request.HttpContext.User.Identity?.Name ?? "unknown", document!.WorkingDaysInYear, cancellationToken);
        if (!result.Saved)
            return Invalid(new Dictionary<string, string[]>(result.Errors));
        var saved = ToDocument((await calendar.FindYearAsync(year, cancellationToken))!);
        return result.Created ? Results.Created($"/api/calendar/years/{year}", saved) : Results.Ok(saved);
    }

    private static async Task<IResult> ListWorkingDaysAsync(string? from, string? to, CalendarService calendar, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var first = QueryDate(from, "from", errors);
        var last = QueryDate(to, "to", errors);
        if (errors.Count == 0 && last < first)
            errors["to"] = [$"'to' ({Text(last)}) is before 'from' ({Text(first)})."];
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber >= MaxListDays)
            errors["to"] = [$"The range may span at most {MaxListDays} days."];
        if (errors.Count > 0)
            return Invalid(errors);

        var result = (await calendar.GetCalendarAsync(cancellationToken)).ListWorkingDays(first, last);
        return Results.Ok(new WorkingDaysResponse(first, last, result.Value.Count, result.Value, result.IsProvisional, result.AssumedYears));
    }

    private static async Task<IResult> AddWorkingDaysAsync(string? date, string? days, CalendarService calendar, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = QueryDate(date, "date", errors);
        if (string.IsNullOrEmpty(days))
            errors["days"] = ["The number of working days is required."];
        else if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > WorkingDayCalendar.MaxWorkingDays)
            errors["days"] = [$"'{days}' is not a whole number of working days from 0 to {WorkingDayCalendar.MaxWorkingDays}."];
        if (errors.Count > 0)
            return Invalid(errors);

        var count = int.Parse(days!, CultureInfo.InvariantCulture);
        var result = (await calendar.GetCalendarAsync(cancellationToken)).AddWorkingDays(start, count);
        return Results.Ok(new DueDateResponse(start, count, result.Value, result.IsProvisional, result.AssumedYears));
    }

    private static async Task<IResult> GetWarningsAsync(CalendarService calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var warnings = await calendar.GetWarningsAsync(cancellationToken);
        var today = (await calendar.GetCalendarAsync(cancellationToken)).DateOf(clock.GetUtcNow());
        return Results.Ok(new CalendarWarningsResponse(today, warnings));
    }

    private static CalendarYearDocument ToDocument(CalendarYear year) => new()
    {
        Year = year.Year,
        Source = year.Source,
        Holidays = [.. year.Holidays.Select(h => new HolidayDocument(h.Name, Text(h.From), Text(h.To), h.Days))],
        MakeUpWorkingDays = [.. year.MakeUpWorkingDays.Select(d => Text(d))],
        WorkingDaysInYear = CalendarYearValidator.CountWorkingDays(year),
        LoadedAt = year.LoadedAt,
        LoadedBy = year.LoadedBy,
    };

    /// <summary>The year in a document, and every error in it: what does not parse, contradicts itself or breaks <see cref="CalendarYearValidator"/>'s rules.</summary>
    private static (CalendarYear Year, Dictionary<string, string[]> Errors) FromDocument(int year, CalendarYearDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        if (document.Year is { } bodyYear && bodyYear != year)
            errors["year"] = [$"The body is for {bodyYear}, the address for {year}."];
        if (document.Holidays is null)
            errors["holidays"] = ["The public holidays are required: [{\"name\": ..., \"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}]."];
        if (document.MakeUpWorkingDays is null)
            errors["makeUpWorkingDays"] = ["The make-up working days are required (an empty list if there are none)."];

        var holidays = new List<Holiday>();
        for (var i = 0; i < (document.Holidays?.Count ?? 0); i++)
        {
            var field = $"holidays[{i}]";
            if (document.Holidays![i] is not { } h)
            {
                errors[field] = ["A holiday must be an object with name, from and to."];
                continue;
            }

            var from = BodyDate(h.From, $"{field}.from", errors);
            var to = BodyDate(h.To, $"{field}.to", errors);
            var holiday = new Holiday(h.Name ?? "", from, to);
            if (h.Days is { } days && from != default && to != default && to >= from && days != holiday.Days)
                errors[$"{field}.days"] = [$"{Text(from)}..{Text(to)} is {holiday.Days} days, not {days}."];
            holidays.Add(holiday);
        }

        var makeUpDays = new List<DateOnly>();
        for (var i = 0; i < (document.MakeUpWorkingDays?.Count ?? 0); i++)
            makeUpDays.Add(BodyDate(document.MakeUpWorkingDays![i], $"makeUpWorkingDays[{i}]", errors));

        var parsed = new CalendarYear { Year = year, Source = document.Source ?? "", Holidays = holidays, MakeUpWorkingDays = makeUpDays };
        // Once every date parses, report the rule violations in the same answer, so one round trip shows every error.
        if (errors.Keys.All(k => k.EndsWith(".days", StringComparison.Ordinal)))
        {
            foreach (var (field, messages) in CalendarYearValidator.Validate(parsed, errors.Count == 0 ? document.WorkingDaysInYear : null))
                errors[field] = messages;
        }

        return (parsed, errors);
    }

    private static DateOnly BodyDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[field] = [text is null ? "A date (YYYY-MM-DD) is required." : $"'{text}' is not a date in the form YYYY-MM-DD."];
        return default;
    }

    private static DateOnly QueryDate(string? text, string field, Dictionary<string, string[]> errors) =>
        InputLimits.Date(text, field, errors, required: true) ?? default;

    /// <summary>The year of the address when it is one a calendar can be saved for; any other is a 400, not a lookup.</summary>
    private static int? RouteYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= CalendarYearValidator.MinYear and <= CalendarYearValidator.MaxYear
            ? year
            : null;

    private static IResult YearOutOfRange(string text) =>
        Invalid(new() { ["year"] = [$"'{text}' is not a year from {CalendarYearValidator.MinYear} to {CalendarYearValidator.MaxYear}."] });

    private static IResult Invalid(Dictionary<string, string[]> errors, string title = "The calendar request is not valid.") =>
        Results.ValidationProblem(errors, title: title);

    private static IResult YearNotFound(int year) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Calendar year not found",
            detail: $"No calendar is loaded for {year}; dates in it are assumed to be Monday to Friday working days.");

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
