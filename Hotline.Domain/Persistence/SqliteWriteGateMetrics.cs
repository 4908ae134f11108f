using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hotline.Domain.Persistence;

/// <summary>
/// What <see cref="SqliteWriteGate"/> measures, under the meter <see cref="MeterName"/>: how long each write transaction
/// waited for the one write lock and how long it held it. Their sum over a minute against the minute says how near the
/// database is to its one writer's limit: a lock held 90 % of the time is the ceiling, whatever the processor does.
/// </summary>
public static class SqliteWriteGateMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hotline.Sqlite";

    /// <summary>The histogram of waits.</summary>
    public const string WaitName = "hotline.sqlite.write_lock.wait";

    /// <summary>The histogram of holds.</summary>
    public const string HeldName = "hotline.sqlite.write_lock.held";

    /// <summary>The counter of writers that went on without the gate.</summary>
    public const string TimeoutsName = "hotline.sqlite.write_lock.gate_timeouts";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
        WaitName, "s", "How long a write transaction waited at the gate for the writers before it (0 when the lock was free).");

    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>(
        HeldName, "s", "How long a write transaction held SQLite's write lock, from its BEGIN to its COMMIT or ROLLBACK.");

    private static readonly Counter<long> Timeouts = Meter.CreateCounter<long>(
        TimeoutsName, "{transaction}", "Write transactions that waited the busy timeout at the gate and went on to SQLite's busy handler.");

    internal static void Waited(long since, bool timedOut)
    {
        if (Wait.Enabled)
            Wait.Record(Stopwatch.GetElapsedTime(since).TotalSeconds);
        if (timedOut)
            Timeouts.Add(1);
    }

    internal static void Released(long takenAt)
    {
        if (Held.Enabled)
            Held.Record(Stopwatch.GetElapsedTime(takenAt).TotalSeconds);
    }
}
