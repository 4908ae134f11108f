using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 疑难复杂: marks the case difficult or complex (<see cref="Case.MarkComplex"/>) with the working days the dispatcher
/// gave (1–15; empty: the complex category's default) and records <see cref="CaseEventKind.MarkedComplex"/>. The graph
/// then recomputes the deadline from the complex category and restarts the supervision ladder with its complex branch.
/// </summary>
[Activity("Hotline", "Cases", "疑难复杂: marks the case difficult or complex (1–15 working days).", DisplayName = "Mark Complex", Outcomes = ["Done"])]
public sealed class MarkComplex : OperationActivity
{
    /// <summary>The working days given; the rule's default when empty.</summary>
    [Input(Description = "The working days the dispatcher gave (1–15); the complex category's default when empty.")]
    public Input<int?>? WorkingDays { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var days = context.Get(WorkingDays);
        if (days is < 1 or > Case.MaxComplexWorkingDays)
            throw new WorkflowFaultException($"A complex case gets 1 to {Case.MaxComplexWorkingDays} working days, not {days}.");
        @case.MarkComplex(days, context.Get(Reason) ?? "", context.Actor(By, ByName), context.Now);
        context.Complete("Done");
    }
}
