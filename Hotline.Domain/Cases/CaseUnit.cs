using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Cases;

/// <summary>
/// A unit's part in a case: it led the case (主办, <see cref="Case.LeadUnitCode"/>) or was given a task for it (协办, a
/// review, a callback desk…). The rows are the cases a unit's users may see. The database writes them itself, in the
/// statement that makes the unit lead or adds the task (triggers on <c>Cases</c> and <c>InboxTasks</c>, made by the
/// <c>CaseUnits</c> migration, which also filled the rows of earlier cases): every writer is covered, EF Core's saves,
/// bulk loads and SQL alike, without a read before each save. Rows are never removed: a unit that handed a case on
/// (改派, 二级派单, a return) still finds what it handled. They carry the case's registration time so that a unit's
/// newest cases page through one index, however many cases the centre holds.
/// </summary>
public sealed class CaseUnit
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The unit (or desk) that led the case or had a task for it.</summary>
    public string UnitCode { get; set; } = "";

    /// <summary>When the case was registered (<see cref="Case.CreatedAt"/>), for the newest-first order.</summary>
    public DateTimeOffset CaseCreatedAt { get; set; }
}

internal sealed class CaseUnitConfiguration : IEntityTypeConfiguration<CaseUnit>
{
    /// <summary>The trigger on <c>Cases</c> that writes the lead unit's row (on SQLite, with its sibling for updates).</summary>
    public const string CaseTrigger = "Cases_case_units";

    /// <summary>The trigger on <c>InboxTasks</c> that writes the task's unit's row.</summary>
    public const string TaskTrigger = "InboxTasks_case_units";

    public void Configure(EntityTypeBuilder<CaseUnit> builder)
    {
        builder.ToTable("CaseUnits");
        builder.HasKey(m => new { m.CaseId, m.UnitCode });
        builder.Property(m => m.UnitCode).HasMaxLength(64);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        // A unit's cases, newest first (the case list of a unit's user; the workbench's case pages).
        builder.HasIndex(m => new { m.UnitCode, m.CaseCreatedAt, m.CaseId });
    }
}
