using Microsoft.Extensions.Options;

namespace Hotline.Domain.Quality;

/// <summary>三查 settings: which share of closed cases and of satisfied callbacks the centre checks again; bound from <c>Hotline:Quality</c>.</summary>
public sealed class QualityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Quality";

    /// <summary>
    /// 查工单: the share of closed cases (0 to 1, default 0.05) that become a quality-check task for the centre's checkers.
    /// 1 checks every closed case, 0 none.
    /// </summary>
    public double CaseShare { get; set; } = 0.05;

    /// <summary>
    /// 查回访: the share of satisfied callbacks (0 to 1, default 0.05) that get a second callback before the case closes.
    /// 1 calls every satisfied citizen again, 0 none.
    /// </summary>
    public double CallbackShare { get; set; } = 0.05;

    /// <summary>The share configured for <paramref name="sample"/>.</summary>
    public double ShareOf(QualitySample sample) => sample == QualitySample.Callback ? CallbackShare : CaseShare;
}

/// <summary>Refuses shares outside 0..1 when the host starts.</summary>
public sealed class QualityOptionsValidator : IValidateOptions<QualityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (key, share) in new[] { (nameof(QualityOptions.CaseShare), options.CaseShare), (nameof(QualityOptions.CallbackShare), options.CallbackShare) })
        {
            if (double.IsNaN(share) || share is < 0 or > 1)
                errors.Add($"{QualityOptions.SectionName}:{key} is a share from 0 to 1; it is {share}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
