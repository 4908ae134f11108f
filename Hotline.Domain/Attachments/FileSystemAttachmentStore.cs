using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Attachments;

/// <summary>
/// The default <see cref="IAttachmentStore"/>: one file per content under <see cref="AttachmentOptions.Directory"/>, at
/// <c>ab/abcdef…</c> (the SHA-256's first two hex digits, then all of it). Content is written to a temporary file in the same
/// directory tree and moved into place, so a reader never sees half a file and the same content is kept once.
/// </summary>
public sealed class FileSystemAttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment? environment = null) : IAttachmentStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());

    /// <summary>The directory the files are under.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temporary = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName, Guid.NewGuid().ToString("N"));
        try
        {
            string key;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                key = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var path = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
                MoveUnlessPresent(temporary, path);
            return key;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key)))
            return Task.FromResult<Stream?>(null);
        return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    private static void MoveUnlessPresent(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another upload of the same content moved its copy first: the content is there once.
        }
    }

    private string PathOf(string key) => Path.Combine(_root, key[..2], key);

    private static bool IsKey(string key) => key is { Length: 64 } && key.All(char.IsAsciiHexDigitLower);
}
