using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Cases;

/// <summary>
/// One line of a case's timeline: who did what, when. The timeline is append-only and every indicator is computed
/// from it, so events are never changed or removed.
/// </summary>
/// <remarks>
/// Append-only is enforced three ways: the properties are init-only, so code cannot change a loaded event; the only
/// write path is <see cref="Case.Record{TData}"/>; and the database refuses <c>UPDATE</c> and <c>DELETE</c> on the
/// table with triggers created by the <c>AddCases</c> migration on SQLite and PostgreSQL (see
/// <see cref="CaseEventConfiguration"/>), which also stops raw SQL and a tracked <c>Remove</c>.
/// </remarks>
public sealed class CaseEvent
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The event's position in the case's timeline: 1, 2, 3... with no gaps (the key with <see cref="CaseId"/>).</summary>
    public int Sequence { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Whether a user, a unit or the system acted.</summary>
    public CaseActorKind ActorKind { get; init; }

    /// <summary>The user name or unit code; null for the system.</summary>
    public string? ActorId { get; init; }

    /// <summary>The actor's display name at the time (张敏, 东湖区新华街道办事处, 系统).</summary>
    public string ActorName { get; init; } = "";

    /// <summary>What happened.</summary>
    public CaseEventKind Kind { get; init; }

    /// <summary>Details as a JSON object (the outcome, the new deadline, the escalation level...); null when there are none.</summary>
    public string? Data { get; init; }
}

/// <summary>Who acted on a case.</summary>
public enum CaseActorKind
{
    /// <summary>The system (a workflow, a timer).</summary>
    System,

    /// <summary>A person: operator, dispatcher, callback agent, supervisor.</summary>
    User,

    /// <summary>A handling unit.</summary>
    Unit,
}

/// <summary>Who acted, as the timeline records it.</summary>
/// <param name="Kind">System, user or unit.</param>
/// <param name="Id">User name or unit code; null for the system.</param>
/// <param name="DisplayName">The name shown in the timeline.</param>
public sealed record CaseActor(CaseActorKind Kind, string? Id, string DisplayName)
{
    /// <summary>The system itself (workflows and timers).</summary>
    public static CaseActor System { get; } = new(CaseActorKind.System, null, "系统");

    /// <summary>A person.</summary>
    public static CaseActor User(string userName, string displayName) => new(CaseActorKind.User, userName, displayName);

    /// <summary>A handling unit.</summary>
    public static CaseActor Unit(string unitCode, string unitName) => new(CaseActorKind.Unit, unitCode, unitName);
}

/// <summary>What happened to a case. New kinds are added at the end; stored by name.</summary>
public enum CaseEventKind
{
    /// <summary>受理: the case was registered.</summary>
    Registered,

    /// <summary>重复诉求: linked to another case about the same thing (data: the other case's id and number).</summary>
    DuplicateLinked,

    /// <summary>分类: type or subject set or changed.</summary>
    Classified,

    /// <summary>直接办结: answered at once from the knowledge base (data: the article).</summary>
    AnsweredFromKnowledgeBase,

    /// <summary>派单: routed to a lead unit and assisting units (data: units, rule, deadline).</summary>
    Dispatched,

    /// <summary>A task was put in a unit's or person's inbox (data: task id, unit, kind).</summary>
    TaskCreated,

    /// <summary>签收: the unit signed for its task.</summary>
    SignedFor,

    /// <summary>退单: the unit returned a mis-routed case (data: reason).</summary>
    Returned,

    /// <summary>The centre accepted a return; the case goes back to dispatch.</summary>
    ReturnAccepted,

    /// <summary>The centre rejected a return; the unit keeps the case.</summary>
    ReturnRejected,

    /// <summary>延期申请 (data: reason, requested deadline).</summary>
    ExtensionRequested,

    /// <summary>Extension approved (data: the new deadline).</summary>
    ExtensionApproved,

    /// <summary>Extension refused (data: reason).</summary>
    ExtensionRefused,

    /// <summary>The unit submitted its answer.</summary>
    AnswerSubmitted,

