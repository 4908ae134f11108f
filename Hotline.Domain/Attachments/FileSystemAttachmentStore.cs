using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Attachments;

/// <summary>
/// The default <see cref="IAttachmentStore"/>: one file per content under <see cref="AttachmentOptions.Directory"/>, at
/// <c>ab/abcdef…</c> (the SHA-256's first two hex digits, then all of it). Content is written to a temporary file in the same
/// directory tree and moved into place, so a reader never sees half a file and the same content is kept once. A file's
/// last-write time is when its content was last stored, by the host's clock (<see cref="KeysStoredBeforeAsync"/>).
/// </summary>
public sealed class FileSystemAttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment? environment = null, TimeProvider? clock = null) : IAttachmentStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

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
            // Stored (again) now, by the host's clock: the orphan sweep leaves it alone until its row has had time to be saved.
            Touch(path);
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

    /// <inheritdoc />
    public async IAsyncEnumerable<string> KeysStoredBeforeAsync(DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
            yield break;
        var temporary = Path.Combine(_root, "tmp");
        if (Directory.Exists(temporary))
        {
            foreach (var leftover in Directory.EnumerateFiles(temporary).Where(f => File.GetLastWriteTimeUtc(f) < before.UtcDateTime))
                File.Delete(leftover);
        }

        foreach (var folder in Directory.EnumerateDirectories(_root).Where(d => Path.GetFileName(d) is { Length: 2 } name && name.All(char.IsAsciiHexDigitLower)))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Path.GetFileName(file) is var key && IsKey(key) && File.GetLastWriteTimeUtc(file) < before.UtcDateTime)
                    yield return key;
            }

            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key)) || File.GetLastWriteTimeUtc(PathOf(key)) >= before.UtcDateTime)
            return Task.FromResult(false);
        File.Delete(PathOf(key));
        return Task.FromResult(true);
    }

    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
        }
        catch (IOException)
        {
            // Being read or replaced at this moment: it is in use, and the sweep's grace covers it.
        }
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
