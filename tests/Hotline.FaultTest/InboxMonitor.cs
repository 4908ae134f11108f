using System.Diagnostics;
using Npgsql;

namespace Hotline.FaultTest;

/// <summary>
/// Samples "no case waits on a task missing from the inbox" throughout the run, not only at the end: a start-up
/// reconciliation may repair a lost inbox row later, but until then the case waited on a task nobody could see.
/// </summary>
internal sealed class InboxMonitor(NpgsqlDataSource database, FaultTestOptions options, FaultReport report)
{
    private readonly Dictionary<string, (TimeSpan First, TimeSpan Last, string Instance)> _missing = new(StringComparer.Ordinal);

    /// <summary>Samples until cancelled, then reports what it saw.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var row in await Sql.RowsAsync(database, Sql.WaitingTasksMissingFromInbox, cancellationToken))
                {
                    var now = watch.Elapsed;
                    _missing[row[0]!] = _missing.TryGetValue(row[0]!, out var seen) ? seen with { Last = now } : (now, now, row[1]!);
                }

                report.Sampled(failed: false);
            }
            catch (NpgsqlException)
            {
                report.Sampled(failed: true);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(options.MonitorInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        report.TasksSeenMissing = (_missing.Count, _missing.Count == 0 ? TimeSpan.Zero : _missing.Values.Max(m => m.Last - m.First));
        foreach (var (bookmark, seen) in _missing.Take(10))
            report.Violation("no case waits on a task missing from the inbox (during the run)",
                $"instance {seen.Instance} waited on human task bookmark {bookmark} with no open inbox row, seen from {seen.First.TotalSeconds:0.0}s to {seen.Last.TotalSeconds:0.0}s");
        if (_missing.Count > 10)
            report.Violation("no case waits on a task missing from the inbox (during the run)", $"... {_missing.Count - 10} more bookmarks");
    }
}
