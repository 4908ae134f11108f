using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;

using Hotline.Workbench.Cases;

namespace Hotline.Workbench.Inbox;

/// <summary>
/// A unit's inbox (承办工作台) as the inbox API works it: the host implements this port with the API's own list, checks
/// (role × unit: another unit's task is not found) and <see cref="InboxService"/>. The workbench has none of those rules.
/// </summary>
public interface IWorkbenchInbox
{
    /// <summary>The pending tasks of <paramref name="user"/>'s unit, soonest due first; empty for anyone but a unit's user.</summary>
    Task<InboxList> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The active units directly under <paramref name="user"/>'s unit (the choices of 二级派单).</summary>
    Task<IReadOnlyList<UnitChoice>> SubordinateUnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Does <paramref name="command"/> on the task; null when done, else why not, in the page's language or the rule's own words.</summary>
    Task<string?> ActAsync(ClaimsPrincipal user, string taskId, InboxCommand command, CancellationToken cancellationToken);
}

/// <summary>A page of tasks.</summary>
public sealed record InboxList(IReadOnlyList<InboxRow> Items, int Total);

/// <summary>
/// A task as listed: its countdown runs to the sign-for limit while unsigned (<see cref="CountsSignFor"/>), then to the
/// deadline; <see cref="Warning"/> colours it by the domain's rule (yellow one working day before, red overdue);
/// <see cref="Instruction"/> is the latest 督办意见 given to this unit on the case.
/// </summary>
public sealed record InboxRow(
    string TaskId, string? CaseNumber, InboxTaskKind Kind, string TaskName, InboxTaskStatus Status, string? Subject,
    DateTimeOffset? CountdownTo, bool CountsSignFor, WarningLevel Warning, CaseInstruction? Instruction = null);

/// <summary>A unit to choose.</summary>
public sealed record UnitChoice(string Code, string Name);

/// <summary>What a unit does to a task.</summary>
public enum InboxVerb
{
    /// <summary>签收.</summary>
    Sign,

    /// <summary>办结: <see cref="InboxCommand.Text"/> is the answer.</summary>
    Answer,

    /// <summary>退单: <see cref="InboxCommand.Text"/> is the reason.</summary>
    Return,

    /// <summary>延期申请: <see cref="InboxCommand.Days"/> working days, <see cref="InboxCommand.Text"/> the reason.</summary>
    Extension,

    /// <summary>二级派单 to <see cref="InboxCommand.UnitCode"/>, <see cref="InboxCommand.Text"/> a note.</summary>
    SubDispatch,

    /// <summary>协办意见: <see cref="InboxCommand.Text"/> is the opinion.</summary>
    Opinion,

    /// <summary>13710 进展反馈: <see cref="InboxCommand.Text"/> is the progress report (1–1000 characters).</summary>
    Report,
}

/// <summary>An action and its details.</summary>
public sealed record InboxCommand(InboxVerb Verb, string? Text = null, int? Days = null, string? UnitCode = null);
