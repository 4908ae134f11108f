using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Attachments;

/// <summary>
/// Removes stored content no attachment row refers to: the bytes of an upload whose save failed (the store is written
/// before the row, so a refused or lost save leaves them). Only content stored before the cut-off is considered, so an
/// upload whose row is still being saved is never touched.
/// </summary>
public static class AttachmentSweep
{
    /// <summary>Keys checked against the rows per query.</summary>
    private const int Batch = 500;

    /// <summary>Removes the content stored before <paramref name="before"/> that no row refers to; returns how many.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<HotlineDbContext> contexts, IAttachmentStore store, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(store);
        var removed = 0;
        var batch = new List<string>(Batch);
        await foreach (var key in store.KeysStoredBeforeAsync(before, cancellationToken))
        {
            batch.Add(key);
            if (batch.Count == Batch)
            {
                removed += await RemoveUnreferencedAsync(contexts, store, batch, before, cancellationToken);
                batch.Clear();
            }
        }

        return removed + await RemoveUnreferencedAsync(contexts, store, batch, before, cancellationToken);
    }

    private static async Task<int> RemoveUnreferencedAsync(
        IDbContextFactory<HotlineDbContext> contexts, IAttachmentStore store, List<string> keys, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var used = (await db.Attachments.AsNoTracking().Where(a => keys.Contains(a.Sha256)).Select(a => a.Sha256).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var removed = 0;
        foreach (var key in keys.Where(k => !used.Contains(k)))
        {
            // Stored again since it was listed (a new upload of the same content): its row is on its way.
            if (await store.DeleteAsync(key, before, cancellationToken))
                removed++;
        }

        return removed;
    }
}
