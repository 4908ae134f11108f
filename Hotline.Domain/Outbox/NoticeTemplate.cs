using Hotline.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Outbox;

/// <summary>
/// An administrator's words for one kind of notice (zh-CN, with placeholders such as <c>{工单号}</c>) and whether it
/// goes by e-mail and by text message. A kind without a row uses <see cref="NoticeTemplates.Default"/>.
/// </summary>
public sealed class NoticeTemplate : Administration.IVersioned
{
    /// <summary>The kind of notice; the key.</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>The e-mail's subject line.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The text (the e-mail's body and the text message).</summary>
    public string Body { get; set; } = "";

    /// <summary>Whether this kind is sent by e-mail (to recipients with an address).</summary>
    public bool Email { get; set; } = true;

    /// <summary>Whether this kind is sent by text message (to recipients with a mobile number).</summary>
    public bool Sms { get; set; } = true;

    /// <summary>Who saved it last (user name); null for a shipped default.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>When it was saved last (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Increases with every save; a save from an older version is refused.</summary>
    public int Version { get; set; } = 1;
}

internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> builder)
    {
        builder.ToTable("NoticeTemplates");
        builder.HasKey(t => t.Kind);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Subject).HasMaxLength(NoticeTemplates.SubjectMaxLength).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(NoticeTemplates.BodyMaxLength).IsRequired();
        builder.Property(t => t.UpdatedBy).HasMaxLength(64);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
