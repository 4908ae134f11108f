using System.Linq.Expressions;
using Hotline.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Inbox;

/// <summary>
/// A task in a unit's or a role's inbox: one waiting <c>Hotline.HumanTask</c> of a workflow instance. Completing it
/// resumes the workflow's bookmark with the chosen outcome.
/// </summary>
public sealed class InboxTask
{
    private DateTimeOffset? _dueAt;
    private DateTimeOffset? _signDueAt;

    /// <summary>The engine's task id; the key, so dispatching the same task again finds it.</summary>
    public string TaskId { get; set; } = "";

    /// <summary>The case the task is about, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The unit (or role) whose inbox holds it.</summary>
    public string? UnitCode { get; set; }

    /// <summary>What kind of work it is.</summary>
    public InboxTaskKind Kind { get; set; }

    /// <summary>The name shown in the inbox (办理, 退单审核...).</summary>
    public string TaskName { get; set; } = "";

    /// <summary>Open, signed, completed or cancelled.</summary>
    public InboxTaskStatus Status { get; set; }

    /// <summary>The outcomes the handler may choose (the workflow's outcome ports).</summary>
    public List<string> PossibleOutcomes { get; set; } = [];

    /// <summary>When the work is due (UTC).</summary>
    public DateTimeOffset? DueAt
    {
        get => _dueAt;
        set => _dueAt = value?.ToUniversalTime();
    }

    /// <summary>When it must be signed for (签收时限) (UTC).</summary>
    public DateTimeOffset? SignDueAt
    {
        get => _signDueAt;
        set => _signDueAt = value?.ToUniversalTime();
    }

    /// <summary>When it entered the inbox (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who signed for it.</summary>
    public string? SignedBy { get; set; }

    /// <summary>When it was signed for (UTC).</summary>
    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>When it was completed or cancelled (UTC).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The outcome chosen.</summary>
    public string? Outcome { get; set; }

    /// <summary>What the handler submitted, as JSON.</summary>
    public string? Result { get; set; }

    /// <summary>The task's data as the workflow sent it, as JSON.</summary>
    public string? Payload { get; set; }

    /// <summary>The waiting workflow instance.</summary>
    public string WorkflowInstanceId { get; set; } = "";

    /// <summary>The bookmark to resume.</summary>
    public string BookmarkId { get; set; } = "";

    /// <summary>The instance's correlation id when the task was created.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Concurrency token, advanced by <see cref="Sign"/>, <see cref="Complete"/> and <see cref="Cancel"/>.</summary>
    public long Version { get; set; }

    /// <summary>Whether someone may still act on it.</summary>
    public bool IsPending => Status is InboxTaskStatus.Open or InboxTaskStatus.SignedFor;

    /// <summary>
    /// <see cref="IsPending"/> for queries, written as the pending statuses (SQL <c>Status IN ('Open', 'SignedFor')</c>)
    /// so the partial index of pending tasks (<see cref="PendingFilter"/>) serves them.
    /// </summary>
    public static Expression<Func<InboxTask, bool>> Pending { get; } = t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor;

    /// <summary><see cref="Pending"/> as the SQL filter of the partial index of pending tasks (the same list, in the same order).</summary>
    internal const string PendingFilter = "\"Status\" IN ('Open', 'SignedFor')";

    /// <summary>Signs for the task (签收).</summary>
    /// <exception cref="InvalidOperationException">The task is not open.</exception>
    public void Sign(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Status != InboxTaskStatus.Open)
            throw new InvalidOperationException($"Task {TaskId} is {Status}; only an open task can be signed for.");
        Status = InboxTaskStatus.SignedFor;
        SignedBy = by;
        SignedAt = at.ToUniversalTime();
        Version++;
    }

    /// <summary>Completes the task with one of its outcomes.</summary>
    /// <exception cref="InvalidOperationException">The task is no longer pending.</exception>
    /// <exception cref="ArgumentException">The outcome is not one of <see cref="PossibleOutcomes"/>.</exception>
    public void Complete(string by, DateTimeOffset at, string outcome, string? resultJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        if (!IsPending)
            throw new InvalidOperationException($"Task {TaskId} is {Status}; it cannot be completed.");
        if (PossibleOutcomes.Count > 0 && !PossibleOutcomes.Contains(outcome))
            throw new ArgumentException($"'{outcome}' is not an outcome of task {TaskId} (allowed: {string.Join(", ", PossibleOutcomes)}).", nameof(outcome));
        Status = InboxTaskStatus.Completed;
        CompletedBy = by;
        CompletedAt = at.ToUniversalTime();
        Outcome = outcome;
        Result = resultJson;
        Version++;
    }

    /// <summary>Cancels a pending task (its workflow went another way).</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (!IsPending)
            return;
        Status = InboxTaskStatus.Cancelled;
        CompletedAt = at.ToUniversalTime();
        Version++;
    }
}

