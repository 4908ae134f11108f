using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Cases;

/// <summary>Supervision (督办) and notices: the steps of the ladder a case climbs, and who was told.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Records one step of the supervision ladder: a yellow warning (never lowers a red one), a red warning, an
    /// escalation level 1–3 (the level only rises) or a checkpoint of the 13710 track. Every step carries the deadline.
    /// </summary>
    public void Escalate(EscalationStep step, string? name, string? checkpoint, DateTimeOffset at)
    {
        int? level = null;
        CaseEventKind kind;
        switch (step)
        {
            case EscalationStep.Yellow:
                if (Warning < WarningLevel.Yellow)
                    Warning = WarningLevel.Yellow;
                kind = CaseEventKind.WarningYellow;
                break;
            case EscalationStep.Red:
                Warning = WarningLevel.Red;
                kind = CaseEventKind.WarningRed;
                break;
            case EscalationStep.Checkpoint:
                kind = CaseEventKind.SupervisionCheckpoint;
                level = EscalationLevel;
                break;
            default:
                level = step - EscalationStep.Level1 + 1;
                EscalationLevel = Math.Max(EscalationLevel, level.Value);
                kind = CaseEventKind.Escalated;
                break;
        }

        Record(kind, CaseActor.System, at, new EscalationData(name, DeadlineAt, level, step == EscalationStep.Checkpoint ? checkpoint : null));
    }

    /// <summary>Records a notice about the case (the timeline is the notices' outbox); a notice to the lead unit or its head names the unit.</summary>
    public void Notify(NoticeRecipient recipient, NoticeChannel channel, string text, DateTimeOffset at) =>
        Record(CaseEventKind.Notified, CaseActor.System, at,
            new NotifiedData(recipient, channel, text, recipient is NoticeRecipient.LeadUnit or NoticeRecipient.UnitHead ? LeadUnitCode : null));

    /// <summary>
    /// 督办意见: records a supervisor's or leader's instruction to the lead unit (the unit sees it on its task and is told).
    /// </summary>
    /// <exception cref="InvalidOperationException">The case is no longer open.</exception>
    public CaseEvent Instruct(string text, CaseActor actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        EnsureOpen();
        return Record(CaseEventKind.SupervisionInstructed, actor, at, new InstructionData(text.Trim(), LeadUnitCode));
    }
}
