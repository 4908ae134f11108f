using Microsoft.Extensions.Options;

namespace Hotline.Host.Operations.Health;

/// <summary>What <c>/health/ready</c> tolerates; bound from <c>Hotline:Health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Health";

    /// <summary>How long each readiness check may take before it counts as failed (default five seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A due timer counts as late once it is overdue by more than this (default five minutes).</summary>
    public TimeSpan TimerLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>More late timers than this make the host report <c>Degraded</c> (default 100; zero: any late timer).</summary>
    public int MaxLateTimers { get; set; } = 100;
}

/// <summary>Refuses health settings that cannot work, when the host starts.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            errors.Add($"{HealthOptions.SectionName}:Timeout must be more than zero and at most one minute; it is {options.Timeout}.");
        if (options.TimerLag <= TimeSpan.Zero)
            errors.Add($"{HealthOptions.SectionName}:TimerLag must be positive; it is {options.TimerLag}.");
        if (options.MaxLateTimers < 0)
            errors.Add($"{HealthOptions.SectionName}:MaxLateTimers must not be negative; it is {options.MaxLateTimers}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