/// <summary>The kinds of inbox work.</summary>
public enum InboxTaskKind
{
    /// <summary>Something else; the task name says what.</summary>
    Other,

    /// <summary>办理: a unit handles a case.</summary>
    Handle,

    /// <summary>退单审核: the centre reviews a unit's return.</summary>
    ReviewReturn,

    /// <summary>延期审核: the centre reviews an extension request.</summary>
    ReviewExtension,

    /// <summary>审核办结: the centre checks a unit's answer.</summary>
    ReviewAnswer,

    /// <summary>回访: a callback agent calls the citizen.</summary>
    Callback,

    /// <summary>督办: a supervisor follows up.</summary>
    Supervise,

    /// <summary>派单: a dispatcher routes a case by hand.</summary>
    Dispatch,

    /// <summary>答复: the centre answers the citizen.</summary>
    Reply,

    /// <summary>协办: an assisting unit's opinion for the lead unit.</summary>
    Assist,

    /// <summary>查工单: the centre's quality checker checks a closed case (三查).</summary>
    QualityCheck,

    /// <summary>13710 进展反馈: the lead unit reports its progress on a supervised case before a checkpoint.</summary>
    ProgressReport,
}

/// <summary>Where an inbox task stands.</summary>
public enum InboxTaskStatus
{
    /// <summary>Waiting to be signed for.</summary>
    Open,

    /// <summary>Signed for (claimed); being worked.</summary>
    SignedFor,

    /// <summary>Done, with an outcome.</summary>
    Completed,

    /// <summary>No longer needed.</summary>
    Cancelled,
}

internal sealed class InboxTaskConfiguration : IEntityTypeConfiguration<InboxTask>
{
    public void Configure(EntityTypeBuilder<InboxTask> builder)
    {
        // The trigger that writes the task's unit's CaseUnit row (CaseUnits migration); declared so EF knows the table has one.
        builder.ToTable("InboxTasks", t => t.HasTrigger(Cases.CaseUnitConfiguration.TaskTrigger));
        builder.HasKey(t => t.TaskId);
        builder.Property(t => t.UnitCode).HasMaxLength(64);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.TaskName).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.PossibleOutcomes).HasJsonListConversion();
        builder.Property(t => t.DueAt).HasField("_dueAt");
        builder.Property(t => t.SignDueAt).HasField("_signDueAt");
        builder.Property(t => t.SignedBy).HasMaxLength(64);
        builder.Property(t => t.CompletedBy).HasMaxLength(64);
        builder.Property(t => t.Outcome).HasMaxLength(64);
        // Ids of the engine (task, instance, bookmark, correlation) are unbounded text there too.
        builder.Property(t => t.WorkflowInstanceId).IsRequired();
        builder.Property(t => t.BookmarkId).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsPending);
        // A unit's open or signed tasks (the counts, the open and signed lists).
        builder.HasIndex(t => new { t.UnitCode, t.Status, t.DueAt });
        // A unit's inbox: its pending tasks, soonest due first. A page walks its own entries; with the index above the
        // planner sorted all of a unit's pending rows for each page (the order spans two statuses).
        builder.HasIndex(t => new { t.UnitCode, t.DueAt, t.TaskId }, "IX_InboxTasks_Pending_UnitCode_DueAt").HasFilter(InboxTask.PendingFilter);
        // A unit's inbox of every status, newest first.
        builder.HasIndex(t => new { t.UnitCode, t.CreatedAt });
        builder.HasIndex(t => t.CaseId);
        builder.HasIndex(t => t.WorkflowInstanceId);
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
