using Microsoft.Extensions.Options;

namespace Hotline.Domain.Users;

/// <summary>Lock-out after repeated wrong passwords (<c>Hotline:Security:Lockout</c>), validated on start.</summary>
public sealed class LockoutOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Security:Lockout";

    /// <summary>Wrong passwords in a row that lock an account (default 5).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lock-out lasts (default 15 minutes).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Refuses a lock-out that could never trigger or never end.</summary>
public sealed class LockoutOptionsValidator : IValidateOptions<LockoutOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LockoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxFailedAttempts < 1)
            failures.Add($"{LockoutOptions.SectionName}:MaxFailedAttempts must be at least 1 (it is {options.MaxFailedAttempts}).");
        if (options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromDays(365))
            failures.Add($"{LockoutOptions.SectionName}:Duration must be more than zero and at most 365 days (it is {options.Duration}).");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
