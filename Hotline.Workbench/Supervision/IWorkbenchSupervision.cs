using System.Security.Claims;
using Hotline.Domain.Cases;

namespace Hotline.Workbench.Supervision;

/// <summary>
/// The supervision board (督办台) as <c>GET /api/escalations</c> sees the ladder: the host implements this port with the
/// same open-case query (and <c>CaseVisibility</c>), the cases' pending tasks for who holds them, and the escalation
/// workflow's waiting timer for the next checkpoint.
/// </summary>
public interface IWorkbenchSupervision
{
    /// <summary>The open cases with a warning or on the ladder that <paramref name="user"/> may see; empty for anyone but a supervisor or leader.</summary>
    Task<SupervisionBoard> BoardAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>The board's groups, highest first: 三级, 二级, 一级, 红牌, 黄牌.</summary>
public enum SupervisionLevel
{
    /// <summary>黄牌预警.</summary>
    Yellow,

    /// <summary>红牌.</summary>
    Red,

    /// <summary>一级: a letter to the unit's head (提级督办).</summary>
    Level1,

    /// <summary>二级: the inspection office's 13710 track.</summary>
    Level2,

    /// <summary>三级: a city leader takes the case (领导包案).</summary>
    Level3,
}

/// <summary>The board: its rows, and whether more cases are on the ladder than shown.</summary>
public sealed record SupervisionBoard(IReadOnlyList<SupervisionRow> Rows, int Total);

/// <summary>
/// A case on the board: its level, names (not codes), its deadline and warning, the units holding its pending tasks, and
/// the escalation workflow's next timer: <see cref="NextStep"/> is the waiting activity's id in <c>escalation-13710</c>
/// (<c>wait-red</c>, <c>wait-3d</c>…), <see cref="NextAt"/> when it fires.
/// </summary>
public sealed record SupervisionRow(
    SupervisionLevel Level, string CaseNumber, string? Subject, string? LeadUnit, DateTimeOffset? DeadlineAt, WarningLevel Warning,
    IReadOnlyList<string> HeldBy, string? NextStep, DateTimeOffset? NextAt);
