using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Host.Persistence;

/// <summary>One journal line of an instance.</summary>
public sealed class JournalEntryRow
{
    /// <summary>Entry id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The instance.</summary>
    public string WorkflowInstanceId { get; set; } = "";

    /// <summary>Position in the instance's journal.</summary>
    public long Sequence { get; set; }

    /// <summary>The activity execution.</summary>
    public string ActivityInstanceId { get; set; } = "";

    /// <summary>The parent activity execution.</summary>
    public string? ParentActivityInstanceId { get; set; }

    /// <summary>Activity id.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>Activity type.</summary>
    public string ActivityType { get; set; } = "";

    /// <summary>Activity type version.</summary>
    public int ActivityTypeVersion { get; set; }

    /// <summary>Activity name.</summary>
    public string? ActivityName { get; set; }

    /// <summary>Node id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Started, Completed, Suspended, Resumed, Faulted or Canceled.</summary>
    public string EventName { get; set; } = "";

    /// <summary>A message.</summary>
    public string? Message { get; set; }

    /// <summary>Payload as JSON.</summary>
    public string? Payload { get; set; }

    internal static JournalEntryRow From(JournalEntry entry) => new()
    {
        Id = entry.Id,
        WorkflowInstanceId = entry.WorkflowInstanceId,
        Sequence = entry.Sequence,
        ActivityInstanceId = entry.ActivityInstanceId,
        ParentActivityInstanceId = entry.ParentActivityInstanceId,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        ActivityTypeVersion = entry.ActivityTypeVersion,
        ActivityName = entry.ActivityName,
        NodeId = entry.NodeId,
        Timestamp = entry.Timestamp.ToUniversalTime(),
        EventName = entry.EventName,
        Message = entry.Message,
        Payload = entry.Payload?.ToJsonString(),
    };

    internal JournalEntry ToEntry() => new()
    {
        Id = Id,
        WorkflowInstanceId = WorkflowInstanceId,
        Sequence = Sequence,
        ActivityInstanceId = ActivityInstanceId,
        ParentActivityInstanceId = ParentActivityInstanceId,
        ActivityId = ActivityId,
        ActivityType = ActivityType,
        ActivityTypeVersion = ActivityTypeVersion,
        ActivityName = ActivityName,
        NodeId = NodeId,
        Timestamp = Timestamp,
        EventName = EventName,
        Message = Message,
        Payload = Payload is null ? null : JsonNode.Parse(Payload),
    };
}

internal sealed class JournalEntryRowConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable("JournalEntries");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.EventName).HasMaxLength(32);
        // The journal of one instance, paged in sequence order.
        builder.HasIndex(j => new { j.WorkflowInstanceId, j.Sequence });
    }
}
