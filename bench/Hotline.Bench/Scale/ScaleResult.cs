namespace Hotline.Bench.Scale;

/// <summary>What one database's run measured.</summary>
internal sealed record ScaleResult(string Label, int Cases, LoadResult Load, IReadOnlyList<QueryResult> Queries, IReadOnlyList<SweepResult> Sweeps);

/// <summary>The bulk load: rows written, how long, and what the measured queries draw their parameters from.</summary>
internal sealed record LoadResult(long Rows, TimeSpan Elapsed, IReadOnlyList<string> CaseNumbers)
{
    public IReadOnlyList<string> LeadUnits { get; init; } = [];

    public IReadOnlyList<string> Districts { get; init; } = [];

    public IReadOnlyList<string> Subjects { get; init; } = [];
}

/// <summary>One read path's latencies in milliseconds.</summary>
internal sealed record QueryResult(string Name, double P50, double P95, double P99, double TargetMs, int Samples)
{
    public bool Met => TargetMs <= 0 || P95 < TargetMs;
}

/// <summary>One due-timer sweep over the pending timers.</summary>
internal sealed record SweepResult(long PendingTimers, int Fired, TimeSpan Elapsed, long ManagedBefore, long ManagedAfter, long WorkingSetBefore, long WorkingSetAfter);
