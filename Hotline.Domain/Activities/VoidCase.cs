using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>作废: ends a test call or a hang-up as <see cref="CaseStatus.Voided"/> and records <see cref="CaseEventKind.Voided"/>.</summary>
[Activity("Hotline", "Cases", "作废: voids a test call or a hang-up; the case gets no reply, no callback and counts in no indicator.",
    DisplayName = "Void Case", Outcomes = ["Done"])]
public sealed class VoidCase : OperationActivity
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        @case.Void(context.Get(Reason) ?? "", context.Actor(By, ByName), context.Now);
        context.Complete("Done");
    }
}
