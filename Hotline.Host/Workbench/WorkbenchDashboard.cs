using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Indicators;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The leader's dashboard from the domain's own figures (<see cref="IndicatorService"/>, <see cref="VolumeSeriesService"/>)
/// confined like <c>GET /api/indicators</c> to the caller's district; the overdue bars count through
/// <see cref="CaseListFilter"/> and <see cref="CaseVisibility"/>, the very query <c>/cases?unitCode=U&amp;overdue=true</c> lists.
/// </summary>
internal sealed class WorkbenchDashboard(
    IDbContextFactory<HotlineDbContext> contexts, IndicatorService indicators, VolumeSeriesService volumes, CalendarService calendars, TimeProvider clock)
    : IWorkbenchDashboard
{
    /// <summary>The roles that see the dashboard.</summary>
    internal static IReadOnlyList<string> Roles { get; } = [HotlineRoles.Leader, HotlineRoles.Supervisor, HotlineRoles.Administrator];

    public async Task<DashboardData?> LoadAsync(ClaimsPrincipal user, DateOnly? month, string? unitCode, CancellationToken cancellationToken)
    {
        if (!Roles.Any(user.IsInRole))
            return null;
        var day = month ?? (await calendars.GetCalendarAsync(cancellationToken)).DateOf(clock.GetUtcNow());
        var from = new DateOnly(day.Year, day.Month, 1);
        var to = from.AddMonths(1);
        var district = Caller.DistrictCode(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Code)
            .Select(u => new NamedCode(u.Code, u.Name)).ToListAsync(cancellationToken);
        var unit = units.Any(u => u.Code == unitCode) ? unitCode : null;

        var series = await volumes.BuildAsync(from, to, unit, district, cancellationToken);
        var report = await indicators.ComputeAsync(from, to, unit, district, cancellationToken);
        var ranking = await indicators.RankAsync(from.Year, from.Month, district, cancellationToken);
        var overdueFilter = new CaseListFilter(null, null, null, null, null, unit, null, null, Overdue: true);
        var overdue = await (await overdueFilter.ApplyAsync(CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()), calendars, clock, cancellationToken))
            .Where(c => c.LeadUnitCode != null)
            .GroupBy(c => c.LeadUnitCode!).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, [], overdue.Select(o => o.Unit), series.Days.SelectMany(d => d.ByDistrict.Select(l => l.Key)), cancellationToken);
        return new DashboardData(
            from, to, unit, units, series, report,
            unit is null ? ranking : ranking with { Units = ranking.Units.Where(u => u.UnitCode == unit).ToList() },
            overdue.Select(o => new UnitCount(o.Unit, names.Unit(o.Unit)!, o.Count)).OrderByDescending(o => o.Count).ThenBy(o => o.UnitCode, StringComparer.Ordinal).ToList(),
            series.Days.SelectMany(d => d.ByDistrict).Select(l => l.Key).Distinct(StringComparer.Ordinal).ToDictionary(d => d, d => names.District(d)!, StringComparer.Ordinal));
    }
}
