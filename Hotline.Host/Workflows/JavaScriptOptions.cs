using Hotline.Workflows.Expressions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Workflows;

/// <summary>What one JavaScript evaluation in a workflow may use; a script over a limit faults its instance with an incident.</summary>
public sealed class JavaScriptOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Workflows:JavaScript";

    /// <summary>Wall-clock time one evaluation may take (default 2 s; at most a minute).</summary>
    public TimeSpan Timeout { get; set; } = JavaScriptLimits.Default.Timeout;

    /// <summary>Statements one evaluation may execute (default 10,000,000).</summary>
    public int MaxStatements { get; set; } = JavaScriptLimits.Default.MaxStatements;

    /// <summary>Megabytes one evaluation may allocate (default 64).</summary>
    public int MemoryMegabytes { get; set; } = (int)(JavaScriptLimits.Default.MemoryBytes / (1024 * 1024));

    /// <summary>How deep calls may nest (default 256).</summary>
    public int MaxRecursionDepth { get; set; } = JavaScriptLimits.Default.MaxRecursionDepth;

    /// <summary>The engine's limits.</summary>
    public JavaScriptLimits ToLimits() => new()
    {
        Timeout = Timeout,
        MaxStatements = MaxStatements,
        MemoryBytes = MemoryMegabytes * 1024L * 1024L,
        MaxRecursionDepth = MaxRecursionDepth,
    };
}

/// <summary>Refuses limits that would stop every script, or let one hold a burst for minutes.</summary>
public sealed class JavaScriptOptionsValidator : IValidateOptions<JavaScriptOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JavaScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = JavaScriptOptions.SectionName;
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            errors.Add($"{section}:Timeout must be more than 0 and at most 00:01:00; it is {options.Timeout}.");
        if (options.MaxStatements < 1_000)
            errors.Add($"{section}:MaxStatements must be at least 1000; it is {options.MaxStatements}.");
        if (options.MemoryMegabytes is < 1 or > 4096)
            errors.Add($"{section}:MemoryMegabytes must be 1 to 4096; it is {options.MemoryMegabytes}.");
        if (options.MaxRecursionDepth is < 16 or > 10_000)
            errors.Add($"{section}:MaxRecursionDepth must be 16 to 10000; it is {options.MaxRecursionDepth}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
