using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// 重办: sends the case back for another round of handling after an unsatisfied callback. Counts the round
/// (<see cref="Case.ReopenCount"/>), clears the previous round's warning and escalation level (the new round gets its
/// own deadline and ladder) and records <see cref="CaseEventKind.Reopened"/>.
/// </summary>
[Activity("Hotline", "Cases", "重办: sends the case back to its unit for another round of handling.",
    DisplayName = "Reopen Case", Outcomes = ["Done"])]
public sealed class ReopenCase : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Why.</summary>
    [Input(Description = "Why the case is handled again (the callback's finding).")]
    public Input<string>? Reason { get; set; }

    /// <summary>The round number.</summary>
    [Output(Description = "How many times the case has been reopened, this time included.")]
    public Output<int>? Round { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var reason = context.Get(Reason);
        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.ReopenCount++;
            db.Append(@case, CaseEventKind.Reopened, CaseActor.System, at, new JsonObject
            {
                ["round"] = @case.ReopenCount,
                ["reason"] = reason,
                ["unitCode"] = @case.LeadUnitCode,
                ["previousWarning"] = @case.Warning.ToString(),
                ["previousEscalationLevel"] = @case.EscalationLevel,
            });
            @case.Status = CaseStatus.Dispatched;
            @case.Warning = WarningLevel.None;
            @case.EscalationLevel = 0;
        }));
        context.Complete("Done");
        return ValueTask.CompletedTask;
    }
}
