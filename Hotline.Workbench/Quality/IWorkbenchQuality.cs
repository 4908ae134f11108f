using System.Security.Claims;
using Hotline.Domain.Cases;

namespace Hotline.Workbench.Quality;

/// <summary>
/// The quality desk (质检台, 三查 查工单) as the inbox works it: the host implements this port with the quality desk's
/// inbox (<c>RX-ZJ</c>), the inbox's checks (a supervisor's work; another unit's task is not found) and the case's
/// timeline for what the unit answered and the citizen said.
/// </summary>
public interface IWorkbenchQuality
{
    /// <summary>The desk's pending quality checks, oldest first; empty for anyone but a supervisor.</summary>
    Task<QualityDesk> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Records a check (passed when every item holds, else the case goes back to its lead unit); the refusal in the page's language, or the case's status afterwards.</summary>
    Task<QualityAnswer> CheckAsync(ClaimsPrincipal user, string taskId, QualityCommand command, CancellationToken cancellationToken);
}

/// <summary>A page of closed cases to check.</summary>
public sealed record QualityDesk(IReadOnlyList<QualityRow> Items, int Total);

/// <summary>
/// A closed case to check: its number, category (the subject's name), the citizen (the number as
/// <c>PhoneVisibilityPolicy</c> shows it to the caller), what was asked, the lead unit's name, the answer given and the
/// callback's result.
/// </summary>
public sealed record QualityRow(
    string TaskId, string? CaseNumber, CaseType? CaseType, string? Subject, string? CitizenName, string? CitizenPhone, string? Content, string? LeadUnit,
    string? Answer, string? CallbackResult, DateTimeOffset? ClosedAt);

/// <summary>The checklist: 分类正确, 答复完整, 办理规范, and a note.</summary>
public sealed record QualityCommand(bool ClassificationRight, bool AnswerComplete, bool HandledProperly, string? Note);

/// <summary>What a check came to: <see cref="Error"/> when refused (nothing changed); else the case's status afterwards.</summary>
public sealed record QualityAnswer(string? Error, CaseStatus? CaseStatus = null);
