using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;

namespace Hotline.Workbench.Cases;

/// <summary>
/// The cases a person's pages read, as the API would answer them: the host implements this port with the API's own
/// visibility rule (role × unit × district), telephone masking and the audit of full numbers shown. The workbench has
/// none of those rules itself.
/// </summary>
public interface IWorkbenchCases
{
    /// <summary>
    /// The cases <paramref name="user"/> may see, newest first, or best match first for <paramref name="search"/> (the
    /// full-text case search); <see cref="CaseList.Error"/> says why a search was refused.
    /// </summary>
    Task<CaseList> ListAsync(ClaimsPrincipal user, string? search, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The case with this number if <paramref name="user"/> may see it; null otherwise (shown as not found).</summary>
    Task<CaseSheet?> FindAsync(ClaimsPrincipal user, string number, CancellationToken cancellationToken);
}

/// <summary>A page of cases, how many there are (counted up to <see cref="ListTotal.Cap"/>), or the reason the search was refused.</summary>
public sealed record CaseList(IReadOnlyList<CaseSummary> Items, ListTotal Total, string? Error = null);

/// <summary>A case as listed.</summary>
public sealed record CaseSummary(string Number, CaseStatus Status, bool IsOpen, CaseType Type, string Content, DateTimeOffset? DeadlineAt, WarningLevel Warning, DateTimeOffset CreatedAt);

/// <summary>
/// A case as its page shows it (the citizen's telephone already masked for the person's role); subjects, districts and
/// units by name (<see cref="Subject"/>, <see cref="District"/>, <see cref="LeadUnit"/>, <see cref="AssistingUnits"/>).
/// </summary>
public sealed record CaseSheet(
    string Number, CaseStatus Status, bool IsOpen, CaseType Type, CaseUrgency Urgency, string? Subject, string? District, string? Address, string Content,
    string? CitizenName, string? CitizenPhone, DateTimeOffset? DeadlineAt, bool DeadlineProvisional, DeadlineRuleSnapshot? DeadlineRule,
    int EscalationLevel, WarningLevel Warning, string? LeadUnit, IReadOnlyList<string> AssistingUnits,
    IReadOnlyList<CaseMoment> Timeline, IReadOnlyList<CaseTask> PendingTasks, IReadOnlyList<string> LinkedNumbers, string? MergedIntoNumber,
    DateTimeOffset CreatedAt)
{
    /// <summary>The files that came with the case, in upload order.</summary>
    public IReadOnlyList<CaseFile> Attachments { get; init; } = [];

    /// <summary>Every try at sending the case's notices by e-mail and text message (addresses masked), oldest first.</summary>
    public IReadOnlyList<CaseDelivery> Deliveries { get; init; } = [];
}

/// <summary>
/// A try at delivering one of the case's notices (or one still queued), shown in the timeline. <see cref="Recipient"/> is
/// the recipient key (<c>unit:…</c>, <c>role:…</c>, <c>user:…</c>, <c>citizen</c>); <see cref="UnitName"/> names a unit.
/// </summary>
public sealed record CaseDelivery(
    DateTimeOffset At, Hotline.Domain.Notifications.NotificationKind Kind, Hotline.Domain.Outbox.OutboxChannel Channel, string Recipient, string? UnitName,
    string Address, int Try, string Outcome, string? Error, DateTimeOffset? NextAttemptAt);

/// <summary>An attachment as the case page lists it; <see cref="Url"/> downloads it on a page path (the session cookie counts there).</summary>
public sealed record CaseFile(string Name, string ContentType, long Size, string UploadedBy, DateTimeOffset At, string Url);

/// <summary>One event of the timeline; <see cref="Note"/> is the words a person wrote for others to read (督办意见).</summary>
public sealed record CaseMoment(DateTimeOffset At, CaseEventKind Kind, string ActorName, string? Note = null, string? Url = null);

/// <summary>A pending task of the case; <see cref="Unit"/> by name.</summary>
public sealed record CaseTask(string? Unit, string TaskName, InboxTaskStatus Status, DateTimeOffset? DueAt, DateTimeOffset? SignDueAt);
