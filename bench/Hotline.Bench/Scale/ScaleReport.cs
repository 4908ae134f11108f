using System.Globalization;

namespace Hotline.Bench.Scale;

/// <summary>The table the scale benchmark ends with: each read path's p50/p95/p99 against its target, per database.</summary>
internal static class ScaleReport
{
    public static void Print(IReadOnlyList<ScaleResult> results)
    {
        foreach (var result in results.Where(r => r.Queries.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Label}, {result.Cases:N0} cases: load {result.Load.Elapsed.TotalSeconds:F1} s, {result.Load.Rows:N0} rows → {result.Load.Rows / Math.Max(0.001, result.Load.Elapsed.TotalSeconds):N0} rows/s"));
            Console.WriteLine($"{"query",-44} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"target",10}  result");
            foreach (var q in result.Queries)
            {
                var target = q.TargetMs > 0 ? string.Create(CultureInfo.InvariantCulture, $"p95<{q.TargetMs:0}") : "—";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{q.Name,-44} {q.P50,9:F1} {q.P95,9:F1} {q.P99,9:F1} {target,10}  {(q.TargetMs > 0 ? (q.Met ? "met" : "NOT MET") : "")}"));
            }

            foreach (var s in result.Sweeps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"timer sweep: {s.PendingTimers:N0} pending timers, {s.Fired} due fired in {s.Elapsed.TotalMilliseconds:F0} ms; managed heap {s.ManagedBefore / 1048576.0:F1} → {s.ManagedAfter / 1048576.0:F1} MiB, working set {s.WorkingSetBefore / 1048576.0:F0} → {s.WorkingSetAfter / 1048576.0:F0} MiB"));
            }
        }
    }
}
