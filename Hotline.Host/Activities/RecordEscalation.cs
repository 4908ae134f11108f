using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// Records one step of the supervision ladder (督办) on a case, in the same commit as the workflow: a yellow warning
/// (<see cref="CaseEventKind.WarningYellow"/>; never lowers a red one), a red warning
/// (<see cref="CaseEventKind.WarningRed"/>), an escalation level 1–3 (<see cref="CaseEventKind.Escalated"/>; the
/// case's <see cref="Case.EscalationLevel"/> only rises) or a checkpoint of the 13710 track
/// (<see cref="CaseEventKind.SupervisionCheckpoint"/>). Every event carries the case's current deadline. Which step
/// comes when is the graph's business (<c>escalation-13710</c>).
/// </summary>
[Activity("Hotline", "Cases", "Records a step of the supervision ladder on a case: yellow or red warning, escalation level 1-3, or a 13710 checkpoint.",
    DisplayName = "Record Escalation")]
public sealed class RecordEscalation : CodeActivity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The step of the ladder.</summary>
    [Input(Description = "Yellow, Red, Level1 (提级督办), Level2 (13710 督办), Level3 (领导包案) or Checkpoint.",
        UIHint = "dropdown", Options = ["Yellow", "Red", "Level1", "Level2", "Level3", "Checkpoint"])]
    public Input<string>? Step { get; set; }

    /// <summary>The step's name, recorded in the timeline (not <c>Name</c>: that is the activity's own name in Elsa's JSON).</summary>
    [Input(Description = "The step's name as the timeline shows it, e.g. 提级督办：函告承办单位负责人.")]
    public Input<string>? StepName { get; set; }

    /// <summary>Which checkpoint, for the Checkpoint step.</summary>
    [Input(Description = "The checkpoint of the supervision track, e.g. 1d, 3d, 7d, 1m (required for the Checkpoint step).")]
    public Input<string>? Checkpoint { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var stepText = context.Get(Step);
        var step = Enum.TryParse<EscalationStep>(stepText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(stepText![0])
            ? parsed
            : throw new WorkflowFaultException($"'{stepText}' is not an escalation step ({string.Join(", ", Enum.GetNames<EscalationStep>())}).");
        var name = context.Get(StepName);
        var checkpoint = context.Get(Checkpoint);
        if (step == EscalationStep.Checkpoint && string.IsNullOrWhiteSpace(checkpoint))
            throw new WorkflowFaultException("Record Escalation needs a Checkpoint (1d, 3d, 7d, 1m...) for the Checkpoint step.");

        var at = context.Now;
        context.JournalData["step"] = step.ToString();
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            var data = new JsonObject();
            CaseEventKind kind;
            switch (step)
            {
                case EscalationStep.Yellow:
                    if (@case.Warning < WarningLevel.Yellow)
                        @case.Warning = WarningLevel.Yellow;
                    kind = CaseEventKind.WarningYellow;
                    break;
                case EscalationStep.Red:
                    @case.Warning = WarningLevel.Red;
                    kind = CaseEventKind.WarningRed;
                    break;
                case EscalationStep.Checkpoint:
                    kind = CaseEventKind.SupervisionCheckpoint;
                    data["checkpoint"] = checkpoint;
                    data["level"] = @case.EscalationLevel;
                    break;
                default:
                    var level = step - EscalationStep.Level1 + 1;
                    @case.EscalationLevel = Math.Max(@case.EscalationLevel, level);
                    kind = CaseEventKind.Escalated;
                    data["level"] = level;
                    break;
            }

            data["name"] = name;
            data["deadlineAt"] = @case.DeadlineAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            db.Append(@case, kind, CaseActor.System, at, data);
        }));
        return Outcomes.Done;
    }
}

/// <summary>A step of the supervision ladder, as <see cref="RecordEscalation"/> records it.</summary>
public enum EscalationStep
{
    /// <summary>黄牌预警: the deadline is near.</summary>
    Yellow,

    /// <summary>红牌: the case is overdue.</summary>
    Red,

    /// <summary>提级督办: a letter to the handling unit's head.</summary>
    Level1,

    /// <summary>The government inspection office's 13710 special supervision.</summary>
    Level2,

    /// <summary>领导包案: a city leader takes the case.</summary>
    Level3,

    /// <summary>A checkpoint of the supervision track (13710: same day, 3 days, 7 days, 1 month).</summary>
    Checkpoint,
}
