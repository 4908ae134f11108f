using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 改类: changes the case's type and/or subject and records <see cref="CaseEventKind.Classified"/>. The graph then
/// recomputes the deadline from the category rule and re-routes a case its unit has not signed for yet.
/// </summary>
[Activity("Hotline", "Cases", "改类: changes the case's type and/or subject.", DisplayName = "Reclassify Case", Outcomes = ["Done"])]
public sealed class ReclassifyCase : OperationActivity
{
    /// <summary>The new type; unchanged when empty.</summary>
    [Input(Description = "The new type (Consultation, Help, Complaint, Report, Suggestion, Praise); unchanged when empty.")]
    public Input<string>? CaseType { get; set; }

    /// <summary>The new subject; unchanged when empty.</summary>
    [Input(Description = "The new subject code; unchanged when empty.")]
    public Input<string>? SubjectCode { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var typeText = context.Get(CaseType);
        CaseType? type = string.IsNullOrWhiteSpace(typeText) ? null
            : EnumNames.TryParse<CaseType>(typeText, out var parsed) ? parsed
            : throw new WorkflowFaultException($"'{typeText}' is not a case type.");
        var subject = context.Get(SubjectCode) is { Length: > 0 } code ? code : null;
        @case.Reclassify(type, subject, context.Get(Reason) ?? "", context.Actor(By, ByName), context.Now);
        context.Complete("Done");
    }
}
