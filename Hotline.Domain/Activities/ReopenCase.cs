using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 重办: sends the case back for another round of handling after an unsatisfied callback (<see cref="Case.Reopen"/>:
/// the round is counted, the previous round's warning and escalation level cleared) and records
/// <see cref="CaseEventKind.Reopened"/>.
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
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        @case.Reopen(context.Get(Reason), context.Now);
        context.Set(Round, @case.ReopenCount);
        context.Complete("Done");
    }
}
