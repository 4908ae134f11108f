using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Notifications;

/// <summary>
/// How far a person has read: every notification for them with an id up to <see cref="LastReadId"/> is read. One row
/// per person, not per notification: "mark all read" is one write, and the unread count one indexed count.
/// </summary>
public sealed class NotificationRead
{
    /// <summary>The person's user name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The highest notification id they have read.</summary>
    public long LastReadId { get; set; }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.ToTable("NotificationReads");
        builder.HasKey(r => r.UserName);
        builder.Property(r => r.UserName).HasMaxLength(64);
    }
}
