using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.EntryPoints;

/// <summary>
/// A workflow definition that other systems may start over HTTP (<c>POST /api/workflows/{definitionId}/instances</c>).
/// Every other definition — the lifecycle's internal steps (handle, reply, escalate, callback...) above all — cannot be
/// started from outside. An administrator opens or closes a definition in the designer; the flag belongs to the
/// definition (every version), not to its JSON, so importing a file never opens a definition by itself.
/// </summary>
public sealed class WorkflowEntryPoint
{
    /// <summary>The definition id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>How a start's input is checked.</summary>
    public EntryPointIntake Intake { get; set; }

    /// <summary>Who opened it (user name; <c>system</c> for the shipped ones).</summary>
    public string ChangedBy { get; set; } = "";

    /// <summary>When it was opened or last changed.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>How the input of an entry point's start is checked.</summary>
public enum EntryPointIntake
{
    /// <summary>The inputs the definition declares, each of its declared type; a <c>SubmittedBy</c> input is the caller.</summary>
    Workflow,

    /// <summary>
    /// A citizen's request: the case intake checks (channel, type, content, subject, district, phone...) exactly as
    /// <c>POST /api/cases</c>, the submitter taken from the credential.
    /// </summary>
    Case,
}

internal sealed class WorkflowEntryPointConfiguration : IEntityTypeConfiguration<WorkflowEntryPoint>
{
    public void Configure(EntityTypeBuilder<WorkflowEntryPoint> builder)
    {
        builder.ToTable("WorkflowEntryPoints");
        builder.HasKey(e => e.DefinitionId);
        builder.Property(e => e.DefinitionId).HasMaxLength(200);
        builder.Property(e => e.Intake).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ChangedBy).HasMaxLength(64);
        // The lifecycle is shipped open to integrators (as POST /api/cases is), on new and upgraded databases alike.
        builder.HasData(new WorkflowEntryPoint
        {
            DefinitionId = Cases.CaseIntake.LifecycleDefinitionId,
            Intake = EntryPointIntake.Case,
            ChangedBy = "system",
            ChangedAt = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
