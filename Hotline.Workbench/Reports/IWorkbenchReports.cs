using System.Security.Claims;
using Hotline.Domain.Indicators;

namespace Hotline.Workbench.Reports;

/// <summary>
/// The daily report (每日一报) as <c>GET /api/reports/daily</c> computes it: the host implements this port with the
/// same date check, the same district limit and the same services, and adds that day's indicators.
/// </summary>
public interface IWorkbenchReports
{
    /// <summary>
    /// The report of <paramref name="date"/> (<c>YYYY-MM-DD</c>) as <paramref name="user"/> may see it; null for anyone
    /// who reads no reports (<see cref="ReportReaders.Roles"/>).
    /// </summary>
    Task<DailyReportAnswer?> DailyAsync(ClaimsPrincipal user, string date, CancellationToken cancellationToken);
}

/// <summary>The report, or why there is none: <see cref="DateProblem"/> says what is wrong with the date.</summary>
public sealed record DailyReportAnswer(DailyReportBook? Book, string? DateProblem);
