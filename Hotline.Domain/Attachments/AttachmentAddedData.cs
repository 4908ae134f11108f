namespace Hotline.Domain.Attachments;

/// <summary>The data of <see cref="Cases.CaseEventKind.AttachmentAdded"/> (附件): which file came, and what with.</summary>
public sealed record AttachmentAddedData(Guid AttachmentId, string FileName, AttachmentPurpose Purpose);
