using System.Diagnostics.Metrics;
using System.Globalization;
using Hotline.Domain.Persistence;

namespace Hotline.Bench;

/// <summary>
/// Adds up what the host's SQLite write gate measures while it is alive (<see cref="SqliteWriteGateMetrics"/>): how long
/// write transactions held the one write lock and waited for it. The held share of the wall-clock time says whether the
/// lock is the limit (near 100 %) or the processor is.
/// </summary>
internal sealed class WriteLockUse : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private double _held;
    private double _waited;
    private long _transactions;

    public WriteLockUse()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SqliteWriteGateMetrics.MeterName && instrument.Name is SqliteWriteGateMetrics.HeldName or SqliteWriteGateMetrics.WaitName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
        {
            lock (_lock)
            {
                if (instrument.Name == SqliteWriteGateMetrics.HeldName)
                {
                    _held += seconds;
                    _transactions++;
                }
                else
                {
                    _waited += seconds;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The line for a run of <paramref name="cases"/> cases over <paramref name="seconds"/> of wall-clock time.</summary>
    public string Describe(int cases, double seconds)
    {
        lock (_lock)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"SQLite write lock: held {100 * _held / seconds:F0} % of the time; {_transactions / (double)cases:F1} write transactions per case, each held {1000 * _held / Math.Max(_transactions, 1):F2} ms; writers waited {1000 * _waited / cases:F1} ms per case");
        }
    }

    public void Dispose() => _listener.Dispose();
}
