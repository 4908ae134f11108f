using System.Text.Json.Nodes;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>The index entry of a bookmark: which instance waits for which stimulus, or until when.</summary>
public sealed class BookmarkRow
{
    /// <summary>Bookmark id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The waiting instance.</summary>
    public string WorkflowInstanceId { get; set; } = "";

    /// <summary>The stimulus kind (<c>Elsa.Event</c>, <c>Elsa.Delay</c>, ...).</summary>
    public string Name { get; set; } = "";

    /// <summary>The key of the stimulus (an event name, a task id).</summary>
    public string? Hash { get; set; }

    /// <summary>The instance's correlation id when the bookmark was created.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Node id of the waiting activity.</summary>
    public string ActivityNodeId { get; set; } = "";

    /// <summary>Id of the waiting activity execution.</summary>
    public string ActivityInstanceId { get; set; } = "";

    /// <summary>The bookmark's payload as JSON.</summary>
    public string? Payload { get; set; }

    /// <summary>When the bookmark was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For timers: when to resume.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    internal static BookmarkRow From(Bookmark bookmark, WorkflowInstance instance) => new()
    {
        Id = bookmark.Id,
        WorkflowInstanceId = instance.Id,
        Name = bookmark.Name,
        Hash = bookmark.Hash,
        CorrelationId = instance.CorrelationId,
        ActivityNodeId = bookmark.ActivityNodeId,
        ActivityInstanceId = bookmark.ActivityInstanceId,
        Payload = bookmark.Payload?.ToJsonString(),
        CreatedAt = bookmark.CreatedAt.ToUniversalTime(),
        ResumeAt = bookmark.ResumeAt?.ToUniversalTime(),
    };

    internal BookmarkRef ToRef() => new(Id, WorkflowInstanceId, Name, Hash, ResumeAt, CorrelationId);

    internal Bookmark ToBookmark() => new()
    {
        Id = Id,
        Name = Name,
        Hash = Hash,
        Payload = Payload is null ? null : JsonNode.Parse(Payload),
        ActivityNodeId = ActivityNodeId,
        ActivityInstanceId = ActivityInstanceId,
        CreatedAt = CreatedAt,
        ResumeAt = ResumeAt,
    };
}

internal sealed class BookmarkRowConfiguration : IEntityTypeConfiguration<BookmarkRow>
{
    public void Configure(EntityTypeBuilder<BookmarkRow> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        // Resuming by stimulus: name + hash, sometimes narrowed by correlation id.
        builder.HasIndex(b => new { b.Name, b.Hash, b.CorrelationId });
        builder.HasIndex(b => b.CorrelationId);
        builder.HasIndex(b => b.WorkflowInstanceId);
        // The timer scan reads due bookmarks in due order; only timers have a due time. The filter is
        // plain SQL that both SQLite and PostgreSQL accept.
        builder.HasIndex(b => b.ResumeAt).HasFilter("\"ResumeAt\" IS NOT NULL");
    }
}
