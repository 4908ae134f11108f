using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>
/// A request seen with an <c>Idempotency-Key</c> header and the response it got, so that a retried request is
/// answered with the same response instead of being executed twice.
/// </summary>
public sealed class IdempotencyKeyRow
{
    /// <summary>The client's key.</summary>
    public string Key { get; set; } = "";

    /// <summary>What the key was used for (method and route), so a key reused elsewhere is recognised.</summary>
    public string Scope { get; set; } = "";

    /// <summary>A hash of the request body; the same key with a different body is a client error.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>The response body as JSON, once there is one.</summary>
    public string? ResponseJson { get; set; }

    /// <summary>The response status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>When the key was first seen; old keys are purged by age.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyKeyRowConfiguration : IEntityTypeConfiguration<IdempotencyKeyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRow> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.Property(k => k.Scope).HasMaxLength(300);
        builder.Property(k => k.RequestHash).HasMaxLength(128);
        builder.HasIndex(k => k.CreatedAt);
    }
}
