using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Host.Units;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// 按责转办: routes a case to its lead unit and assisting units with <see cref="RoutingService"/>. When a rule matches,
/// the case gets its units, becomes <see cref="CaseStatus.Dispatched"/> and a <see cref="CaseEventKind.Dispatched"/>
/// event records the rule and its explanation (outcome <c>Done</c>). When no rule matches the case is left as it is
/// and the outcome is <c>DispatchDesk</c>, so the graph can hand it to a dispatcher.
/// </summary>
/// <remarks>
/// The subject and district are inputs because the case may have been registered in the same burst (its row is not
/// saved yet); when both are empty they are read from the saved case.
/// </remarks>
[Activity("Hotline", "Cases", "Routes a case to its lead and assisting units by subject and district (按责转办).",
    DisplayName = "Route To Units", Outcomes = ["Done", "DispatchDesk"])]
public sealed class RouteToUnits : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The case's subject; read from the case when empty.</summary>
    [Input(Description = "The case's subject code (read from the saved case when empty).")]
    public Input<string>? SubjectCode { get; set; }

    /// <summary>The case's district; read from the case when empty.</summary>
    [Input(Description = "The case's district code (read from the saved case when empty).")]
    public Input<string>? DistrictCode { get; set; }

    /// <summary>The lead unit (the dispatch desk when no rule matched).</summary>
    [Output(Description = "The lead unit's code; the dispatch desk when no rule matched.")]
    public Output<string>? LeadUnitCode { get; set; }

    /// <summary>The assisting units.</summary>
    [Output(Description = "The assisting units' codes.")]
    public Output<List<string>>? AssistingUnitCodes { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var subject = Blank(context.Get(SubjectCode));
        var district = Blank(context.Get(DistrictCode));
        if (subject is null && district is null)
        {
            // The case as this burst sees it: one registered earlier in the same burst (a case with neither subject nor
            // district, which goes to the dispatch desk) is found too.
            var seen = await CaseReader.FindAsync(context, caseId) ?? throw new WorkflowFaultException($"Case {caseId} does not exist.");
            (subject, district) = (seen.SubjectCode, seen.DistrictCode);
        }

        var route = await context.GetRequiredService<RoutingService>().RouteAsync(subject, district);
        context.JournalData["rule"] = route.RuleId;
        context.JournalData["explanation"] = route.Explanation;
        context.Set(LeadUnitCode, route.LeadUnitCode);
        context.Set(AssistingUnitCodes, route.AssistingUnitCodes.ToList());
        if (route.IsDefaultDispatch)
        {
            context.Complete("DispatchDesk");
            return;
        }

        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.LeadUnitCode = route.LeadUnitCode;
            @case.AssistingUnitCodes = route.AssistingUnitCodes.ToList();
            @case.Status = CaseStatus.Dispatched;
            db.Append(@case, CaseEventKind.Dispatched, CaseActor.System, at, new JsonObject
            {
                ["leadUnitCode"] = route.LeadUnitCode,
                ["assistingUnitCodes"] = new JsonArray(route.AssistingUnitCodes.Select(u => (JsonNode?)u).ToArray()),
                ["rule"] = route.RuleId,
                ["matchedSubjectCode"] = route.MatchedSubjectCode,
                ["explanation"] = route.Explanation,
                ["deadlineAt"] = @case.DeadlineAt?.ToUniversalTime().ToString("O"),
            });
        }));
        context.Complete("Done");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
