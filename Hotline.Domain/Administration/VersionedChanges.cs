using Hotline.Domain.Audit;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Administration;

/// <summary>
/// The one way administrators' edits of versioned records are saved (scoped: it writes through the scope's context).
/// A create, update or delete is checked against the version the caller read, raises the version, and is saved with its
/// audit row (the record before and after) by the same <c>SaveChanges</c>, in one transaction. A version that is not
/// current, before or at the save, is stale.
/// </summary>
public sealed class VersionedChanges(HotlineDbContext db, AuditLog audit)
{
    /// <summary>Adds a "send the version" error when <paramref name="version"/> is missing.</summary>
    public static void RequireVersion(int? version, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (version is null or < 1)
            errors["version"] = ["Send the version as you read it."];
    }

    /// <summary>Adds <paramref name="entity"/> at version 1 with its audit row; a key taken meanwhile is refused.</summary>
    public async Task<Change<T>> CreateAsync<T>(string actor, string action, string entityType, string key, T entity, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Version = 1;
        db.Add(entity);
        audit.Record(actor, action, entityType, key, null, entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await ExistsAsync<T>(key, cancellationToken))
                throw;
            return Change<T>.Refused($"'{key}' was created by someone else meanwhile; read it and change it instead.");
        }

        return Change<T>.Done(entity);
    }

    /// <summary>
    /// Loads the record tracked, applies <paramref name="apply"/> (which answers a refusal, or null to go on), raises the
    /// version and saves the change with its audit row. Nothing is written when nothing changed.
    /// </summary>
    public async Task<Change<T>> UpdateAsync<T>(string actor, string action, string entityType, string key, int? expectedVersion,
        Func<T, Task<Change<T>?>> apply, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(apply);
        var entity = await FindAsync<T>(key, cancellationToken);
        if (entity is null)
            return Change<T>.NotFound();
        if (expectedVersion is { } version && version != entity.Version)
            return Stale(entityType, entity);
        if (await apply(entity) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return Change<T>.Done(entity);
        entity.Version++;
        audit.Record(actor, action, entityType, key, db.Entry(entity).OriginalValues.ToObject(), entity);
        return await SaveAsync(entityType, key, entity, cancellationToken);
    }

    /// <summary>Deletes the record at <paramref name="expectedVersion"/>, with its audit row (after: none).</summary>
    public async Task<Change<T>> DeleteAsync<T>(string actor, string action, string entityType, string key, int? expectedVersion, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        var entity = await FindAsync<T>(key, cancellationToken);
        if (entity is null)
            return Change<T>.NotFound();
        if (expectedVersion is { } version && version != entity.Version)
            return Stale(entityType, entity);
        db.Remove(entity);
        audit.Record(actor, action, entityType, key, entity, null);
        return await SaveAsync(entityType, key, entity, cancellationToken);
    }

    private async Task<Change<T>> SaveAsync<T>(string entityType, string key, T entity, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync<T>(key, cancellationToken);
            return current is null ? Change<T>.NotFound() : Stale(entityType, current);
        }

        return Change<T>.Done(entity);
    }

    private async Task<bool> ExistsAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        db.ChangeTracker.Clear();
        return await FindAsync<T>(key, cancellationToken) is not null;
    }

    /// <summary>The record whose key is <paramref name="key"/> (an enumeration's member by name, for a record keyed by one).</summary>
    private ValueTask<T?> FindAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))?.FindPrimaryKey()?.Properties[0].ClrType;
        object id = type is { IsEnum: true } ? Enum.Parse(type, key) : key;
        return db.Set<T>().FindAsync([id], cancellationToken);
    }

    private static Change<T> Stale<T>(string entityType, T current)
        where T : class, IVersioned =>
        new(ChangeOutcome.Stale, current, Reason: $"The {entityType} changed since you read it (it is at version {current.Version}); read it again and repeat the change.");
}
