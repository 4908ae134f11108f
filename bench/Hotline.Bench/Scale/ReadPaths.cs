using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Indicators;
using Hotline.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Bench.Scale;

/// <summary>
/// The read paths people use, through the host's own HTTP endpoints as a signed-in user of the right role, each
/// sampled with random parameters (units, pages, filters, case numbers): p50/p95/p99 in milliseconds. With
/// <c>--explain</c> on PostgreSQL, the plan of every statement one request of each ran.
/// </summary>
internal static class ReadPaths
{
    private const double ListTarget = 20;
    private const double IndicatorsTarget = 1_000;

    // Words people search for (cut by the same segmenter as the index).
    private static readonly string[] SearchWords = ["噪音", "占道经营", "拖欠工资", "停水", "物业", "油烟", "违章停车", "暖气", "垃圾", "电梯"];

    private sealed record ReadPath(string Name, double Target, Func<Random, (HttpClient Client, string Url)> Request);

    public static async Task<IReadOnlyList<QueryResult>> MeasureAsync(string label, BenchHost host, string connectionString, LoadResult load, ScaleOptions options)
    {
        var dispatcher = await ScaleBenchmark.UserAsync(host, "bench-dispatcher", HotlineRoles.Dispatcher, null);
        var supervisor = await ScaleBenchmark.UserAsync(host, "bench-supervisor", HotlineRoles.Supervisor, null);
        var leader = await ScaleBenchmark.UserAsync(host, "bench-leader", HotlineRoles.Leader, null);
        var units = new List<(string Code, HttpClient Client)>();
        foreach (var code in load.LeadUnits.Take(8))
            units.Add((code, await ScaleBenchmark.UserAsync(host, "bench-unit-" + code.ToLowerInvariant(), HotlineRoles.Unit, code)));
        var now = ScaleBenchmark.Now.ToOffset(TimeSpan.FromHours(8));
        string Day(Random r, int withinDays) => DateOnly.FromDateTime(now.AddDays(-1 - r.Next(withinDays)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        T Pick<T>(Random r, IReadOnlyList<T> list) => list[r.Next(list.Count)];
        int Page(Random r) => r.Next(10) < 7 ? 1 : 2 + r.Next(4);

        var paths = new List<ReadPath>
        {
            new("unit inbox (pending, by due date)", ListTarget, r => { var u = Pick(r, units); return (u.Client, $"/api/inbox?page={Page(r)}"); }),
            new("unit inbox (all, newest first)", ListTarget, r => { var u = Pick(r, units); return (u.Client, $"/api/inbox?status=all&sort=-createdAt&page={Page(r)}"); }),
            new("case list: status=Dispatched", ListTarget, r => (dispatcher, $"/api/cases?status=Dispatched&page={Page(r)}")),
            new("case list: all, newest first", ListTarget, r => (dispatcher, $"/api/cases?page={Page(r)}")),
            new("case list: district + status=Handling", ListTarget, r => (dispatcher, $"/api/cases?districtCode={Pick(r, load.Districts)}&status=Handling&page={Page(r)}")),
            new("case list: subject, a month", ListTarget, r =>
            {
                var to = Day(r, 300);
                return (dispatcher, $"/api/cases?subjectCode={Pick(r, load.Subjects)}&from={DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-30):yyyy-MM-dd}&to={to}&page={Page(r)}");
            }),
            new("case list: overdue", ListTarget, r => (dispatcher, $"/api/cases?overdue=true&page={Page(r)}")),
            new("case list: lead unit's open (unitCode+status)", ListTarget, r => (dispatcher, $"/api/cases?unitCode={Pick(r, load.LeadUnits)}&status=Dispatched&page={Page(r)}")),
            new("case list: a unit user's own cases", ListTarget, r => { var u = Pick(r, units); return (u.Client, $"/api/cases?page={Page(r)}"); }),
            new("case page by number", ListTarget, r => (dispatcher, $"/api/cases/{Pick(r, load.CaseNumbers)}")),
            new("escalation list (level ≥ 1)", ListTarget, r => (supervisor, $"/api/escalations?level={1 + r.Next(3)}&page={Page(r)}")),
            new("full-text search (q=…)", ListTarget, r => (dispatcher, $"/api/cases?q={Uri.EscapeDataString(Pick(r, SearchWords))}&page={Page(r)}")),
            new("unit's monthly indicators", IndicatorsTarget, r =>
            {
                var month = now.AddMonths(-1 - r.Next(11));
                var first = new DateOnly(month.Year, month.Month, 1);
                return (leader, $"/api/indicators?from={first:yyyy-MM-dd}&to={first.AddMonths(1):yyyy-MM-dd}&unitCode={Pick(r, load.LeadUnits)}");
            }),
            new("daily report", 0, r => (leader, $"/api/reports/daily?date={Day(r, 300)}")),
            // What a centre opens every morning.
            new("daily report, yesterday", 0, _ => (leader, $"/api/reports/daily?date={Day(new Random(0), 1)}")),
        };

        var selected = paths.Where(p => options.Paths.Length == 0 || options.Paths.Any(name => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (selected.Any(p => p.Target == IndicatorsTarget || p.Name.StartsWith("daily report", StringComparison.Ordinal)))
            await MakeSnapshotsAsync(label, host);

        using var capture = options.Explain ? new SqlCapture() : null;
        var results = new List<QueryResult>();
        var random = new Random(options.Seed);
        foreach (var path in selected)
        {
            // Warm-up: JIT, the plan caches, the connection pool.
            for (var i = 0; i < 5; i++)
                await SendAsync(path.Request(random));
            var samples = new List<double>();
            var budget = Stopwatch.StartNew();
            while (samples.Count < options.Samples && (budget.Elapsed < TimeSpan.FromSeconds(45) || samples.Count < 20))
            {
                var request = path.Request(random);
                var stopwatch = Stopwatch.StartNew();
                await SendAsync(request);
                samples.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            samples.Sort();
            var result = new QueryResult(path.Name, Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), path.Target, samples.Count);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {path.Name}: p50 {result.P50:F1} ms, p95 {result.P95:F1} ms, p99 {result.P99:F1} ms ({samples.Count} samples)"));

            if (capture is not null)
                await ExplainAsync(capture, connectionString, path.Request(random));
        }

        return results;
    }

    /// <summary>
    /// What a host does a minute after start-up and after each midnight: the indicator snapshots of the last months and
    /// yesterday (<see cref="IndicatorSnapshotRefresher"/>). Timed, so the cost of reading the timeline shows.
    /// </summary>
    private static async Task MakeSnapshotsAsync(string label, BenchHost host)
    {
        var stopwatch = Stopwatch.StartNew();
        var made = await host.Services.GetRequiredService<IndicatorSnapshotRefresher>().RunAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: indicator snapshots (13 months and yesterday, city-wide): {made} made in {stopwatch.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task SendAsync((HttpClient Client, string Url) request)
    {
        using var response = await request.Client.GetAsync(request.Url);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {request.Url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.Content.LoadIntoBufferAsync();
    }

    private static async Task ExplainAsync(SqlCapture capture, string connectionString, (HttpClient Client, string Url) request)
    {
        capture.Take();
        capture.Capturing = true;
        await SendAsync(request);
        capture.Capturing = false;
        Console.WriteLine($"  EXPLAIN of GET {request.Url}:");
        foreach (var (sql, parameters, duration) in capture.Take().Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || c.Sql.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    [{duration.TotalMilliseconds:F1} ms] ") + sql.Replace("\n", "\n    ", StringComparison.Ordinal));
            Console.WriteLine("    " + string.Join(", ", parameters.Select(p => $"{p.ParameterName}={p.Value}")));
            Console.WriteLine("      " + (await SqlCapture.ExplainAsync(connectionString, sql, parameters)).Replace("\n", "\n      ", StringComparison.Ordinal));
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
