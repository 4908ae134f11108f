using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Persistence;
using Hotline.Host.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Bench.Scale;

/// <summary>
/// One due-timer sweep (<see cref="DueTimerSweeper"/>, what the scheduler's job runs) with every loaded open case's
/// ladder timers pending, two hours after "now" (the timers that came due meanwhile fire for real): its time, and the
/// process's memory before and after (managed heap after a full collection, and the working set), which must not grow
/// with the number of pending timers.
/// </summary>
internal static class TimerSweep
{
    /// <summary>
    /// Sweeps with the loaded cases' timers pending, then again after topping them up to each of
    /// <paramref name="timerCounts"/> (more ladder timers of the loaded open instances, due in the next 60 days).
    /// </summary>
    public static async Task<IReadOnlyList<SweepResult>> MeasureAsync(string label, BenchHost host, BenchClock clock, string provider, string connectionString, IEnumerable<int> timerCounts)
    {
        var results = new List<SweepResult> { await SweepAsync(label, host, clock, 2) };
        foreach (var count in timerCounts.Where(c => c > results[^1].PendingTimers))
        {
            await TopUpAsync(provider, connectionString, count - results[^1].PendingTimers);
            results.Add(await SweepAsync(label, host, clock, 2 + results.Count));
        }

        return results;
    }

    /// <summary>Adds <paramref name="count"/> pending timers: copies of a loaded ladder timer, each its own id, due 3 hours to 60 days after "now".</summary>
    private static async Task TopUpAsync(string provider, string connectionString, long count)
    {
        await using var loader = await BulkLoader.OpenAsync(provider, connectionString);
        var table = await loader.ColumnsAsync("Bookmarks");
        object?[] sample;
        await using (var command = loader.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", table.Names.Select(n => $"\"{n}\""))} FROM \"Bookmarks\" WHERE \"ResumeAt\" IS NOT NULL LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            sample = new object?[reader.FieldCount];
            for (var i = 0; i < sample.Length; i++)
                sample[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        var id = table.Names.ToList().IndexOf("Id");
        var resumeAt = table.Names.ToList().IndexOf("ResumeAt");
        // Shared, not seeded: each top-up needs ids of its own.
        var random = Random.Shared;
        var rows = new List<object?[]>();
        for (long n = 0; n < count; n++)
        {
            var row = (object?[])sample.Clone();
            row[id] = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            var due = ScaleBenchmark.Now.AddHours(3).AddSeconds(random.Next(60 * 24 * 3600));
            row[resumeAt] = provider == "PostgreSql" ? due.UtcDateTime : due.UtcTicks;
            rows.Add(row);
            if (rows.Count == 50_000 || n == count - 1)
            {
                await loader.WriteAsync([table], [rows]);
                rows.Clear();
            }
        }

        await using var analyze = loader.Connection.CreateCommand();
        analyze.CommandText = "ANALYZE \"Bookmarks\"";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<SweepResult> SweepAsync(string label, BenchHost host, BenchClock clock, int hours)
    {
        var services = host.Services;
        long pending;
        await using (var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            pending = await db.Bookmarks.CountAsync(b => b.ResumeAt != null);
        // An hour further each time, so each sweep has the timers that came due meanwhile to fire.
        clock.Now = ScaleBenchmark.Now.AddHours(hours);
        var sweeper = services.GetRequiredService<DueTimerSweeper>();

        var (managedBefore, workingSetBefore) = Memory();
        var stopwatch = Stopwatch.StartNew();
        var fired = await sweeper.SweepAsync();
        stopwatch.Stop();
        var (managedAfter, workingSetAfter) = Memory();
        var result = new SweepResult(pending, fired, stopwatch.Elapsed, managedBefore, managedAfter, workingSetBefore, workingSetAfter);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: timer sweep over {pending:N0} pending timers: {fired} due fired in {stopwatch.Elapsed.TotalMilliseconds:F0} ms; managed {managedBefore / 1048576.0:F1} → {managedAfter / 1048576.0:F1} MiB, working set {workingSetBefore / 1048576.0:F0} → {workingSetAfter / 1048576.0:F0} MiB"));
        return result;
    }

    private static (long Managed, long WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
