using System.Security.Claims;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Host.Workbench;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The daily report as people read it, shared by <c>GET /api/reports/daily</c>, its xlsx export and the workbench's
/// 每日一报 page: the date checked the same way, the caller's district applied, and for the page and the workbook the
/// day's indicators and the districts' names.
/// </summary>
internal sealed class DailyReportReader(DailyReportService reports, IndicatorService indicators, IDbContextFactory<HotlineDbContext> contexts)
{
    /// <summary>The query field of the date.</summary>
    public const string DateField = "date";

    /// <summary>Whether <paramref name="user"/> may read reports (<see cref="IndicatorsApi.ReaderRoles"/>).</summary>
    public static bool MayRead(ClaimsPrincipal user) => IndicatorsApi.ReaderRoles.Any(user.IsInRole);

    /// <summary>The date of a <c>date=YYYY-MM-DD</c> query (required, in range); null with the problem in <paramref name="errors"/>.</summary>
    public static DateOnly? Date(string? text, Dictionary<string, string[]> errors) => InputLimits.Date(text, DateField, errors, required: true);

    /// <summary>The report of <paramref name="date"/> as <paramref name="user"/> may see it (a district account: its district).</summary>
    public Task<DailyReport> ReportAsync(DateOnly date, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        reports.BuildAsync(date, Caller.DistrictCode(user), cancellationToken);

    /// <summary>The report with that day's indicators and the names of the hot districts.</summary>
    public async Task<DailyReportBook> BookAsync(DateOnly date, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var district = Caller.DistrictCode(user);
        var report = await reports.BuildAsync(date, district, cancellationToken);
        var day = await indicators.ComputeAsync(date, date.AddDays(1), null, district, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var districts = report.HotSpots.Where(h => h.Dimension == DailyReportService.DistrictDimension).Select(h => h.Code);
        var names = await ReferenceNames.ReadAsync(db, [], [], districts, cancellationToken);
        var named = report.HotSpots
            .Select(h => h.Dimension == DailyReportService.DistrictDimension ? h with { Name = names.District(h.Code) } : h)
            .ToList();
        return new DailyReportBook(report with { HotSpots = named }, day);
    }
}
