using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 并案: merges the case into another open case (<see cref="Case.MergeInto"/>), which answers the citizen for both
/// (outcome <c>Merged</c>). When the other case has ended or is this one, nothing changes (outcome <c>Refused</c>).
/// </summary>
[Activity("Hotline", "Cases", "并案: merges the case into another open case, whose reply and callback answer both callers.",
    DisplayName = "Merge Case", Outcomes = ["Merged", "Refused"])]
public sealed class MergeCase : OperationActivity
{
    /// <summary>The case that answers for both.</summary>
    [Input(Description = "The id of the case this one is merged into.", Required = true)]
    public Input<string>? IntoCaseId { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        // Checked again here, in the burst that saves: the other case may have closed since the request was checked.
        var into = Guid.TryParse(context.Get(IntoCaseId), out var intoId) ? await context.Db().Cases.FindAsync(intoId) : null;
        if (into is null || into.Id == @case.Id || !into.IsOpen)
        {
            context.JournalData["refused"] = into is null ? "no such case" : into.Id == @case.Id ? "the same case" : $"{into.Number} is {into.Status}";
            context.Complete("Refused");
            return;
        }

        @case.MergeInto(into, context.Get(Reason) ?? "", context.Actor(By, ByName), context.Now);
        context.JournalData["into"] = into.Number;
        context.Complete("Merged");
    }
}
