using Hotline.Domain.Quality;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Activities;

/// <summary>
/// 三查: asks whether the case is in the share the centre checks again (<see cref="QualityOptions"/>, a hash of the
/// case's id: <see cref="QualitySampling"/>), for a quality check of the closed case (查工单) or a second callback (查回访).
/// </summary>
[Activity("Hotline", "Quality", "三查: is this case sampled for a quality check (Case: 查工单) or a second callback (Callback: 查回访)?",
    DisplayName = "Sample For Quality", Outcomes = ["Sampled", "NotSampled"])]
public sealed class SampleForQuality : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Which check.</summary>
    [Input(Description = "Case: a quality check of the closed case (Hotline:Quality:CaseShare); Callback: a second callback (Hotline:Quality:CallbackShare).",
        UIHint = "dropdown", Options = ["Case", "Callback"], DefaultValue = "Case")]
    public Input<string>? Sample { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var sample = Enum.TryParse<QualitySample>(context.Get(Sample) ?? nameof(QualitySample.Case), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new WorkflowFaultException($"Sample For Quality samples Case or Callback, not '{context.Get(Sample)}'.");
        var share = context.GetRequiredService<IOptions<QualityOptions>>().Value.ShareOf(sample);
        context.Complete(QualitySampling.IsSampled(@case.Id, sample, share) ? "Sampled" : "NotSampled");
    }
}
