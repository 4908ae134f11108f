using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Attachments;

/// <summary>
/// Checks and keeps uploaded files: the size while the file is read (<see cref="StageAsync"/>), the type from the bytes
/// (<see cref="Refusal"/>), then the bytes in the <see cref="IAttachmentStore"/> and a row per file (<see cref="SaveAsync"/>).
/// Who may attach to which case is the caller's check (the host's case visibility).
/// </summary>
public sealed class AttachmentUploads(IDbContextFactory<HotlineDbContext> contexts, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider time)
{
    /// <summary>The longest file name kept.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The most files one upload may carry.</summary>
    public const int MaxFilesPerUpload = 10;

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The file read into a temporary file; null when it is larger than <see cref="MaxBytes"/> (nothing kept).</summary>
    public Task<StagedFile?> StageAsync(Stream content, string? fileName, CancellationToken cancellationToken) =>
        StagedFile.CopyAsync(content, fileName, MaxBytes, cancellationToken);

    /// <summary>Why the staged file is refused (empty, or a type not detected or not allowed), or null when it is accepted.</summary>
    public string? Refusal(StagedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
            return $"'{file.FileName}' is empty.";
        var type = ContentTypeDetector.Detect(file.Content);
        return type is not null && options.Value.Allows(type)
            ? null
            : $"'{file.FileName}' is not an accepted type; its content must be one of {string.Join(", ", Allowed())} (the file name's extension does not count).";
    }

    /// <summary>
    /// Stores the (accepted) files and records them on the case: a row per file and an
    /// <see cref="CaseEventKind.AttachmentAdded"/> event on its timeline, in one save (retried when another writer changed
    /// the case meanwhile).
    /// </summary>
    public async Task<IReadOnlyList<Attachment>> SaveAsync(
        Guid caseId, AttachmentPurpose purpose, string? taskId, IReadOnlyList<StagedFile> files, string uploadedBy, string uploadedByName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var now = time.GetUtcNow();
        var rows = new List<Attachment>();
        foreach (var file in files)
        {
            var type = ContentTypeDetector.Detect(file.Content) ?? throw new InvalidOperationException($"'{file.FileName}' was not checked.");
            file.Content.Position = 0;
            var key = await store.PutAsync(file.Content, cancellationToken);
            rows.Add(new Attachment
            {
                Id = Guid.NewGuid(), CaseId = caseId, Purpose = purpose, TaskId = taskId, FileName = file.FileName, ContentType = type, Size = file.Length,
                Sha256 = key, UploadedBy = uploadedBy, UploadedByName = uploadedByName, UploadedAt = now,
            });
        }

        var actor = CaseActor.User(uploadedBy, uploadedByName);
        await contexts.UpdateCaseAsync(caseId, (db, @case, _) =>
        {
            db.Attachments.AddRange(rows);
            foreach (var row in rows)
                @case.Record(CaseEventKind.AttachmentAdded, actor, now, new AttachmentAddedData(row.Id, row.FileName, row.Purpose));
            return Task.CompletedTask;
        }, cancellationToken);
        return rows;
    }

    /// <summary>A case's attachments in upload order.</summary>
    public async Task<IReadOnlyList<Attachment>> ListAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The attachment and its bytes, or null when the case has no such attachment (or its bytes are gone).</summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid caseId, Guid attachmentId, CancellationToken cancellationToken)
    {
        Attachment? row;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, cancellationToken);
        return row is not null && await store.OpenAsync(row.Sha256, cancellationToken) is { } content ? (row, content) : null;
    }

    private IEnumerable<string> Allowed() => options.Value.AllowedTypes.Count == 0 ? ContentTypeDetector.KnownTypes : options.Value.AllowedTypes;
}
