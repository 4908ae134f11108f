namespace Hotline.Workflows.Expressions;

/// <summary>
/// What one JavaScript evaluation may use. A script over a limit faults its activity (an incident naming the limit),
/// never the host. Set on <see cref="Runtime.EngineServices.JavaScript"/>.
/// </summary>
public sealed record JavaScriptLimits
{
    /// <summary>The limits when nothing else is configured.</summary>
    public static readonly JavaScriptLimits Default = new();

    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute.</summary>
    public int MaxStatements { get; init; } = 10_000_000;

    /// <summary>Bytes one evaluation may allocate (counted as allocated, not as held: Jint watches the thread's allocations).</summary>
    public long MemoryBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How deep calls may nest.</summary>
    public int MaxRecursionDepth { get; init; } = 256;
}
