using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Attachments;

/// <summary>
/// A file that came with a case: a photo, a document or a recording. The bytes are in the <see cref="IAttachmentStore"/>
/// under <see cref="Sha256"/> (the same content is stored once however often it is attached); this row says whose case,
/// what it came with, and who brought it. Written by <see cref="AttachmentUploads"/> only after the content was checked.
/// </summary>
public sealed class Attachment
{
    /// <summary>The attachment's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The case it belongs to.</summary>
    public Guid CaseId { get; set; }

    /// <summary>What it came with: the intake, a unit's answer, a callback, an instruction, an Open311 request.</summary>
    public AttachmentPurpose Purpose { get; set; }

    /// <summary>The inbox task it came with, if any.</summary>
    public string? TaskId { get; set; }

    /// <summary>The file name as uploaded (shown and offered on download only; never used to decide the type).</summary>
    public string FileName { get; set; } = "";

    /// <summary>The content type detected from the bytes (<see cref="ContentTypeDetector"/>).</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>The SHA-256 of the bytes, lower-case hex: the store's key.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Who uploaded it: the user's or the API key's name.</summary>
    public string UploadedBy { get; set; } = "";

    /// <summary>Their display name.</summary>
    public string UploadedByName { get; set; } = "";

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>What an attachment came with.</summary>
public enum AttachmentPurpose
{
    /// <summary>The intake (受理): what the citizen sent or the operator recorded.</summary>
    Intake,

    /// <summary>A unit's answer (办理答复).</summary>
    Answer,

    /// <summary>A callback (回访).</summary>
    Callback,

    /// <summary>A supervisor's or leader's instruction (督办意见).</summary>
    Instruction,

    /// <summary>An Open311 request's media.</summary>
    Open311,
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TaskId).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(AttachmentUploads.MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(100).IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(200).IsRequired();
        // A case's list, in upload order.
        builder.HasIndex(a => new { a.CaseId, a.UploadedAt });
    }
}
