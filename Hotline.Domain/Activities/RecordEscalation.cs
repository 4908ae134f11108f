using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Activities;

/// <summary>
/// Records one step of the supervision ladder (督办) on a case with <see cref="Case.Escalate"/>: a yellow or red warning,
/// an escalation level 1–3 or a checkpoint of the 13710 track. Which step comes when is the graph's business
/// (<c>escalation-13710</c>).
/// </summary>
[Activity("Hotline", "Cases", "Records a step of the supervision ladder on a case: yellow or red warning, escalation level 1-3, or a 13710 checkpoint.",
    DisplayName = "Record Escalation")]
public sealed class RecordEscalation : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The step of the ladder.</summary>
    [Input(Description = "Yellow, Red, Level1 (提级督办), Level2 (13710 督办), Level3 (领导包案), Checkpoint, or ReportMissed (a checkpoint passed without the unit's progress report).",
        UIHint = "dropdown", Options = ["Yellow", "Red", "Level1", "Level2", "Level3", "Checkpoint", "ReportMissed"])]
    public Input<string>? Step { get; set; }

    /// <summary>The step's name, recorded in the timeline (not <c>Name</c>: that is the activity's own name in Elsa's JSON).</summary>
    [Input(Description = "The step's name as the timeline shows it, e.g. 提级督办：函告承办单位负责人.")]
    public Input<string>? StepName { get; set; }

    /// <summary>Which checkpoint, for the Checkpoint step.</summary>
    [Input(Description = "The checkpoint of the supervision track, e.g. 1d, 3d, 7d, 1m (required for the Checkpoint step).")]
    public Input<string>? Checkpoint { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var stepText = context.Get(Step);
        var step = EnumNames.TryParse<EscalationStep>(stepText, out var parsed)
            ? parsed
            : throw new WorkflowFaultException($"'{stepText}' is not an escalation step ({string.Join(", ", Enum.GetNames<EscalationStep>())}).");
        var checkpoint = context.Get(Checkpoint);
        if (step is EscalationStep.Checkpoint or EscalationStep.ReportMissed && string.IsNullOrWhiteSpace(checkpoint))
            throw new WorkflowFaultException($"Record Escalation needs a Checkpoint (1d, 3d, 7d, 1m...) for the {step} step.");

        context.JournalData["step"] = step.ToString();
        @case.Escalate(step, context.Get(StepName), checkpoint, context.Now);
        context.Complete();
    }
}
