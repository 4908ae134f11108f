using Microsoft.Extensions.Options;

namespace Hotline.Domain.Outbox;

/// <summary>How the outbox is delivered (<c>Hotline:Notices:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Notices:Delivery";

    /// <summary>Whether this host runs the delivery worker (default true; several hosts may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due messages (default 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most messages claimed per round (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Tries before a message is given up (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles with each further one (default 1 minute).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between tries (default 1 hour).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a worker holds a message it claimed; a worker that died releases it after this (default 2 minutes).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after failure number <paramref name="attempts"/> (1, 2, …).</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}

/// <summary>Refuses delivery settings that cannot work, when the host starts.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = DeliveryOptions.SectionName;
        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromHours(1))
            errors.Add($"{section}:PollInterval must be between 100 ms and 1 hour; it is {options.PollInterval}.");
        if (options.BatchSize is < 1 or > 1000)
            errors.Add($"{section}:BatchSize must be between 1 and 1000; it is {options.BatchSize}.");
        if (options.MaxAttempts is < 1 or > 100)
            errors.Add($"{section}:MaxAttempts must be between 1 and 100; it is {options.MaxAttempts}.");
        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
            errors.Add($"{section}:FirstRetryDelay must be positive and not above MaxRetryDelay ({options.FirstRetryDelay}, {options.MaxRetryDelay}).");
        if (options.Lease < TimeSpan.FromSeconds(10))
            errors.Add($"{section}:Lease must be at least 10 seconds; it is {options.Lease}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
