using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Host.Persistence;

/// <summary>The record of one activity execution.</summary>
public sealed class ActivityExecutionRecordRow
{
    /// <summary>Record id (the activity execution id).</summary>
    public string Id { get; set; } = "";

    /// <summary>The instance.</summary>
    public string WorkflowInstanceId { get; set; } = "";

    /// <summary>Activity id.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>Node id.</summary>
    public string ActivityNodeId { get; set; } = "";

    /// <summary>Activity type.</summary>
    public string ActivityType { get; set; } = "";

    /// <summary>Activity type version.</summary>
    public int ActivityTypeVersion { get; set; }

    /// <summary>Activity name.</summary>
    public string? ActivityName { get; set; }

    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Execution status.</summary>
    public ActivityStatus Status { get; set; }

    /// <summary>Whether the execution waits on bookmarks.</summary>
    public bool HasBookmarks { get; set; }

    /// <summary>Outputs as JSON.</summary>
    public string? Outputs { get; set; }

    /// <summary>Payload as JSON.</summary>
    public string? Payload { get; set; }

    /// <summary>Exception as JSON.</summary>
    public string? Exception { get; set; }

    /// <summary>The execution that scheduled this one.</summary>
    public string? SchedulingActivityExecutionId { get; set; }

    /// <summary>Call stack depth.</summary>
    public int CallStackDepth { get; set; }

    internal static ActivityExecutionRecordRow From(ActivityExecutionRecord record) => new ActivityExecutionRecordRow { Id = record.Id }.CopyFrom(record);

    internal ActivityExecutionRecordRow CopyFrom(ActivityExecutionRecord record)
    {
        WorkflowInstanceId = record.WorkflowInstanceId;
        ActivityId = record.ActivityId;
        ActivityNodeId = record.ActivityNodeId;
        ActivityType = record.ActivityType;
        ActivityTypeVersion = record.ActivityTypeVersion;
        ActivityName = record.ActivityName;
        StartedAt = record.StartedAt.ToUniversalTime();
        CompletedAt = record.CompletedAt?.ToUniversalTime();
        Status = record.Status;
        HasBookmarks = record.HasBookmarks;
        Outputs = record.Outputs?.ToJsonString();
        Payload = record.Payload?.ToJsonString();
        Exception = record.Exception?.ToJsonString();
        SchedulingActivityExecutionId = record.SchedulingActivityExecutionId;
        CallStackDepth = record.CallStackDepth;
        return this;
    }

    internal ActivityExecutionRecord ToRecord() => new()
    {
        Id = Id,
        WorkflowInstanceId = WorkflowInstanceId,
        ActivityId = ActivityId,
        ActivityNodeId = ActivityNodeId,
        ActivityType = ActivityType,
        ActivityTypeVersion = ActivityTypeVersion,
        ActivityName = ActivityName,
        StartedAt = StartedAt,
        CompletedAt = CompletedAt,
        Status = Status,
        HasBookmarks = HasBookmarks,
        Outputs = ParseObject(Outputs),
        Payload = ParseObject(Payload),
        Exception = ParseObject(Exception),
        SchedulingActivityExecutionId = SchedulingActivityExecutionId,
        CallStackDepth = CallStackDepth,
    };

    private static JsonObject? ParseObject(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;
}

internal sealed class ActivityExecutionRecordRowConfiguration : IEntityTypeConfiguration<ActivityExecutionRecordRow>
{
    public void Configure(EntityTypeBuilder<ActivityExecutionRecordRow> builder)
    {
        builder.ToTable("ActivityExecutionRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // The records of one instance in start order.
        builder.HasIndex(r => new { r.WorkflowInstanceId, r.StartedAt });
    }
}
