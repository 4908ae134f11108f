using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Outbox;

/// <summary>
/// One try at delivering an <see cref="OutboxMessage"/>: shown on its case's timeline beside the case's events. Kept in
/// its own table, not as a case event, so that a delivery never races a workflow for the case's version.
/// </summary>
public sealed class DeliveryAttempt
{
    /// <summary>The database's identity.</summary>
    public long Id { get; set; }

    /// <summary>The message tried.</summary>
    public long MessageId { get; set; }

    /// <summary>The message's case (copied, for the timeline's query).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Which try (1, 2, …).</summary>
    public int Number { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What came of it.</summary>
    public DeliveryOutcome Outcome { get; set; }

    /// <summary>Why it failed (the channel's words, without the address).</summary>
    public string? Error { get; set; }

    /// <summary>When the next try is due after a failure; null when sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}

/// <summary>What came of a try.</summary>
public enum DeliveryOutcome
{
    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>It failed; it will be tried again.</summary>
    Failed,

    /// <summary>It failed for the last time.</summary>
    GivenUp,
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("DeliveryAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => a.CaseId);
        // A try is recorded once, even if two workers somehow held the message.
        builder.HasIndex(a => new { a.MessageId, a.Number }).IsUnique();
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
