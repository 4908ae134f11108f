using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Workbench.Inbox;

namespace Hotline.Workbench.Dispatch;

/// <summary>
/// The dispatch desk (派单台) as the inbox and case-operation APIs work it: the host implements this port with the
/// inbox's list (the desk's tasks, a district dispatcher's district only), its checks and actions, and the case
/// operations' own checks. The workbench has none of those rules; anyone but a dispatcher gets nothing.
/// </summary>
public interface IWorkbenchDispatch
{
    /// <summary>One tab's pending tasks (<paramref name="kind"/>: Dispatch, ReviewReturn, ReviewExtension or ReviewAnswer), soonest due first, and every tab's count.</summary>
    Task<DispatchList> ListAsync(ClaimsPrincipal user, InboxTaskKind kind, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The active units a case may be given to, by name.</summary>
    Task<IReadOnlyList<UnitChoice>> UnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The subjects a case may be reclassified to, by name.</summary>
    Task<IReadOnlyList<UnitChoice>> SubjectsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The case operations <paramref name="user"/> may ask for (a dispatcher all, an operator void and merge).</summary>
    IReadOnlyList<CaseVerb> VerbsFor(ClaimsPrincipal user);

    /// <summary>Dispatches or reviews the task; null when done, else why not.</summary>
    Task<string?> ActAsync(ClaimsPrincipal user, string taskId, DeskCommand command, CancellationToken cancellationToken);

    /// <summary>Runs a case operation on the case with this number; null when done, else why not.</summary>
    Task<string?> OperateAsync(ClaimsPrincipal user, string caseNumber, CaseCommand command, CancellationToken cancellationToken);
}

/// <summary>The desk's tabs, in order.</summary>
public static class DeskTabs
{
    /// <summary>待派单, 退单审核, 延期审核, 审核办结.</summary>
    public static IReadOnlyList<InboxTaskKind> All { get; } =
        [InboxTaskKind.Dispatch, InboxTaskKind.ReviewReturn, InboxTaskKind.ReviewExtension, InboxTaskKind.ReviewAnswer];
}

/// <summary>A page of one tab, and the pending count of every tab.</summary>
public sealed record DispatchList(IReadOnlyList<DeskRow> Items, int Total, IReadOnlyDictionary<InboxTaskKind, int> Counts);

/// <summary>
/// A desk task as listed: the case (content, subject, district, address), how long it has waited, the countdown and
/// warning, the unit concerned and what it said (a return's reason, an extension's reason, an answer); for an
/// extension the days asked, the current deadline and the one approval would give.
/// </summary>
public sealed record DeskRow(
    string TaskId, InboxTaskKind Kind, string? CaseNumber, string? Content, string? Subject, string? District, string? Address,
    DateTimeOffset CreatedAt, DateTimeOffset? CountdownTo, WarningLevel Warning, string? UnitName, string? UnitText,
    int? RequestedDays, DateTimeOffset? CurrentDeadline, DateTimeOffset? ExtendedDeadline);

/// <summary>What the desk does to a task.</summary>
public enum DeskVerb
{
    /// <summary>派单: <see cref="DeskCommand.UnitCode"/> leads, <see cref="DeskCommand.Text"/> a note.</summary>
    Dispatch,

    /// <summary>Approve a review: a return re-dispatched to <see cref="DeskCommand.UnitCode"/>, an extension of <see cref="DeskCommand.Days"/>, an answer replied with <see cref="DeskCommand.Text"/>.</summary>
    Approve,

    /// <summary>Reject a review with <see cref="DeskCommand.Text"/> as the reason.</summary>
    Reject,
}

/// <summary>A desk action and its details.</summary>
public sealed record DeskCommand(DeskVerb Verb, string? Text = null, string? UnitCode = null, int? Days = null);

/// <summary>The centre's case operations.</summary>
public enum CaseVerb
{
    /// <summary>改类: <see cref="CaseCommand.Type"/> and/or <see cref="CaseCommand.Code"/> (the subject).</summary>
    Reclassify,

    /// <summary>改派 to <see cref="CaseCommand.Code"/> (the unit).</summary>
    Reassign,

    /// <summary>作废.</summary>
    Void,

    /// <summary>疑难复杂: <see cref="CaseCommand.Days"/> working days (optional).</summary>
    Complex,

    /// <summary>并案 into the case numbered <see cref="CaseCommand.Code"/>.</summary>
    Merge,
}

/// <summary>A case operation, its reason and details.</summary>
public sealed record CaseCommand(CaseVerb Verb, string? Reason, string? Code = null, CaseType? Type = null, int? Days = null);
