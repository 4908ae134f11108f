using System.Globalization;

namespace Hotline.Workbench.Attachments;

/// <summary>A file's size for people: B, KB, MB.</summary>
public static class FileSize
{
    /// <summary>1.5 MB, 12 KB, 800 B.</summary>
    public static string Format(long bytes) =>
        bytes < 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
        : bytes < 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");
}
