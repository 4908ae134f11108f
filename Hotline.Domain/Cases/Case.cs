using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Cases;

/// <summary>
/// A case (工单): one citizen request from registration to closing. Its history is the append-only
/// <see cref="CaseEvent"/> timeline. A case changes only through its methods (<see cref="Register"/>, <see cref="Route"/>,
/// <see cref="SetDeadline"/>, <see cref="Escalate"/>...), each of which records its event with <see cref="Record{TData}"/>
/// and so advances <see cref="Version"/>.
/// </summary>
public sealed partial class Case
{
    private DateTimeOffset? _deadlineAt;

    /// <summary>The case id (a version-7 GUID: ordered by creation).</summary>
    public Guid Id { get; set; }

    /// <summary>The human-readable number <c>yyyyMMdd-nnnnnn</c> (the date in the hotline's time zone); unique.</summary>
    public string Number { get; set; } = "";

    /// <summary>How the case arrived.</summary>
    public CaseChannel Channel { get; set; }

    /// <summary>The citizen's name as given; may be empty (anonymous).</summary>
    public string? CitizenName { get; set; }

    /// <summary>
    /// The citizen's telephone, digits only (<see cref="PhoneNumbers.Normalize"/>). Shown masked
    /// (<c>PersonalDataMasker.MaskPhone</c>) unless the privacy policy (<c>PhoneVisibilityPolicy</c>) allows the full number.
    /// </summary>
    public string? CitizenPhone { get; set; }

    /// <summary>Where the problem is, as given.</summary>
    public string? Address { get; set; }

    /// <summary>The address normalized for comparison (<see cref="AddressKey.Normalize"/>); duplicate detection matches on it.</summary>
    public string? AddressKey { get; set; }

    /// <summary>The six-digit district code of the place.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>What the citizen said.</summary>
    public string Content { get; set; } = "";

    /// <summary>Consultation, help, complaint, report, suggestion or praise.</summary>
    public CaseType Type { get; set; }

    /// <summary>The subject code (诉求分类).</summary>
    public string? SubjectCode { get; set; }

    /// <summary>Normal, urgent or emergency.</summary>
    public CaseUrgency Urgency { get; set; }

    /// <summary>Where the case stands.</summary>
    public CaseStatus Status { get; set; }

    /// <summary>The deadline warning (yellow before the deadline, red when overdue).</summary>
    public WarningLevel Warning { get; set; }

    /// <summary>The supervision ladder level reached (0 none; 1 letter to the unit head, 2 the 13710 track, 3 a leader takes the case).</summary>
    public int EscalationLevel { get; set; }

    /// <summary>How many times the case was sent back for re-handling (重办) after an unsatisfied callback.</summary>
    public int ReopenCount { get; set; }

    /// <summary>Whether an extension request (延期申请) waits for the centre's decision.</summary>
    public bool ExtensionPending { get; set; }

    /// <summary>The lead unit (主办); exactly one once dispatched (the dispatch desk before that).</summary>
    public string? LeadUnitCode { get; set; }

    /// <summary>Assisting units (协办).</summary>
    public List<string> AssistingUnitCodes { get; set; } = [];

    /// <summary>The current deadline; stored in UTC.</summary>
    public DateTimeOffset? DeadlineAt
    {
        get => _deadlineAt;
        set => _deadlineAt = value?.ToUniversalTime();
    }

    /// <summary>
    /// True when the deadline reaches into a year whose holiday calendar is not loaded yet; it is recomputed when the
    /// year is loaded.
    /// </summary>
    public bool IsDeadlineProvisional { get; set; }

    /// <summary>The rule the deadline was computed from, frozen for audit (a JSON column).</summary>
    public DeadlineRuleSnapshot? DeadlineRule { get; set; }

    /// <summary>Who submitted the case: an operator's login or an integrator's name (they may read it later).</summary>
    public string? SubmittedBy { get; set; }

    /// <summary>The workflow instance that runs this case's lifecycle.</summary>
    public string? WorkflowInstanceId { get; set; }

    /// <summary>Cases linked as duplicates of this one (重复诉求), both ways.</summary>
    public List<Guid> LinkedCaseIds { get; set; } = [];

    /// <summary>疑难复杂: the dispatcher judged the problem difficult or complex; its deadline comes from the complex category.</summary>
    public bool IsComplex { get; set; }

    /// <summary>The working days the dispatcher gave a complex case (1–15); null: the complex category's default.</summary>
    public int? ComplexWorkingDays { get; set; }

    /// <summary>The case this one was merged into (并案); null unless <see cref="CaseStatus.Merged"/>.</summary>
    public Guid? MergedIntoCaseId { get; set; }

    /// <summary>
    /// The callers of the cases merged into this one: the reply and the callback of this case answer them too (a JSON
    /// column; their telephone numbers are shown under the same privacy rule as <see cref="CitizenPhone"/>).
    /// </summary>
    public List<MergedCaller> MergedCallers { get; set; } = [];

    /// <summary>When the case was registered (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the case last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the case was closed or answered directly (UTC).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The sequence number of the last timeline event; the next event gets one more.</summary>
    public int LastEventSequence { get; set; }

    /// <summary>
    /// Concurrency token, advanced by every change (<see cref="Record{TData}"/>): a save made from an outdated
    /// copy fails with <see cref="DbUpdateConcurrencyException"/> instead of overwriting.
    /// </summary>
    public long Version { get; set; }

