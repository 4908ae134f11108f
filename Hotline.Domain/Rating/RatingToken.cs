using Hotline.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Rating;

/// <summary>
/// A one-time rating link (好差评) given to the citizen with a reply: only the hash of its secret is kept. It works once,
/// until it expires, and only while it is the case's latest one (a new reply replaces it).
/// </summary>
public sealed class RatingToken
{
    /// <summary>The hex SHA-256 of the secret in the link (<see cref="SecretTokens.Hash"/>); the key.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The case it rates.</summary>
    public Guid CaseId { get; set; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the citizen rated with it; null while unused.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>When a newer reply replaced it; null while it is the case's latest.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }
}

internal sealed class RatingTokenConfiguration : IEntityTypeConfiguration<RatingToken>
{
    public void Configure(EntityTypeBuilder<RatingToken> builder)
    {
        builder.ToTable("RatingTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
