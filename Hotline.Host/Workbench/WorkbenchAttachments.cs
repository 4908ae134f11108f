using System.Security.Claims;
using Hotline.Domain.Attachments;
using Hotline.Domain.Persistence;
using Hotline.Host.Api;
using Hotline.Workbench.Attachments;
using Hotline.Workbench.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The desks' uploads through the attachment API's own rules (<see cref="CaseAttachmentUploads"/>: the role's step, the
/// case's visibility, the task) and <see cref="AttachmentUploads"/> (the size counted while the browser's stream is read,
/// the type from the bytes, the row and the timeline event in one save).
/// </summary>
internal sealed class WorkbenchAttachments(AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts) : IWorkbenchAttachments
{
    public long MaxBytes => uploads.MaxBytes;

    public int MaxFiles => AttachmentUploads.MaxFilesPerUpload;

    public bool MayAttach(ClaimsPrincipal user, AttachmentPurpose purpose) => CaseAttachmentUploads.PurposesOf(user).Contains(purpose);

    public async Task<AttachOutcome> AttachAsync(
        ClaimsPrincipal user, string caseNumber, AttachmentPurpose purpose, string? taskId, Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!MayAttach(user, purpose))
            return new(AttachStatus.Forbidden);
        // By number only: a page never carries an id.
        if (Guid.TryParse(caseNumber, out _) || await CaseAttachmentUploads.FindAsync(contexts, user, caseNumber, cancellationToken) is not { } @case)
            return new(AttachStatus.NotFound);
        taskId = string.IsNullOrWhiteSpace(taskId) ? null : taskId.Trim();
        if (await CaseAttachmentUploads.TaskRefusalAsync(contexts, user, @case, purpose, taskId, cancellationToken) is { } task)
            return new(AttachStatus.NotATask, task);
        await using var staged = await uploads.StageAsync(content, fileName, cancellationToken);
        if (staged is null)
            return new(AttachStatus.TooLarge, $"'{fileName}' is larger than {uploads.MaxBytes} bytes.");
        if (uploads.Refusal(staged) is { } refusal)
            return new(AttachStatus.NotAccepted, refusal);
        var saved = (await CaseAttachmentUploads.SaveAsync(uploads, user, @case, purpose, taskId, [staged], cancellationToken)).Single();
        return new(AttachStatus.Attached, File: new(saved.Id, saved.FileName, saved.Size, CasePaths.Attachment(@case.Number, saved.Id)));
    }
}
