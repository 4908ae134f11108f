using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hotline.Domain.Notifications;

namespace Hotline.Domain.Outbox;

/// <summary>
/// A notice to deliver outside the workbench (an e-mail or a text message), written by <see cref="OutboxWriter"/> in the
/// same save as the event that causes it and delivered by <see cref="OutboxDelivery"/>. Its text is rendered from the
/// kind's template when it is written; its address is personal data and never shown unmasked.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The longest text kept (a rendered template with its placeholders' values).</summary>
    public const int BodyMaxLength = 4000;

    /// <summary>The database's identity.</summary>
    public long Id { get; set; }

    /// <summary>What it says happened (the template it was rendered from).</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>How it is sent.</summary>
    public OutboxChannel Channel { get; set; }

    /// <summary>The recipient key it was written for (<see cref="NotificationRecipients"/>, or <c>citizen</c>).</summary>
    public string Recipient { get; set; } = "";

    /// <summary>The e-mail address or the mobile number.</summary>
    public string Address { get; set; } = "";

    /// <summary>The case it is about.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The case's number.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>The subject line (e-mail).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The text.</summary>
    public string Body { get; set; } = "";

    /// <summary>Where it stands.</summary>
    public OutboxStatus Status { get; set; }

    /// <summary>How many deliveries were tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next delivery may be tried (UTC).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The worker delivering it now; null when nobody is.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when that worker holds it: a worker that died lets it go when this passes.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was delivered (UTC).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }

    /// <summary>The address as staff may see it: a mobile number's middle digits and an e-mail's name hidden.</summary>
    public string MaskedAddress => Mask(Channel, Address);

    /// <summary><paramref name="address"/> masked for <paramref name="channel"/>.</summary>
    public static string Mask(OutboxChannel channel, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (channel == OutboxChannel.Sms)
            return Privacy.PersonalDataMasker.MaskPhone(address) ?? "***";
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }
}

/// <summary>The channels a notice leaves the workbench by (the bell, in-app, is the <see cref="Notification"/> itself).</summary>
public enum OutboxChannel
{
    /// <summary>E-mail over SMTP.</summary>
    Email,

    /// <summary>A text message through the SMS gateway.</summary>
    Sms,
}

/// <summary>Where a message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Every attempt failed; no more are made.</summary>
    GivenUp,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Recipient).HasMaxLength(80).IsRequired();
        builder.Property(m => m.Address).HasMaxLength(256).IsRequired();
        builder.Property(m => m.CaseNumber).HasMaxLength(32);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(OutboxMessage.BodyMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(500);
        // The worker's query: what is due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CaseId);
    }
}
