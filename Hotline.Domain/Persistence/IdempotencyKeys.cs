using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>What a client's <c>Idempotency-Key</c> stands for when a request arrives with it.</summary>
public enum IdempotencyClaim
{
    /// <summary>The key is new for this client and scope: the request is the first.</summary>
    First,

    /// <summary>The key was used before with the same request: answer with what that request did.</summary>
    Repeat,

    /// <summary>The key was used before with a different request: refuse (422), do nothing.</summary>
    Mismatch,
}

/// <summary>
/// Remembers which request each client's <c>Idempotency-Key</c> was first used for, by a hash of the request as the
/// caller sent it (<see cref="IdempotencyKeyRow"/>). The start paths derive their instance id from the same key, so a
/// repeat finds the instance (or, if the first attempt died before starting it, starts it under the same id); the
/// comparison is with the request, never with the instance, which the workflow may change (its correlation id).
/// </summary>
public sealed class IdempotencyKeys(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock)
{
    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Records the key for <paramref name="request"/> unless it is known; says which case applies.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(string client, string scope, string key, JsonNode request, CancellationToken cancellationToken = default)
    {
        var row = new IdempotencyKeyRow
        {
            Key = RowKey(client, scope, key),
            Scope = scope.Length > 300 ? scope[..300] : scope,
            RequestHash = Hash(request),
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == row.Key, cancellationToken);
        if (known is null)
        {
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return IdempotencyClaim.First;
            }
            catch (DbUpdateException)
            {
                // A concurrent request with the same key recorded it first: compare with that one.
                await using var again = await contexts.CreateDbContextAsync(cancellationToken);
                known = await again.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == row.Key, cancellationToken);
                if (known is null)
                    throw;
            }
        }

        return known.RequestHash == row.RequestHash ? IdempotencyClaim.Repeat : IdempotencyClaim.Mismatch;
    }

    /// <summary>Forgets the keys first seen before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var cutoff = before.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyKeys.Where(k => k.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A stable id for what <paramref name="key"/> starts: <paramref name="prefix"/> and 32 hex digits of a hash.</summary>
    public static string InstanceId(string prefix, string client, string scope, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{client}\n{scope}\n{key}")))[..32];

    private static string RowKey(string client, string scope, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{client}\n{scope}\n{key}")));

    /// <summary>SHA-256 of the request's JSON with object properties in ordinal order (property order does not matter).</summary>
    private static string Hash(JsonNode request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(request)?.ToJsonString() ?? "null")));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };
}
