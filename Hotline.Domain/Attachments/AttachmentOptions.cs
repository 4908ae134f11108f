using Microsoft.Extensions.Options;

namespace Hotline.Domain.Attachments;

/// <summary>Attachments' storage and limits, bound from <c>Hotline:Attachments</c> and validated on start.</summary>
public sealed class AttachmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Attachments";

    /// <summary>The default directory, relative to the host's content root (beside the SQLite database's <c>data/</c>).</summary>
    public const string DefaultDirectory = "data/attachments";

    /// <summary>Where <see cref="FileSystemAttachmentStore"/> keeps the files; relative paths are under the content root.</summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>The largest file accepted, in bytes (default 20 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The content types accepted (detected from the bytes, <see cref="ContentTypeDetector"/>); empty (the default): every
    /// type the detector knows.
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>Whether a detected type is accepted.</summary>
    public bool Allows(string contentType) => AllowedTypes.Count == 0 ? ContentTypeDetector.KnownTypes.Contains(contentType) : AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase);
}

internal sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
            errors.Add($"{AttachmentOptions.SectionName}:Directory is required.");
        if (options.MaxBytes <= 0)
            errors.Add($"{AttachmentOptions.SectionName}:MaxBytes must be positive.");
        if (options.AllowedTypes.FirstOrDefault(t => !ContentTypeDetector.KnownTypes.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            errors.Add($"{AttachmentOptions.SectionName}:AllowedTypes: '{unknown}' is not a type the detector knows ({string.Join(", ", ContentTypeDetector.KnownTypes)}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
