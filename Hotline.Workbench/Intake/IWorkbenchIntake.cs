using System.Security.Claims;
using Hotline.Domain.Cases;

namespace Hotline.Workbench.Intake;

/// <summary>
/// The operator's intake desk (受理台) as the API works it: the host implements this port with the intake of
/// <c>POST /api/cases</c> (<see cref="CaseIntake"/>), the <c>phone</c> filter of <c>GET /api/cases</c>, the duplicate
/// finder of <c>GET /api/cases/duplicate-candidates</c>, the knowledge search of <c>GET /api/knowledge/search</c> and the
/// 并案 operation, each with the API's own checks. The workbench has none of those rules.
/// </summary>
public interface IWorkbenchIntake
{
    /// <summary>Whether <paramref name="user"/> registers cases here (operators, administrators).</summary>
    bool MayUse(ClaimsPrincipal user);

    /// <summary>The subject tree, the districts by name, and the district a sub-centre's operator is fixed to.</summary>
    Task<IntakeChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The caller's earlier and open cases, newest first; <see cref="CallerHistory.Refusal"/> says why not (a role that sees numbers masked).</summary>
    Task<CallerHistory> HistoryAsync(ClaimsPrincipal user, string phone, CancellationToken cancellationToken);

    /// <summary>Open cases the form may repeat (same caller, or same subject at the same place); empty while too little is known.</summary>
    Task<IReadOnlyList<IntakeDuplicate>> DuplicatesAsync(ClaimsPrincipal user, IntakeForm form, CancellationToken cancellationToken);

    /// <summary>Offered knowledge-base articles for the words and/or subject, best first.</summary>
    Task<IReadOnlyList<IntakeAnswer>> KnowledgeAsync(ClaimsPrincipal user, string? words, string? subjectCode, CancellationToken cancellationToken);

    /// <summary>
    /// Registers the form as <c>POST /api/cases</c> does (one case per <paramref name="idempotencyKey"/>), then links it to
    /// or merges it into <see cref="IntakeDecision.CaseNumber"/> as <paramref name="decision"/> says.
    /// </summary>
    Task<IntakeSaved> SaveAsync(ClaimsPrincipal user, IntakeForm form, string idempotencyKey, IntakeDecision decision, CancellationToken cancellationToken);

    /// <summary>The cases <paramref name="user"/> registered today (hotline time), newest first.</summary>
    Task<IReadOnlyList<IntakeToday>> TodayAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>The form (names as in <see cref="CaseIntakeRequest"/>).</summary>
public sealed record IntakeForm(
    string? CitizenPhone, string? CitizenName, string? Channel, string? Type, string? SubjectCode, string? DistrictCode, string? Address, string? Urgency,
    string? Content, string? KnowledgeArticleId = null);

/// <summary>A subject of the tree: its depth (0 for a category), and the case types it takes.</summary>
public sealed record IntakeSubject(string Code, string Name, int Depth, IReadOnlyList<CaseType> CaseTypes, CaseType DefaultCaseType);

/// <summary>A district by name.</summary>
public sealed record IntakeDistrict(string Code, string Name);

/// <summary>What the form offers.</summary>
public sealed record IntakeChoices(IReadOnlyList<IntakeSubject> Subjects, IReadOnlyList<IntakeDistrict> Districts, string? FixedDistrictCode);

/// <summary>A case of the caller's, as the side panel shows it.</summary>
public sealed record IntakeCaseRow(string Number, CaseStatus Status, bool IsOpen, CaseType Type, string? Subject, string Content, DateTimeOffset CreatedAt);

/// <summary>The caller's cases (at most a page), or why they may not be searched.</summary>
public sealed record CallerHistory(IReadOnlyList<IntakeCaseRow> Cases, int Total, string? Refusal = null);

/// <summary>A duplicate candidate: the open case, why it looks the same, and whether this person may merge into it.</summary>
public sealed record IntakeDuplicate(string Number, DuplicateReason Reason, CaseStatus Status, string? Subject, DateTimeOffset CreatedAt, bool MayMerge);

/// <summary>A knowledge-base answer.</summary>
public sealed record IntakeAnswer(string Id, string Title, string Question, string Answer);

/// <summary>What to do with a duplicate candidate when saving.</summary>
public enum IntakeChoice
{
    /// <summary>新建: a new case (the lifecycle still links the candidates it finds itself).</summary>
    New,

    /// <summary>关联: a new case, linked to the candidate as its duplicate.</summary>
    Link,

    /// <summary>并案: a new case, then merged into the candidate.</summary>
    Merge,
}

/// <summary>The choice for one candidate (none: <see cref="IntakeChoice.New"/>).</summary>
public sealed record IntakeDecision(IntakeChoice Choice = IntakeChoice.New, string? CaseNumber = null);

/// <summary>
/// A save: the case's number when registered; else the bad fields (the intake's names: citizenPhone, subjectCode…).
/// <see cref="Problem"/> is what went wrong after the case was registered (a refused link or merge) or with the key.
/// </summary>
public sealed record IntakeSaved(string? Number, IReadOnlyDictionary<string, string[]> Errors, string? Problem = null, CaseStatus? Status = null);

/// <summary>One of today's cases.</summary>
public sealed record IntakeToday(string Number, CaseStatus Status, CaseType Type, string? Subject, DateTimeOffset CreatedAt);
