using System.Security.Claims;
using Hotline.Domain.Activities;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;
using Hotline.Workbench.Cases;

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

    /// <summary>
    /// 督办意见: records <paramref name="text"/> on case <paramref name="caseNumber"/> for its lead unit, with the API's
    /// checks (a supervisor or leader who may see the case; 1–1000 characters; an open case).
    /// </summary>
    Task<InstructionOutcome> InstructAsync(ClaimsPrincipal user, string caseNumber, string? text, CancellationToken cancellationToken);

    /// <summary>
    /// The supervisor's decision on a supervision item after the unit's progress report: 销号 (<see cref="SupervisionVerdict.Close"/>,
    /// an optional note) stops the ladder; 保留督办 (<see cref="SupervisionVerdict.Keep"/>) needs an instruction (1–1000
    /// characters) for the lead unit. A supervisor or leader who may see the case; the item must wait for a decision.
    /// </summary>
    Task<DecisionOutcome> DecideAsync(ClaimsPrincipal user, string caseNumber, SupervisionVerdict verdict, string? text, CancellationToken cancellationToken);
}

/// <summary>What the supervisor decides on an item after the unit's progress report.</summary>
public enum SupervisionVerdict
{
    /// <summary>销号: the item is closed; the ladder stops.</summary>
    Close,

    /// <summary>保留督办: the item stays open, with an instruction to the unit.</summary>
    Keep,
}

/// <summary>What a decision came to.</summary>
public enum DecisionOutcome
{
    /// <summary>销号 done.</summary>
    Closed,

    /// <summary>Kept open; the instruction was given.</summary>
    Kept,

    /// <summary>The text is missing (保留督办) or too long.</summary>
    Invalid,

    /// <summary>No supervision item of the case waits for a decision (none yet, or decided meanwhile): 409.</summary>
    NoOpenItem,

    /// <summary>Not a case this person may decide on: 404.</summary>
    NotFound,
}

/// <summary>The lead unit's latest progress report (进展反馈) on a case: its text, the unit's name, when.</summary>
public sealed record ProgressNote(string Text, string? Unit, DateTimeOffset At);

/// <summary>What an instruction came to.</summary>
public enum InstructionOutcome
{
    /// <summary>Recorded; the unit is told.</summary>
    Recorded,

    /// <summary>Empty or too long.</summary>
    Invalid,

    /// <summary>The case has ended meanwhile.</summary>
    Ended,

    /// <summary>Not a case this person may instruct.</summary>
    NotFound,
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
/// the latest 督办意见 given, the unit's latest progress report and whether the item waits for 销号 or 保留督办
/// (<see cref="AwaitsDecision"/>), and the escalation workflow's next timer: <see cref="NextStep"/> is the waiting activity's id in <c>escalation-13710</c>
/// (<c>wait-red</c>, <c>wait-3d</c>…), <see cref="NextAt"/> when it fires.
/// </summary>
public sealed record SupervisionRow(
    SupervisionLevel Level, string CaseNumber, string? Subject, string? LeadUnit, DateTimeOffset? DeadlineAt, WarningLevel Warning,
    IReadOnlyList<string> HeldBy, string? NextStep, DateTimeOffset? NextAt, CaseInstruction? Instruction = null, CheckpointCount? NextCount = null,
    ProgressNote? Report = null, bool AwaitsDecision = false);

/// <summary>
/// How the graph counts the next checkpoint, read from the waiting timer itself: <see cref="Offset"/> <see cref="Unit"/>
/// (working or calendar days, working hours, months) from <see cref="Anchor"/> (the deadline, the wait's start, or a
/// moment such as the level-2 escalation), at <see cref="TimeOfDay"/> when set; <see cref="Label"/> is the wait's name in
/// the designer.
/// </summary>
public sealed record CheckpointCount(WaitAnchor Anchor, int Offset, WaitUnit Unit, string? TimeOfDay, string? Label);
