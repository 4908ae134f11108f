using System.Security.Claims;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Host.Api;
using Hotline.Workbench.Reports;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>The 每日一报 page's port: the reader the daily report API and its xlsx export use (<see cref="DailyReportReader"/>).</summary>
internal sealed class WorkbenchReports(DailyReportService reports, IndicatorService indicators, IDbContextFactory<HotlineDbContext> contexts) : IWorkbenchReports
{
    public async Task<DailyReportAnswer?> DailyAsync(ClaimsPrincipal user, string date, CancellationToken cancellationToken)
    {
        if (!DailyReportReader.MayRead(user))
            return null;
        var errors = new Dictionary<string, string[]>();
        if (DailyReportReader.Date(date, errors) is not { } day)
            return new(null, string.Join(" ", errors[DailyReportReader.DateField]));
        return new(await new DailyReportReader(reports, indicators, contexts).BookAsync(day, user, cancellationToken), null);
    }
}
