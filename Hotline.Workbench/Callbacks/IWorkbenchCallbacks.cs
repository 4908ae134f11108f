using System.Security.Claims;
using Hotline.Domain.Cases;

namespace Hotline.Workbench.Callbacks;

/// <summary>
/// The callback desk (回访台) as the inbox API works it: the host implements this port with the callback desk's inbox
/// (<c>GET /api/inbox</c> for a callback agent), the checks and the action of <c>POST /api/inbox/{taskId}/callback</c>,
/// and the case's timeline and timers for what the citizen was told and when the workflow calls again.
/// </summary>
public interface IWorkbenchCallbacks
{
    /// <summary>The desk's pending callbacks, soonest due first, and the cases waiting to be called again; empty for anyone but a callback agent.</summary>
    Task<CallbackDesk> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Records a callback's result on the task; the refusal in the page's language, or what the workflow did.</summary>
    Task<CallbackAnswer> RecordAsync(ClaimsPrincipal user, string taskId, CallbackCommand command, CancellationToken cancellationToken);
}

/// <summary>A page of callbacks to make, and the cases whose next call the workflow has scheduled.</summary>
public sealed record CallbackDesk(IReadOnlyList<CallbackRow> Items, int Total, IReadOnlyList<CallbackRetry> Waiting);

/// <summary>
/// A callback to make: the case, the citizen (the number as <c>PhoneVisibilityPolicy</c> shows it to the caller), what
/// the citizen was told, and which call this is (<see cref="Attempt"/> 1 first; the earlier ones were unreachable);
/// <see cref="Second"/> for a second callback on a satisfied case (三查 查回访).
/// </summary>
public sealed record CallbackRow(
    string TaskId, string? CaseNumber, string? CitizenName, string? CitizenPhone, string? Subject, string? LeadUnit, string? Reply,
    int Attempt, DateTimeOffset? DueAt, bool Second = false);

/// <summary>A case the workflow calls again at <see cref="NextCallAt"/>, after <see cref="Attempts"/> unreachable calls.</summary>
public sealed record CallbackRetry(string CaseNumber, string? CitizenName, int Attempts, DateTimeOffset? NextCallAt);

/// <summary>The results a callback records (the callback workflow's outcomes).</summary>
public static class CallbackResults
{
    /// <summary>满意.</summary>
    public const string Satisfied = "Satisfied";

    /// <summary>基本满意.</summary>
    public const string BasicallySatisfied = "BasicallySatisfied";

    /// <summary>不满意.</summary>
    public const string Unsatisfied = "Unsatisfied";

    /// <summary>未接通.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>The results that reached the citizen, in the order the page offers them.</summary>
    public static IReadOnlyList<string> Reached { get; } = [Satisfied, BasicallySatisfied, Unsatisfied];
}

/// <summary>A callback's result: <see cref="Result"/> one of <see cref="CallbackResults"/>; <see cref="Resolved"/> unless unreachable.</summary>
public sealed record CallbackCommand(string? Result, bool? Resolved, string? Note);

/// <summary>
/// What recording came to: <see cref="Error"/> when refused (nothing changed); else the case's status afterwards and,
/// when the workflow will call again, when.
/// </summary>
public sealed record CallbackAnswer(string? Error, CaseStatus? CaseStatus = null, DateTimeOffset? NextCallAt = null);
