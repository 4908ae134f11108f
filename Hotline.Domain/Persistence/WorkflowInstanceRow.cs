using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>A workflow instance: summary columns for lists and look-ups, the execution state as JSON.</summary>
public sealed class WorkflowInstanceRow
{
    /// <summary>Instance id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Definition id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>Id of the definition version the instance runs.</summary>
    public string DefinitionVersionId { get; set; } = "";

    /// <summary>Version number of that definition version.</summary>
    public int Version { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Correlation id (a case id, for example).</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Running or finished.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>Elsa's sub-status.</summary>
    public WorkflowSubStatus SubStatus { get; set; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the instance was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the instance finished.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Number of incidents.</summary>
    public int IncidentCount { get; set; }

    /// <summary>The execution state as JSON.</summary>
    public string State { get; set; } = "";

    /// <summary>Concurrency token: a save succeeds only against the revision it started from.</summary>
    public long Revision { get; set; }

    /// <summary>The row of <paramref name="instance"/>; without the state JSON (left empty) when <paramref name="withState"/> is false.</summary>
    internal static WorkflowInstanceRow From(WorkflowInstance instance, bool withState = true) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersionId = instance.DefinitionVersionId,
        Version = instance.Version,
        Name = instance.Name,
        CorrelationId = instance.CorrelationId,
        Status = instance.Status,
        SubStatus = instance.SubStatus,
        CreatedAt = instance.CreatedAt.ToUniversalTime(),
        UpdatedAt = instance.UpdatedAt.ToUniversalTime(),
        FinishedAt = instance.FinishedAt?.ToUniversalTime(),
        IncidentCount = instance.IncidentCount,
        State = withState ? instance.State.ToJsonString() : "",
        Revision = instance.Revision,
    };

    internal WorkflowInstance ToInstance() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersionId = DefinitionVersionId,
        Version = Version,
        Name = Name,
        CorrelationId = CorrelationId,
        Status = Status,
        SubStatus = SubStatus,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FinishedAt = FinishedAt,
        IncidentCount = IncidentCount,
        State = JsonNode.Parse(State) as JsonObject ?? [],
        Revision = Revision,
    };
}

internal sealed class WorkflowInstanceRowConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.State).IsRequired();
        builder.Property(i => i.Revision).IsConcurrencyToken();
        // The instance list is newest first, filtered by at most a few of these columns.
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => new { i.DefinitionId, i.CreatedAt });
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => new { i.SubStatus, i.CreatedAt });
        builder.HasIndex(i => i.CorrelationId);
        // No index on UpdatedAt: every burst changes it, so an index on it is written on every commit (and on PostgreSQL
        // makes every update of the row a non-HOT one, a new entry in each of the table's indexes). Only the designer's
        // instance list sorted by last execution reads it, which sorts the filtered rows instead.
    }
}
