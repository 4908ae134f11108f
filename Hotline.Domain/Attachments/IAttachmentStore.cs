namespace Hotline.Domain.Attachments;

/// <summary>
/// Where attachments' bytes are kept, content-addressed: the key is the SHA-256 of the content, so the same content is
/// stored once. The default is <see cref="FileSystemAttachmentStore"/>; an object store is one more class.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end) and returns its key, the lower-case hex SHA-256.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The content stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The keys last stored before <paramref name="before"/> (storing the same content again counts as storing it now),
    /// and any half-written upload left from before then is removed.
    /// </summary>
    IAsyncEnumerable<string> KeysStoredBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Removes the content under <paramref name="key"/> if it was last stored before <paramref name="before"/>; true when removed.</summary>
    Task<bool> DeleteAsync(string key, DateTimeOffset before, CancellationToken cancellationToken);
}
