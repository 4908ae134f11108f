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
    public static async Task<SweepResult> MeasureAsync(string label, BenchHost host, BenchClock clock)
    {
        var services = host.Services;
        long pending;
        await using (var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            pending = await db.Bookmarks.CountAsync(b => b.ResumeAt != null);
        clock.Now = ScaleBenchmark.Now.AddHours(2);
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
