using System.Text.Json;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Audit;

/// <summary>
/// Writes the audit log through the scope's <see cref="HotlineDbContext"/> (scoped): <see cref="Record"/> adds the entry
/// to the context, so it is saved by the same <c>SaveChanges</c>, in the same transaction, as the change it records.
/// </summary>
public sealed class AuditLog(HotlineDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        // Enums by name, as the API shows them: a reader of the log sees "Published", not 2.
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Adds an entry to the scope's context (the caller saves); <paramref name="before"/> and <paramref name="after"/> are stored as JSON.</summary>
    public AuditEntry Record(string actor, string action, string entityType, string entityId, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records and saves at once, for a change saved elsewhere (a definition published through the engine's store).</summary>
    public async Task RecordAndSaveAsync(string actor, string action, string entityType, string entityId, object? before, object? after, CancellationToken cancellationToken = default)
    {
        Record(actor, action, entityType, entityId, before, after);
        await db.SaveChangesAsync(cancellationToken);
    }
}
