using Hotline.Domain.Cases;

namespace Hotline.Domain.Operations;

/// <summary>How a case operation ended.</summary>
public enum CaseOperationStatus
{
    /// <summary>Done; <see cref="CaseOperationResult.Case"/> is the case as saved.</summary>
    Done,

    /// <summary>A request field is wrong (<see cref="CaseOperationResult.Field"/>): 400.</summary>
    Invalid,

    /// <summary>The case is not in a state that allows it (closed, merged, voided, no task to move): 409.</summary>
    Conflict,
}

/// <summary>The result of a case operation.</summary>
/// <param name="Status">Done, invalid or in conflict with the case's state.</param>
/// <param name="Case">The case after the operation (when done).</param>
/// <param name="Field">The request field that is wrong (when invalid).</param>
/// <param name="Message">Why it was refused.</param>
public sealed record CaseOperationResult(CaseOperationStatus Status, Case? Case = null, string? Field = null, string? Message = null)
{
    internal static CaseOperationResult Invalid(string field, string message) => new(CaseOperationStatus.Invalid, Field: field, Message: message);

    internal static CaseOperationResult Conflict(string message) => new(CaseOperationStatus.Conflict, Message: message);
}

/// <summary>The person asking for an operation, as the timeline names them.</summary>
/// <param name="UserName">The login.</param>
/// <param name="DisplayName">The name shown.</param>
public sealed record OperationActor(string UserName, string DisplayName);
