using Hotline.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>One workflow definition version: the Elsa JSON document plus the columns it is looked up by.</summary>
public sealed class WorkflowDefinitionRow
{
    /// <summary>Version id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Definition id, shared by all versions.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Version number.</summary>
    public int Version { get; set; }

    /// <summary>Whether this is the latest version of its definition.</summary>
    public bool IsLatest { get; set; }

    /// <summary>Whether this is the published version of its definition.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Whether other definitions may use this one as an activity.</summary>
    public bool UsableAsActivity { get; set; }

    /// <summary>When the version was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The whole definition as JSON, the source of truth; the other columns are copies for queries.</summary>
    public string Document { get; set; } = "";

    internal static WorkflowDefinitionRow From(WorkflowDefinition definition) => new WorkflowDefinitionRow { Id = definition.Id }.CopyFrom(definition);

    internal WorkflowDefinitionRow CopyFrom(WorkflowDefinition definition)
    {
        DefinitionId = definition.DefinitionId;
        Name = definition.Name;
        Version = definition.Version;
        IsLatest = definition.IsLatest;
        IsPublished = definition.IsPublished;
        UsableAsActivity = definition.UsableAsActivity;
        CreatedAt = definition.CreatedAt.ToUniversalTime();
        Document = WorkflowDefinitionReader.Write(definition);
        return this;
    }
}

internal sealed class WorkflowDefinitionRowConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRow> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Document).IsRequired();
        // Versions of one definition (find published/latest, list versions in order).
        builder.HasIndex(d => new { d.DefinitionId, d.Version });
        // The definition list: the latest version of every definition.
        builder.HasIndex(d => new { d.IsLatest, d.DefinitionId });
        // Definitions offered as activities.
        builder.HasIndex(d => new { d.IsPublished, d.UsableAsActivity });
    }
}
