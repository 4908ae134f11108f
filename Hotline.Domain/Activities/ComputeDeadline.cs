using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// Sets a case's deadline from a limit chosen by a rule graph (<c>category-deadlines</c>): working days (counting
/// starts the day after; due at the end of the afternoon period of the due day), calendar days, or immediate
/// (<see cref="DeadlineCounting.FromRule"/>). The rule and the version of the rule definition this instance runs are
/// frozen on the case (<see cref="Case.DeadlineRule"/>); a deadline reaching into a year with no calendar is marked provisional.
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
    [Input(Description = "The definition that chose the limit; its version run by this instance is frozen on the case.", DefaultValue = DeadlineCounting.DefaultRuleDefinitionId)]
    public Input<string>? RuleDefinitionId { get; set; }

    /// <summary>The deadline.</summary>
    [Output(Description = "The deadline (UTC).")]
    public Output<DateTimeOffset>? DeadlineAt { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var limit = context.Get(LimitDays);
        var unitText = context.Get(Unit);
        var unit = Enum.TryParse<DeadlineUnit>(unitText, ignoreCase: true, out var parsed) && parsed != DeadlineUnit.WorkingHours
            ? parsed
            : throw new WorkflowFaultException($"'{unitText}' is not a deadline unit (WorkingDays, CalendarDays, Immediate).");
        if (limit < 0)
            throw new WorkflowFaultException($"A deadline limit cannot be negative ({limit}).");
        var ruleDefinitionId = context.Get(RuleDefinitionId) is { Length: > 0 } id ? id : DeadlineCounting.DefaultRuleDefinitionId;
        var version = await RuleVersionAsync(context, ruleDefinitionId);

        var now = context.Now;
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var deadline = DeadlineCounting.FromRule(calendar, now, limit, unit);
        var reason = context.Get(Reason) is { Length: > 0 } why ? why : "dispatch";
        @case.SetDeadline(deadline.Value, deadline.IsProvisional, new DeadlineRuleSnapshot(ruleDefinitionId, version, limit, unit, now), reason, context.Get(RuleName), now);
        context.Set(DeadlineAt, deadline.Value);
        context.Complete();
    }

    /// <summary>The version of the rule definition this instance was compiled with (pinned at start), else the published one.</summary>
    private static async Task<int> RuleVersionAsync(ActivityExecutionContext context, string definitionId) =>
        context.Workflow.Blueprint.DependencyVersions.TryGetValue(definitionId, out var version)
            ? version
            : (await context.GetRequiredService<IWorkflowDefinitionStore>().FindPublishedAsync(definitionId))?.Version ?? 0;
}
