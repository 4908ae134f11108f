using System.Security.Claims;
using Hotline.Domain.Attachments;

namespace Hotline.Workbench.Attachments;

/// <summary>
/// Attaching files from a desk (受理台, 承办工作台, 回访台, 督办台): the host implements this port with the attachment API's
/// own rules (who attaches what to which case, the size counted while read, the type from the bytes). The workbench has
/// none of those rules; it hands over the browser's stream as it arrives.
/// </summary>
public interface IWorkbenchAttachments
{
    /// <summary>The largest file accepted, in bytes (said next to the control; the host counts it while reading).</summary>
    long MaxBytes { get; }

    /// <summary>The most files one choice may carry.</summary>
    int MaxFiles { get; }

    /// <summary>Whether <paramref name="user"/>'s role attaches files for <paramref name="purpose"/> (the control is shown only then).</summary>
    bool MayAttach(ClaimsPrincipal user, AttachmentPurpose purpose);

    /// <summary>
    /// Reads <paramref name="content"/> (up to the limit) and attaches it to case <paramref name="caseNumber"/> for
    /// <paramref name="purpose"/>, with task <paramref name="taskId"/> if given: a row and a timeline event.
    /// </summary>
    Task<AttachOutcome> AttachAsync(
        ClaimsPrincipal user, string caseNumber, AttachmentPurpose purpose, string? taskId, Stream content, string fileName, CancellationToken cancellationToken);
}

/// <summary>What an attachment came to.</summary>
public enum AttachStatus
{
    /// <summary>Kept on the case (<see cref="AttachOutcome.File"/>).</summary>
    Attached,

    /// <summary>Larger than the limit: nothing kept.</summary>
    TooLarge,

    /// <summary>Empty, or a type (read from the bytes) not accepted: nothing kept.</summary>
    NotAccepted,

    /// <summary>The task is not the case's (or not the caller's unit's): nothing kept.</summary>
    NotATask,

    /// <summary>The caller's role does not attach for this purpose.</summary>
    Forbidden,

    /// <summary>No such case for the caller (unknown, or out of their sight).</summary>
    NotFound,
}

/// <summary>The status, the rule's own words when refused, the file when kept.</summary>
public sealed record AttachOutcome(AttachStatus Status, string? Detail = null, AttachedFile? File = null);

/// <summary>A file kept on a case: its name, size and download address.</summary>
public sealed record AttachedFile(Guid Id, string Name, long Size, string Url);
