using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// Reads what the category rule (<c>category-deadlines</c>) decides by from the case as it is now: its type, urgency,
/// whether it is complex and the working days given, so a deadline recomputed after a change follows the change.
/// </summary>
[Activity("Hotline", "Cases", "Reads the case's current type, urgency and complexity for the category rule.", DisplayName = "Read Case Category", Outcomes = ["Done"])]
public sealed class ReadCaseCategory : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The type.</summary>
    [Output(Description = "The case's type.")]
    public Output<string>? CaseType { get; set; }

    /// <summary>The urgency.</summary>
    [Output(Description = "The case's urgency.")]
    public Output<string>? Urgency { get; set; }

    /// <summary>Whether it is complex.</summary>
    [Output(Description = "Whether the case is marked difficult or complex (疑难复杂).")]
    public Output<bool>? IsComplex { get; set; }

    /// <summary>The working days given to a complex case.</summary>
    [Output(Description = "The working days the dispatcher gave a complex case; null for the rule's default.")]
    public Output<int?>? ComplexWorkingDays { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        context.Set(CaseType, @case.Type.ToString());
        context.Set(Urgency, @case.Urgency.ToString());
        context.Set(IsComplex, @case.IsComplex);
        context.Set(ComplexWorkingDays, @case.ComplexWorkingDays);
        context.Complete("Done");
    }
}
