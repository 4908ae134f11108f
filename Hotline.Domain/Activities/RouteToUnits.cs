using Hotline.Domain.Cases;
using Hotline.Domain.Routing;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 按责转办: routes a case to its lead unit and assisting units with <see cref="RoutingService"/>. When a rule matches,
/// the case gets its units, becomes <see cref="CaseStatus.Dispatched"/> and a <see cref="CaseEventKind.Dispatched"/>
/// event records the rule and its explanation (outcome <c>Done</c>). When no rule matches the case is left as it is
/// and the outcome is <c>DispatchDesk</c>, so the graph can hand it to a dispatcher.
/// </summary>
[Activity("Hotline", "Cases", "Routes a case to its lead and assisting units by subject and district (按责转办).",
    DisplayName = "Route To Units", Outcomes = ["Done", "DispatchDesk"])]
public sealed class RouteToUnits : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The lead unit (the dispatch desk when no rule matched).</summary>
    [Output(Description = "The lead unit's code; the dispatch desk when no rule matched.")]
    public Output<string>? LeadUnitCode { get; set; }

    /// <summary>The assisting units.</summary>
    [Output(Description = "The assisting units' codes.")]
    public Output<List<string>>? AssistingUnitCodes { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var route = await context.GetRequiredService<RoutingService>().RouteAsync(@case.SubjectCode, @case.DistrictCode);
        context.JournalData["rule"] = route.RuleId;
        context.JournalData["explanation"] = route.Explanation;
        context.Set(LeadUnitCode, route.LeadUnitCode);
        context.Set(AssistingUnitCodes, route.AssistingUnitCodes.ToList());
        if (route.IsDefaultDispatch)
        {
            context.Complete("DispatchDesk");
            return;
        }

        @case.Route(route.LeadUnitCode, route.AssistingUnitCodes, route.RuleId, route.MatchedSubjectCode, route.Explanation, context.Now);
        context.Complete("Done");
    }
}
