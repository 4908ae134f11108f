using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Notifications;

/// <summary>
/// Something a person should know now (a new task, a sign-for limit near, a yellow or red card, an answer sent back),
/// addressed to a <see cref="Recipient"/> key (<see cref="NotificationRecipients"/>). Written by
/// <see cref="NotificationWriter"/> in the save that causes it, or by <see cref="SignForReminders"/>; read by every host's
/// poller in <see cref="Id"/> order. Its words are a text key and arguments that carry no telephone number or name.
/// </summary>
public sealed class Notification
{
    /// <summary>Monotonic (the database's identity): a poller reads the rows after the last id it saw.</summary>
    public long Id { get; set; }

    /// <summary>Who it is for: a unit or desk inbox, a role or a user (<see cref="NotificationRecipients"/>).</summary>
    public string Recipient { get; set; } = "";

    /// <summary>The district of its case: a sub-centre's staff get their district's only.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>What happened.</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>The case it is about.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The case's number, for the link.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>The inbox task it is about (the sign-for reminder is written once per task and recipient).</summary>
    public string? TaskId { get; set; }

    /// <summary>The workbench's key of its words (e.g. <c>notify.NewTask</c>).</summary>
    public string TextKey { get; set; } = "";

    /// <summary>The words' arguments (a task's name); never personal data.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a notification says happened.</summary>
public enum NotificationKind
{
    /// <summary>A task entered the recipient's inbox.</summary>
    NewTask,

    /// <summary>A task's sign-for limit (签收时限) is near and it is not signed for.</summary>
    SignForSoon,

    /// <summary>A case got a yellow card (黄牌).</summary>
    Yellow,

    /// <summary>A case got a red card (红牌).</summary>
    Red,

    /// <summary>The centre refused a unit's answer or return (退回).</summary>
    SentBack,

    /// <summary>A case climbed the supervision ladder (督办升级: level 1, 2 or 3).</summary>
    Escalated,

    /// <summary>A supervisor or leader gave the lead unit an instruction (督办意见).</summary>
    Instructed,

    /// <summary>A workflow's notice (the <c>Notify</c> activity: to the citizen, a unit or a desk; e.g. an extension granted).</summary>
    Notice,

    /// <summary>The reply to the citizen (答复), with the rating link.</summary>
    Reply,
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.Recipient).HasMaxLength(80).IsRequired();
        builder.Property(n => n.DistrictCode).HasMaxLength(6);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.CaseNumber).HasMaxLength(32);
        builder.Property(n => n.TextKey).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Arguments).HasJsonListConversion();
        // The bell's list and count: a recipient's latest.
        builder.HasIndex(n => new { n.Recipient, n.Id });
        // A reminder once per task and recipient, even when two hosts run the job at once.
        builder.HasIndex(n => new { n.TaskId, n.Kind, n.Recipient }).IsUnique();
    }
}
