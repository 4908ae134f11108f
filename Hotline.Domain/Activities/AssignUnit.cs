using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Activities;

/// <summary>
/// Makes a unit the case's owner (首接负责制: always exactly one): <c>Dispatch</c> when the centre dispatches or
/// re-dispatches it (from the dispatch desk, or after accepting a return), <c>SubDispatch</c> when the owning unit
/// passes it to one of its subordinate units (二级派单). Records <see cref="CaseEventKind.Dispatched"/> or
/// <see cref="CaseEventKind.SubDispatched"/>; the unit is the <c>UnitCode</c> output.
/// </summary>
[Activity("Hotline", "Cases", "Makes a unit the case's lead unit: a (re-)dispatch by the centre or a sub-dispatch to a subordinate unit (二级派单).",
    DisplayName = "Assign Unit", Outcomes = ["Done"])]
public sealed class AssignUnit : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The new lead unit.</summary>
    [Input(Description = "The unit that becomes the case's lead unit.")]
    public Input<string>? UnitCode { get; set; }

    /// <summary>Dispatch or SubDispatch.</summary>
    [Input(Description = "Dispatch (the centre assigns the case), SubDispatch (the owning unit passes it to a subordinate unit) or Reassign (改派: the centre moves the lead unit's task to another unit).",
        UIHint = "dropdown", Options = ["Dispatch", "SubDispatch", "Reassign"], DefaultValue = "Dispatch")]
    public Input<string>? Mode { get; set; }

    /// <summary>Why, as the dispatcher or unit said.</summary>
    [Input(Description = "Why the unit was chosen (recorded in the timeline).")]
    public Input<string>? Note { get; set; }

    /// <summary>Who asked for a reassignment.</summary>
    [Input(Description = "Reassign: the user who asked (recorded in the timeline).")]
    public Input<string>? By { get; set; }

    /// <summary>Their name in the timeline.</summary>
    [Input(Description = "Reassign: that user's name as the timeline shows it.")]
    public Input<string>? ByName { get; set; }

    /// <summary>The lead unit now.</summary>
    [Output(Description = "The case's lead unit after the assignment.")]
    public Output<string>? LeadUnitCode { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var unitCode = context.Get(UnitCode) is { Length: > 0 } code ? code : throw new WorkflowFaultException("Assign Unit needs a UnitCode.");
        if (!await context.Db().HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unitCode && u.IsActive))
            throw new WorkflowFaultException($"Unit '{unitCode}' does not exist or is inactive.");

        var mode = context.Get(Mode);
        if (string.Equals(mode, "SubDispatch", StringComparison.OrdinalIgnoreCase))
            @case.SubDispatch(unitCode, context.Get(Note), context.Now);
        else if (string.Equals(mode, "Reassign", StringComparison.OrdinalIgnoreCase))
            @case.Reassign(unitCode, context.Get(Note), context.Actor(By, ByName), context.Now);
        else
            @case.Dispatch(unitCode, context.Get(Note), context.Now);
        context.JournalData["unitCode"] = unitCode;
        context.Set(LeadUnitCode, unitCode);
        context.Complete("Done");
    }
}
