using System.Globalization;
using System.Security.Claims;
using Hotline.Host.Api.OpenApi;
using Hotline.Domain.Indicators;
using Hotline.Host.Security;
using Hotline.Domain.Users;
using Hotline.Domain.Persistence;
using Hotline.Domain.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The indicators, the monthly unit ranking and the daily report over HTTP, for leaders, supervisors, administrators
/// and dispatchers: <c>GET /api/indicators</c> (and <c>/export</c>, xlsx), <c>GET /api/indicators/ranking</c>,
/// <c>GET /api/reports/daily</c> (and <c>/export</c>, xlsx).
/// Every figure is computed from the case timeline; the definitions are on <see cref="IndicatorFigures"/>,
/// <see cref="IndicatorService"/> and <see cref="DailyReportService"/>.
/// </summary>
public static class IndicatorsApi
{
    /// <summary>The roles that may read indicators and reports.</summary>
    public static IReadOnlyList<string> ReaderRoles => ReportReaders.Roles;

    private const string Definitions =
        "Days are local dates in the hotline's time zone (Asia/Shanghai); the period is [from, to): 'to' is excluded. " +
        "Each figure is numerator, denominator and rate (null when the denominator is 0), computed from the case timeline only. " +
        "按期办结率 onTimeCompletion: answers submitted (AnswerSubmitted) in the period at or before the deadline then in force (last DeadlineSet/ExtensionApproved) ÷ answers submitted. " +
        "办结率 completion: city-wide, cases registered in the period and closed (Closed/AnsweredFromKnowledgeBase) before its end ÷ cases registered; per unit, cases dispatched to the unit in the period and closed before its end with the unit still lead ÷ cases dispatched to it. " +
        "满意率 satisfaction: callbacks reached (CallbackRecorded) with Satisfied or BasicallySatisfied ÷ callbacks reached. " +
        "解决率 resolution: callbacks reached with resolved=true ÷ callbacks reached. " +
        "回访率 callback: replies (Replied) in the period whose callback concluded (CallbackRecorded, or Closed as Unreachable after every attempt) before the next reply and the period's end ÷ replies. " +
        "签收及时率 timelySignFor: sign-fors of handling tasks (SignedFor, kind Handle) with onTime=true ÷ such sign-fors. " +
        "退单率 return: dispatches (Dispatched/SubDispatched) in the period that the unit returned (Returned) before the next dispatch and the period's end ÷ dispatches. " +
        "延期率 extension: dispatches in the period during which an extension was approved (ExtensionApproved) ÷ dispatches. " +
        "重办率 rehandle: replies in the period followed by a re-handling (Reopened) before the next reply and the period's end ÷ replies. " +
        "直接办结率 directAnswer: cases registered in the period answered from the knowledge base ÷ cases registered (0 of 0 for units). " +
        "好差评满意率 citizenSatisfaction: the citizens' own ratings through the reply's one-time link (CitizenRated) in the period rated Satisfied or BasicallySatisfied ÷ ratings; per unit, the case's lead unit when rated. " +
        "A unit's figures count the events naming it (unitCode, leadUnitCode) or, for events that name none, the case's lead unit at that moment.";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/indicators")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles))
            .WithTags("Indicators")
            .WithBoundedValues();
        indicators.MapGet("/", GetIndicatorsAsync)
            .WithName("GetIndicators")
            .WithSummary("The eleven indicators (KPIs) of a period, city-wide and per unit.")
            .WithDescription("Query: from, to (YYYY-MM-DD, to excluded, at most 366 days), unitCode (optional: that unit only). " + Definitions)
            .WithQueryParameters(PeriodParameters())
            .Produces<IndicatorReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        indicators.MapGet("/export", ExportIndicatorsAsync)
            .WithName("ExportIndicators")
            .WithSummary("The indicator table of a period as an xlsx workbook (sheet 指标: city-wide, then each unit; 分子, 分母, 比率（%）).")
            .WithDescription("The same query, checks and figures as GET /api/indicators; the file is 指标-<from>至<last day>.xlsx.")
            .WithQueryParameters(PeriodParameters())
            .Produces<byte[]>(StatusCodes.Status200OK, Spreadsheet.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        indicators.MapGet("/ranking", GetRankingAsync)
            .WithName("GetUnitRanking")
            .WithSummary("The monthly unit ranking (月度考核) by a weighted score of the indicators.")
            .WithDescription(
                "Query: month (YYYY-MM). Score = 100 × Σ weight × score ÷ Σ weight over the weighted figures the unit has a rate for; " +
                "the score of onTimeCompletion, satisfaction, resolution and timelySignFor is the rate, that of return and rehandle is 1 − rate. " +
                "Default weights (Hotline:Indicators:Weights): onTimeCompletion 30, satisfaction 30, resolution 20, timelySignFor 10, return 5, rehandle 5. " +
                "Equal scores share a rank; units without any scored figure come last. " + Definitions)
            .WithQueryParameters(new QueryParameter("month", $"The month, YYYY-MM ({InputLimits.MinYear} to {InputLimits.MaxYear}).") { Required = true, Pattern = @"^\d{4}-\d{2}$" })
            .Produces<RankingReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app.MapReports();
    }

