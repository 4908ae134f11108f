using System.Security.Claims;
using Hotline.Domain.Indicators;

namespace Hotline.Workbench.Dashboard;

/// <summary>
/// The leader's dashboard (领导驾驶舱): the domain's indicators, ranking and day-by-day volumes for a month, and the
/// overdue cases by unit through the case list's own filter (so each bar lists exactly its cases). The host checks the
/// role and confines a sub-centre's account to its district.
/// </summary>
public interface IWorkbenchDashboard
{
    /// <summary>
    /// The month of <paramref name="month"/> (the current month when null), all units or <paramref name="unitCode"/>'s cases
    /// only; null for anyone but a leader, supervisor or administrator.
    /// </summary>
    Task<DashboardData?> LoadAsync(ClaimsPrincipal user, DateOnly? month, string? unitCode, CancellationToken cancellationToken);
}

/// <summary>A code and the name people read.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>How many overdue cases a unit leads now.</summary>
public sealed record UnitCount(string UnitCode, string UnitName, int Count);

/// <summary>What the dashboard shows.</summary>
/// <param name="From">The month's first day.</param>
/// <param name="To">The next month's first day (excluded).</param>
/// <param name="UnitCode">The unit chosen; null for all (an unknown code counts as all).</param>
/// <param name="Units">The units to choose from, by name.</param>
/// <param name="Volumes">Cases registered per day, by channel, type and district.</param>
/// <param name="Indicators">The ten indicators per unit.</param>
/// <param name="Ranking">The month's unit ranking, best first.</param>
/// <param name="Overdue">Open cases past their deadline now, per lead unit, most first.</param>
/// <param name="Districts">District names by code.</param>
public sealed record DashboardData(
    DateOnly From, DateOnly To, string? UnitCode, IReadOnlyList<NamedCode> Units, VolumeSeries Volumes, IndicatorReport Indicators, RankingReport Ranking,
    IReadOnlyList<UnitCount> Overdue, IReadOnlyDictionary<string, string> Districts);
