namespace Hotline.Domain.Attachments;

/// <summary>
/// An uploaded file held in a temporary file (deleted when disposed) while it is checked: its size was counted while it
/// was read, so an upload over the limit is stopped at the limit and never held whole in memory.
/// </summary>
public sealed class StagedFile : IAsyncDisposable
{
    private StagedFile(string fileName, FileStream content)
    {
        FileName = fileName;
        Content = content;
    }

    /// <summary>The file name as uploaded, reduced to a plain name.</summary>
    public string FileName { get; }

    /// <summary>The bytes (seekable).</summary>
    public FileStream Content { get; }

    /// <summary>Size in bytes.</summary>
    public long Length => Content.Length;

    /// <summary>
    /// Copies <paramref name="source"/> to a temporary file; null (and nothing kept) when it has more than
    /// <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static async Task<StagedFile?> CopyAsync(Stream source, string? fileName, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "hotline-upload-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    await file.DisposeAsync();
                    return null;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            file.Position = 0;
            return new StagedFile(PlainName(fileName), file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>The last segment of a name, without control characters, at most <see cref="AttachmentUploads.MaxFileNameLength"/> characters.</summary>
    private static string PlainName(string? fileName)
    {
        var name = new string(Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > AttachmentUploads.MaxFileNameLength)
            name = name[^AttachmentUploads.MaxFileNameLength..];
        return name.Length == 0 ? "attachment" : name;
    }
}
