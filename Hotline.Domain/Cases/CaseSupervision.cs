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
            case EscalationStep.Checkpoint or EscalationStep.ReportMissed:
                kind = step == EscalationStep.Checkpoint ? CaseEventKind.SupervisionCheckpoint : CaseEventKind.ProgressReportMissed;
                level = EscalationLevel;
                break;
            default:
                level = step - EscalationStep.Level1 + 1;
                EscalationLevel = Math.Max(EscalationLevel, level.Value);
                kind = CaseEventKind.Escalated;
                break;
        }

        Record(kind, CaseActor.System, at, new EscalationData(name, DeadlineAt, level, step is EscalationStep.Checkpoint or EscalationStep.ReportMissed ? checkpoint : null));
    }

    /// <summary>
    /// A supervisor's decision on the supervision item after the unit's progress report: 销号 (<c>Closed</c>) records
    /// <see cref="CaseEventKind.SupervisionClosed"/> and takes the case off the ladder's levels (the graph stops the
    /// ladder); 保留督办 (<c>Kept</c>) is a 督办意见 (<see cref="Instruct"/>) to the lead unit. False for another outcome.
    /// </summary>
    private bool DecideSupervision(string outcome, string? text, CaseActor actor, DateTimeOffset at)
    {
        switch (outcome)
        {
            case SupervisionDecisions.Close:
                Record(CaseEventKind.SupervisionClosed, actor, at, new SupervisionClosedData(EscalationLevel, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), LeadUnitCode));
                EscalationLevel = 0;
                return true;
            case SupervisionDecisions.Keep when !string.IsNullOrWhiteSpace(text):
                Instruct(text, actor, at);
                return true;
            default:
                return false;
        }
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
