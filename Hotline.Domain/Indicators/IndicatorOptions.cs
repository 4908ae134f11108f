using Microsoft.Extensions.Options;

namespace Hotline.Domain.Indicators;

/// <summary>Settings of the indicators and the daily report; bound from <c>Hotline:Indicators</c>.</summary>
public sealed class IndicatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Indicators";

    /// <summary>
    /// A subject or district is a hot spot of the day when its count that day is at least this many times its daily
    /// average over the <see cref="HotSpotBaselineDays"/> before (default 2).
    /// </summary>
    public double HotSpotMultiplier { get; set; } = 2.0;

    /// <summary>...and at least this many cases that day (default 3), so that a jump from 0 to 1 is not a hot spot.</summary>
    public int HotSpotMinimumCount { get; set; } = 3;

    /// <summary>How many days before the report's date the average is taken over (default 7).</summary>
    public int HotSpotBaselineDays { get; set; } = 7;

    /// <summary>The weights of the monthly unit ranking (<see cref="RankingWeights"/>).</summary>
    public RankingWeights Weights { get; set; } = new();

    /// <summary>
    /// How many ended calendar months back <see cref="IndicatorSnapshotRefresher"/> keeps snapshots of, for the whole
    /// city and each district a user works in (with yesterday's); 0 turns the refresher off (figures are then computed,
    /// and kept, when first asked for).
    /// </summary>
    public int SnapshotMonths { get; set; } = 13;
}

/// <summary>
/// The weights of the monthly unit assessment (月度考核), as commonly used by 12345 centres: 按期办结率 30, 满意率 30,
/// 解决率 20, 签收及时率 10, 退单率 5 and 重办率 5 (these two inverted: 1 − rate). A unit's score is
/// 100 × Σ weight × score / Σ weight over the figures the unit has a rate for (see <see cref="IndicatorService.RankAsync"/>).
/// </summary>
public sealed class RankingWeights
{
    /// <summary>按期办结率 (default 30).</summary>
    public double OnTimeCompletion { get; set; } = 30;

    /// <summary>满意率 (default 30).</summary>
    public double Satisfaction { get; set; } = 30;

    /// <summary>解决率 (default 20).</summary>
    public double Resolution { get; set; } = 20;

    /// <summary>签收及时率 (default 10).</summary>
    public double TimelySignFor { get; set; } = 10;

    /// <summary>退单率, inverted: a unit scores 1 − rate (default 5).</summary>
    public double Return { get; set; } = 5;

    /// <summary>重办率, inverted: a unit scores 1 − rate (default 5).</summary>
    public double Rehandle { get; set; } = 5;

    /// <summary>The weights in scoring order with their figures' names.</summary>
    internal IEnumerable<(string Name, double Weight)> All =>
    [
        (nameof(OnTimeCompletion), OnTimeCompletion), (nameof(Satisfaction), Satisfaction), (nameof(Resolution), Resolution),
        (nameof(TimelySignFor), TimelySignFor), (nameof(Return), Return), (nameof(Rehandle), Rehandle),
    ];
}

/// <summary>Refuses indicator settings that cannot work, when the host starts.</summary>
public sealed class IndicatorOptionsValidator : IValidateOptions<IndicatorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = IndicatorOptions.SectionName;
        var errors = new List<string>();
        if (!double.IsFinite(options.HotSpotMultiplier) || options.HotSpotMultiplier < 1)
            errors.Add($"{section}:HotSpotMultiplier must be at least 1; it is {options.HotSpotMultiplier}.");
        if (options.HotSpotMinimumCount < 1)
            errors.Add($"{section}:HotSpotMinimumCount must be at least 1; it is {options.HotSpotMinimumCount}.");
        if (options.HotSpotBaselineDays is < 1 or > 90)
            errors.Add($"{section}:HotSpotBaselineDays must be from 1 to 90; it is {options.HotSpotBaselineDays}.");
        if (options.SnapshotMonths is < 0 or > 36)
            errors.Add($"{section}:SnapshotMonths must be from 0 to 36; it is {options.SnapshotMonths}.");
        if (options.Weights is null)
        {
            errors.Add($"{section}:Weights is required.");
        }
        else
        {
            foreach (var (weight, value) in options.Weights.All)
            {
                if (!double.IsFinite(value) || value < 0)
                    errors.Add($"{section}:Weights:{weight} must be zero or more; it is {value}.");
            }

            if (options.Weights.All.Sum(w => w.Weight) <= 0)
                errors.Add($"{section}:Weights must not all be zero.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
