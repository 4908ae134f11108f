using Microsoft.Extensions.Options;

namespace Hotline.Host.Scheduling;

/// <summary>How durable timers are fired; bound from <c>Hotline:Scheduling</c>.</summary>
/// <remarks>
/// The bookmark rows, indexed by resume time, are the durable record of every timer. A recurring sweep resumes
/// whatever is due; timers due within <see cref="NearTimerHorizon"/> of being created also get a one-shot Quartz
/// trigger so they fire on time rather than at the next sweep.
/// </remarks>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Scheduling";

    /// <summary>The largest <see cref="BatchSize"/> accepted.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// How often every host sweeps for due timers (default five seconds). A timer beyond the horizon fires at most
    /// this late; a shorter interval costs one indexed query per interval per host.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due timers a sweep loads and resumes at a time (1 to 10,000; default 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Timers due within this span of being scheduled get an exact one-shot trigger in this host's memory
    /// (default one minute); later ones are left to the sweep, so pending timers never become in-memory objects.
    /// Zero leaves every timer to the sweep.
    /// </summary>
    public TimeSpan NearTimerHorizon { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a client's <c>Idempotency-Key</c> is remembered (default 30 days, 1 to 3,650 days); a daily job forgets
    /// older ones. A retry within it answers with what the first request did; clients retry within minutes.
    /// </summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Refuses settings the scheduler cannot run with, when the host starts.</summary>
public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SweepInterval <= TimeSpan.Zero)
            errors.Add($"{SchedulingOptions.SectionName}:SweepInterval must be positive; it is {options.SweepInterval}.");
        if (options.BatchSize is < 1 or > SchedulingOptions.MaxBatchSize)
            errors.Add($"{SchedulingOptions.SectionName}:BatchSize must be between 1 and {SchedulingOptions.MaxBatchSize}; it is {options.BatchSize}.");
        if (options.NearTimerHorizon < TimeSpan.Zero)
            errors.Add($"{SchedulingOptions.SectionName}:NearTimerHorizon must not be negative; it is {options.NearTimerHorizon}.");
        if (options.IdempotencyKeyRetention < TimeSpan.FromDays(1) || options.IdempotencyKeyRetention > TimeSpan.FromDays(3650))
            errors.Add($"{SchedulingOptions.SectionName}:IdempotencyKeyRetention must be 1 to 3,650 days; it is {options.IdempotencyKeyRetention}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