    /// <summary>The daily report, its workbook over the API and the workbench's download of it.</summary>
    private static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles))
            .WithTags("Reports")
            .WithBoundedValues();
        reports.MapGet("/daily/export", ExportDailyReportAsync)
            .WithName("ExportDailyReport")
            .WithSummary("The daily report (每日一报) as an xlsx workbook: sheets 受理量, 指标 (that day's indicators), 热点 and 超期工单.")
            .WithDescription("The same query and checks as GET /api/reports/daily; the file is 每日一报-<date>.xlsx (RFC 5987 filename*).")
            .WithQueryParameters(QueryParameter.Date("date", "The local date reported on.", required: true))
            .Produces<byte[]>(StatusCodes.Status200OK, Spreadsheet.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        // The workbench's 导出 Excel link: the same export on a page path, where the session cookie counts (never on /api).
        app.MapGet(Hotline.Workbench.Reports.ReportPaths.DailyWorkbook, ExportDailyReportAsync)
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles))
            .ExcludeFromDescription();
        reports.MapGet("/daily", GetDailyReportAsync)
            .WithName("GetDailyReport")
            .WithSummary("The daily report (每日一报): volumes, direct answers, hot spots and overdue cases of one day.")
            .WithDescription(
                "Query: date (YYYY-MM-DD, a local date in Asia/Shanghai). Volumes: cases registered that day by channel and by type. " +
                "Hot spots: subjects and districts with at least HotSpotMinimumCount (default 3) cases that day and at least HotSpotMultiplier (default 2) " +
                "times their daily average over the HotSpotBaselineDays (default 7) days before (Hotline:Indicators). " +
                "Overdue: cases open at 24:00 that day, still with their unit (no answer submitted since the last dispatch, send-back or reopening), " +
                "whose deadline then in force had passed; daysOverdue counts working days from the deadline's date to the report's date (0: due that day).")
            .WithQueryParameters(QueryParameter.Date("date", "The local date reported on.", required: true))
            .Produces<DailyReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static QueryParameter[] PeriodParameters() =>
    [
        QueryParameter.Date("from", "The first day of the period.", required: true),
        QueryParameter.Date("to", "The day after the period (excluded), at most 366 days after from.", required: true),
        new QueryParameter("unitCode", "That unit's figures only.") { MaxLength = 32 },
    ];

    private static async Task<IResult> GetIndicatorsAsync(string? from, string? to, string? unitCode, ClaimsPrincipal user, IndicatorService indicators, CancellationToken cancellationToken)
    {
        var (errors, first, last) = await PeriodAsync(from, to, unitCode, indicators, cancellationToken);
        if (errors.Count > 0)
            return Invalid(errors);
        return Results.Ok(await indicators.ComputeAsync(first, last, unitCode, Caller.DistrictCode(user), cancellationToken));
    }

    private static async Task<IResult> ExportIndicatorsAsync(string? from, string? to, string? unitCode, ClaimsPrincipal user, IndicatorService indicators, CancellationToken cancellationToken)
    {
        var (errors, first, last) = await PeriodAsync(from, to, unitCode, indicators, cancellationToken);
        if (errors.Count > 0)
            return Invalid(errors);
        using var output = new MemoryStream();
        await IndicatorWorkbook.WritePeriodAsync(await indicators.ComputeAsync(first, last, unitCode, Caller.DistrictCode(user), cancellationToken), output, cancellationToken);
        return Results.File(output.ToArray(), Spreadsheet.XlsxContentType, IndicatorWorkbook.PeriodFileName(first, last));
    }

    /// <summary>The period of the query [from, to) and the unit, checked; the problems by field.</summary>
    private static async Task<(Dictionary<string, string[]> Errors, DateOnly From, DateOnly To)> PeriodAsync(
        string? from, string? to, string? unitCode, IndicatorService indicators, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var first = QueryDate(from, "from", errors);
        var last = QueryDate(to, "to", errors);
        if (errors.Count == 0 && last <= first)
            errors["to"] = [$"'to' ({Text(last)}) must be after 'from' ({Text(first)}); 'to' is excluded, so one day is from=D&to=D+1."];
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber > IndicatorService.MaxPeriodDays)
            errors["to"] = [$"The period may span at most {IndicatorService.MaxPeriodDays} days; it spans {last.DayNumber - first.DayNumber}."];
        if (unitCode is not null)
        {
            if (string.IsNullOrWhiteSpace(unitCode) || unitCode.Length > 32)
                errors["unitCode"] = ["'unitCode' must be a unit's code."];
            else if (!await indicators.UnitExistsAsync(unitCode, cancellationToken))
                errors["unitCode"] = [$"No unit has the code '{unitCode}'."];
        }

        return (errors, first, last);
    }

    private static async Task<IResult> GetRankingAsync(string? month, ClaimsPrincipal user, IndicatorService indicators, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(month))
            return Invalid(new() { ["month"] = ["'month' is required, as YYYY-MM."] });
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || month.Length != 7)
            return Invalid(new() { ["month"] = [$"'{month}' is not a month in the form YYYY-MM."] });
        if (!InputLimits.InRange(first))
            return Invalid(new() { ["month"] = [$"'{month}' is out of range ({InputLimits.MinYear}-01 to {InputLimits.MaxYear}-12)."] });
        return Results.Ok(await indicators.RankAsync(first.Year, first.Month, Caller.DistrictCode(user), cancellationToken));
    }

    private static async Task<IResult> GetDailyReportAsync(
        string? date, ClaimsPrincipal user, DailyReportService reports, IndicatorService indicators, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (DailyReportReader.Date(date, errors) is not { } day)
            return Invalid(errors);
        return Results.Ok(await new DailyReportReader(reports, indicators, contexts).ReportAsync(day, user, cancellationToken));
    }

    private static async Task<IResult> ExportDailyReportAsync(
        string? date, ClaimsPrincipal user, DailyReportService reports, IndicatorService indicators, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (DailyReportReader.Date(date, errors) is not { } day)
            return Invalid(errors);
        var book = await new DailyReportReader(reports, indicators, contexts).BookAsync(day, user, cancellationToken);
        using var output = new MemoryStream();
        await IndicatorWorkbook.WriteDailyAsync(book, output, cancellationToken);
        return Results.File(output.ToArray(), Spreadsheet.XlsxContentType, IndicatorWorkbook.DailyFileName(day));
    }

    private static DateOnly QueryDate(string? text, string field, Dictionary<string, string[]> errors) =>
        InputLimits.Date(text, field, errors, required: true) ?? default;

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The indicator request is not valid.");

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