    /// <summary>审核办结: the centre accepted the unit's answer.</summary>
    AnswerAccepted,

    /// <summary>The centre sent the answer back to the unit (data: reason).</summary>
    AnswerSentBack,

    /// <summary>答复: the citizen was answered.</summary>
    Replied,

    /// <summary>回访: the callback reached the citizen (data: satisfaction, resolved).</summary>
    CallbackRecorded,

    /// <summary>The citizen could not be reached for the callback (data: attempts).</summary>
    CallbackUnreachable,

    /// <summary>黄牌预警: the deadline is near.</summary>
    WarningYellow,

    /// <summary>红牌: the case is overdue.</summary>
    WarningRed,

    /// <summary>督办: escalated to a ladder level (data: level, name).</summary>
    Escalated,

    /// <summary>二级派单: the unit passed the case to a subordinate unit (data: unit).</summary>
    SubDispatched,

    /// <summary>重办: sent back to the unit after an unsatisfied callback.</summary>
    Reopened,

    /// <summary>办结: closed.</summary>
    Closed,

    /// <summary>A deadline was set or recomputed (data: deadline, provisional, rule, limit, unit, why).</summary>
    DeadlineSet,

    /// <summary>协办: an assisting unit submitted its opinion to the lead unit (data: unit, opinion).</summary>
    AssistanceSubmitted,

    /// <summary>A notice went to the citizen, a unit or a supervisor (data: recipient, channel, text).</summary>
    Notified,

    /// <summary>A checkpoint of the supervision track passed (13710: same day, 3 days, 7 days, 1 month) (data: checkpoint, level).</summary>
    SupervisionCheckpoint,

    /// <summary>作废: a test call or hang-up was voided (data: reason).</summary>
    Voided,

    /// <summary>并案: merged into another case, which answers for both (data: that case, reason).</summary>
    Merged,

    /// <summary>并案: another case was merged into this one; its caller is answered with this case (data: that case, reason).</summary>
    MergeReceived,

    /// <summary>改派: the centre moved the lead unit's task to another unit (data: from, to, reason).</summary>
    Reassigned,

    /// <summary>疑难复杂: the case was marked difficult or complex (data: reason, working days).</summary>
    MarkedComplex,

    /// <summary>督办意见: a supervisor or leader gave the lead unit an instruction on the case (data: text, unit).</summary>
    SupervisionInstructed,

    /// <summary>好差评: the citizen rated the handling through the reply's one-time link (data: rating, comment).</summary>
    CitizenRated,

    /// <summary>附件: a photo, document or recording was attached (data: attachment id, file name, purpose).</summary>
    AttachmentAdded,

    /// <summary>查工单: the centre's quality checker checked the closed case (data: the task's outcome Passed or Failed, the checklist, the note).</summary>
    QualityChecked,

    /// <summary>查回访: the second callback on a satisfied case (data: the outcome, resolved, the note), not counted as a callback in the indicators.</summary>
    SecondCallbackRecorded,

    /// <summary>13710 进展反馈: the lead unit reported its progress on a supervised case (data: text, unit).</summary>
    ProgressReported,

    /// <summary>The lead unit's progress report was not filed by its checkpoint (data: checkpoint, level).</summary>
    ProgressReportMissed,

    /// <summary>销号: a supervisor closed the case's supervision item; its ladder stops (data: level closed, note, unit).</summary>
    SupervisionClosed,
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    /// <summary>The triggers the <c>AddCases</c> migration creates; declared so EF knows the table has triggers.</summary>
    public const string NoUpdateTrigger = "CaseEvents_no_update";

    /// <inheritdoc cref="NoUpdateTrigger"/>
    public const string NoDeleteTrigger = "CaseEvents_no_delete";

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents", t =>
        {
            t.HasTrigger(NoUpdateTrigger);
            t.HasTrigger(NoDeleteTrigger);
        });
        builder.HasKey(e => new { e.CaseId, e.Sequence });
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        // Indicators and the daily report read events of a kind in a period.
        builder.HasIndex(e => new { e.Kind, e.At });
    }
}
