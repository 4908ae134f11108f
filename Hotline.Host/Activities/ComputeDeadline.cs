using System.Text.Json.Nodes;
using Hotline.Host.Calendar;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// Sets a case's deadline from a limit chosen by a rule graph (<c>category-deadlines</c>): working days (counting
/// starts the day after; due at the end of the afternoon period of the due day), calendar days, or immediate. The rule
/// and the version of the rule definition this instance runs are frozen on the case
/// (<see cref="Case.DeadlineRule"/>); a deadline reaching into a year with no calendar is marked provisional.
/// </summary>
[Activity("Hotline", "Cases", "Computes a case's deadline from a limit (working days, calendar days or immediate) and freezes the rule used.",
    DisplayName = "Compute Deadline")]
public sealed class ComputeDeadline : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The limit.</summary>
    [Input(Description = "The limit, in Unit.")]
    public Input<int>? LimitDays { get; set; }

    /// <summary>How the limit counts.</summary>
    [Input(Description = "WorkingDays, CalendarDays or Immediate.", UIHint = "dropdown", Options = ["WorkingDays", "CalendarDays", "Immediate"])]
    public Input<string>? Unit { get; set; }

    /// <summary>The rule's name, recorded in the timeline.</summary>
    [Input(Description = "The name of the rule that chose the limit.")]
    public Input<string>? RuleName { get; set; }

    /// <summary>Why the deadline is set, recorded in the timeline.</summary>
    [Input(Description = "Why the deadline is set: dispatch, rehandle or reclassify.", UIHint = "dropdown", Options = ["dispatch", "rehandle", "reclassify"], DefaultValue = "dispatch")]
    public Input<string>? Reason { get; set; }

    /// <summary>The definition that chose the limit.</summary>
    [Input(Description = "The definition that chose the limit; its version run by this instance is frozen on the case.", DefaultValue = "category-deadlines")]
    public Input<string>? RuleDefinitionId { get; set; }

    /// <summary>The deadline.</summary>
    [Output(Description = "The deadline (UTC).")]
    public Output<DateTimeOffset>? DeadlineAt { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var limit = context.Get(LimitDays);
        var unitText = context.Get(Unit);
        var unit = Enum.TryParse<DeadlineUnit>(unitText, ignoreCase: true, out var parsed) && parsed != DeadlineUnit.WorkingHours
            ? parsed
            : throw new WorkflowFaultException($"'{unitText}' is not a deadline unit (WorkingDays, CalendarDays, Immediate).");
        if (limit < 0)
            throw new WorkflowFaultException($"A deadline limit cannot be negative ({limit}).");
        var ruleDefinitionId = context.Get(RuleDefinitionId) is { Length: > 0 } id ? id : "category-deadlines";
        var version = await RuleVersionAsync(context, ruleDefinitionId);

        var now = context.Now;
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var start = calendar.DateOf(now);
        var due = unit switch
        {
            DeadlineUnit.CalendarDays => WorkingDayCalendar.AddCalendarDays(start, limit),
            DeadlineUnit.WorkingDays => calendar.AddWorkingDays(start, limit),
            _ => null,
        };
        var deadline = due is null ? now : calendar.EndOfWorkingDay(due.Value);
        var provisional = due?.IsProvisional ?? false;
        var snapshot = new DeadlineRuleSnapshot(ruleDefinitionId, version, limit, unit, now);
        var ruleName = context.Get(RuleName);
        var reason = context.Get(Reason) is { Length: > 0 } why ? why : "dispatch";
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.DeadlineAt = deadline;
            @case.IsDeadlineProvisional = provisional;
            @case.DeadlineRule = snapshot;
            db.Append(@case, CaseEventKind.DeadlineSet, CaseActor.System, now, new JsonObject
            {
                ["reason"] = reason,
                ["deadlineAt"] = deadline.ToUniversalTime().ToString("O"),
                ["provisional"] = provisional,
                ["rule"] = ruleName,
                ["ruleDefinitionId"] = ruleDefinitionId,
                ["ruleVersion"] = version,
                ["limit"] = limit,
                ["unit"] = unit.ToString(),
            });
        }));
        context.Set(DeadlineAt, deadline);
        context.Complete();
    }

    /// <summary>The version of the rule definition this instance was compiled with (pinned at start), else the published one.</summary>
    private static async Task<int> RuleVersionAsync(ActivityExecutionContext context, string definitionId)
    {
        var store = context.GetRequiredService<IWorkflowDefinitionStore>();
        var definition = context.Workflow.Blueprint.Dependencies.TryGetValue(definitionId, out var versionId)
            ? await store.FindByVersionIdAsync(versionId)
            : await store.FindPublishedAsync(definitionId);
        return definition?.Version ?? 0;
    }
}