    /// <summary>Whether the case still needs work (not closed, not answered directly).</summary>
    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.AnsweredDirectly or CaseStatus.Merged or CaseStatus.Voided);

    /// <summary>
    /// <see cref="IsOpen"/> for queries, written as the open statuses (SQL <c>Status IN (...)</c>), so the partial
    /// indexes on open cases (<see cref="OpenFilter"/>) serve them: a year of closed cases is never scanned to find
    /// the open ones. A test checks it agrees with <see cref="IsOpen"/> for every status.
    /// </summary>
    public static Expression<Func<Case, bool>> Open { get; } = c =>
        c.Status == CaseStatus.Registered || c.Status == CaseStatus.Dispatched || c.Status == CaseStatus.Handling
        || c.Status == CaseStatus.AwaitingReview || c.Status == CaseStatus.Replied || c.Status == CaseStatus.AwaitingCallback;

    /// <summary><see cref="Open"/> as the SQL filter of the partial indexes on open cases (the same list, in the same order).</summary>
    internal const string OpenFilter = "\"Status\" IN ('Registered', 'Dispatched', 'Handling', 'AwaitingReview', 'Replied', 'AwaitingCallback')";
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        // The trigger that writes the lead unit's CaseUnit row (CaseUnits migration); declared so EF knows the table has one.
        builder.ToTable("Cases", t => t.HasTrigger(CaseUnitConfiguration.CaseTrigger));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(15).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.CitizenName).HasMaxLength(64);
        builder.Property(c => c.CitizenPhone).HasMaxLength(32);
        builder.Property(c => c.Address).HasMaxLength(256);
        builder.Property(c => c.AddressKey).HasMaxLength(256);
        builder.Property(c => c.DistrictCode).HasMaxLength(6);
        builder.Property(c => c.Content).IsRequired();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SubjectCode).HasMaxLength(32);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Warning).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.LeadUnitCode).HasMaxLength(32);
        builder.Property(c => c.SubmittedBy).HasMaxLength(64);
        builder.Property(c => c.AssistingUnitCodes).HasJsonListConversion();
        builder.Property(c => c.DeadlineAt).HasField("_deadlineAt");
        builder.Property(c => c.DeadlineRule).HasJsonRecordConversion();
        builder.Property(c => c.LinkedCaseIds).HasJsonListConversion();
        builder.Property(c => c.MergedCallers).HasJsonListConversion();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        ConfigureIndexes(builder);
    }

    /// <summary>The indexes beside the key and the number, each with the reads it serves.</summary>
    private static void ConfigureIndexes(EntityTypeBuilder<Case> builder)
    {
        // Duplicate detection (DuplicateFinder): the same caller within a window, and the same subject at the same place.
        builder.HasIndex(c => new { c.CitizenPhone, c.CreatedAt });
        builder.HasIndex(c => new { c.SubjectCode, c.DistrictCode, c.AddressKey, c.CreatedAt });
        // A lead unit's cases by status, newest first (a unit's case list; the supervision views by unit).
        builder.HasIndex(c => new { c.LeadUnitCode, c.Status, c.CreatedAt, c.Id });
        // The case of a workflow instance.
        builder.HasIndex(c => c.WorkflowInstanceId);
        // Overdue cases (the daily report, escalation lists).
        builder.HasIndex(c => c.DeadlineAt);
        // Open cases only (a small share of a year's): the overdue ones, and the supervision ladder's list (highest
        // level first, then the earliest deadline). Partial, so the planner reads only open cases' entries.
        builder.HasIndex(c => c.DeadlineAt, "IX_Cases_Open_DeadlineAt").HasFilter(Case.OpenFilter);
        builder.HasIndex(c => new { c.EscalationLevel, c.DeadlineAt }, "IX_Cases_Open_EscalationLevel_DeadlineAt").HasFilter(Case.OpenFilter);
        // The overdue list, newest first: a page walks the open cases from the newest and checks each deadline in the
        // index, never reading a case that is not on the page. At a million cases (60,000 overdue) reading the overdue
        // ones by deadline and sorting them took 107/125 ms (p50/p95).
        builder.HasIndex(c => new { c.CreatedAt, c.Id, c.DeadlineAt }, "IX_Cases_Open_CreatedAt_Id_DeadlineAt").HasFilter(Case.OpenFilter);
        // The case list by status, newest first (待派单, 办理中...), and a district's by status (a sub-centre's lists): a
        // page walks its own 20 entries, and its count reads only the status's (the district's and status's) entries.
        // Without them, at a million cases, the planner sorted every case of the status for one page (170–210 ms).
        builder.HasIndex(c => new { c.Status, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.DistrictCode, c.Status, c.CreatedAt, c.Id });
        // A subject's cases newest first (a period's noise complaints): the page walks the subject's entries from the
        // period's end (the duplicate finder's subject index is ordered by district and address first).
        builder.HasIndex(c => new { c.SubjectCode, c.CreatedAt, c.Id });
        // An integrator's own cases.
        builder.HasIndex(c => new { c.SubmittedBy, c.CreatedAt });
        // The newest cases first (the case list, Open311's requests by date).
        builder.HasIndex(c => c.CreatedAt);
        // The cases closed since a time, with what the daily report's overdue search checks in the index (a past day's
        // report looks at what closed since; reading every case registered before the day cost 350–600 ms at a million).
        builder.HasIndex(c => new { c.ClosedAt, c.CreatedAt, c.DeadlineAt });
    }
}
