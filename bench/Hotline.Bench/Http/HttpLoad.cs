using System.Diagnostics;
using System.Globalization;

namespace Hotline.Bench.Http;

/// <summary>
/// A bounded load from outside the host: <c>concurrency</c> workers, each sending one request at a time and the next as
/// soon as the answer is read, until a request count or a duration is reached. Every latency is kept; any answer that
/// is not 2xx counts as an error and the first few are printed.
/// </summary>
internal sealed class HttpLoad(HttpClient client, int concurrency)
{
    private const int ErrorsShown = 5;

    /// <summary>What one run measured.</summary>
    public sealed record Result(string Name, int Requests, int Errors, double Seconds, double[] LatenciesMs, double HostCpuSeconds)
    {
        public double Percentile(double p)
        {
            if (LatenciesMs.Length == 0)
                return 0;
            var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
            return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
        }

        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Requests} | {Requests / Seconds:N1} | {Percentile(50):F1} | {Percentile(95):F1} | {Percentile(99):F1} | {LatenciesMs[^1]:F1} | {Errors} | {HostCpuSeconds * 1000 / Requests:F2} |");

        public const string Header = "| operation | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | host CPU ms/request |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    /// <summary>
    /// Sends <paramref name="request"/>(i) for i = 0, 1, … until <paramref name="count"/> requests were sent or
    /// <paramref name="duration"/> passed (whichever is given), measuring the host's CPU time meanwhile.
    /// </summary>
    public async Task<Result> RunAsync(string name, Func<int, HttpRequestMessage> request, int? count, TimeSpan? duration, HostCpu cpu)
    {
        Console.Error.WriteLine($"{name}…");
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var next = -1;
        var cpuBefore = cpu.Seconds();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < (count ?? int.MaxValue) && (duration is null || stopwatch.Elapsed < duration))
            {
                using var message = request(i);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode && Interlocked.Increment(ref errors) <= ErrorsShown)
                    Console.Error.WriteLine($"{name}: {(int)response.StatusCode} {message.RequestUri}: {System.Text.Encoding.UTF8.GetString(body)}");
            }
        })));
        stopwatch.Stop();
        var cpuSeconds = cpu.Seconds() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, errors, stopwatch.Elapsed.TotalSeconds, all, cpuSeconds);
    }
}

/// <summary>A process's CPU time (user + system) from <c>/proc/PID/stat</c>.</summary>
internal sealed class HostCpu(int processId)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public double Seconds()
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
