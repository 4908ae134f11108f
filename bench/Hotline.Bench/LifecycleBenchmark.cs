using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Bench;

/// <summary>
/// <c>--lifecycle</c>: whole work orders through the shipped definitions (<c>definitions/</c>, seeded by the host as it
/// seeds them in production), in the real host with its scheduler and background services running: the operator
/// registers a complaint (accept, category deadlines, the ladder's timers created), the routing rule dispatches it to
/// the district's unit, the unit signs for it and answers, the centre signs for and accepts the answer, the reply goes
/// out, the callback desk signs for the callback and records the citizen satisfied, and the case closes (the ladder's
/// timers withdrawn). Prints cases per second and process CPU per case, on SQLite and, when given, PostgreSQL.
/// </summary>
internal static class LifecycleBenchmark
{
    private const string Centre = "RX-PD";
    private const string CallbackDesk = "RX-HF";
    private const string Unit = "DH-CG";

    public static async Task RunAsync(int cases, int workers, string? postgres, string[] modes)
    {
        if (modes.Contains("sqlite"))
        {
            var directory = Path.Combine(Path.GetTempPath(), "hotline-bench-lifecycle-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await RunOnAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(directory, "hotline.db")}", cases, workers);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }

        if (modes.Contains("postgresql") && postgres is not null)
            await RunOnAsync("PostgreSQL", "PostgreSql", await Databases.NewPostgreSqlDatabaseAsync(postgres, "lifecycle"), cases, workers);
        else if (modes.Contains("postgresql"))
            Console.WriteLine("lifecycle on PostgreSQL: skipped (pass --pg \"Host=...;Database=...\" or set HOTLINE_BENCH_PG)");
    }

    private static async Task RunOnAsync(string label, string provider, string connectionString, int cases, int workers)
    {
        await using var host = new BenchHost(provider, connectionString);
        var services = host.Services;
        await SeedAsync(services);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var inbox = services.GetRequiredService<InboxService>();
        var contexts = services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

        // Warm-up: JIT compilation, the definitions' blueprints, the connection pools.
        var warmup = Math.Max(20, cases / 10);
        await RunCasesAsync(warmup, workers, i => CaseAsync(runtime, inbox, contexts, i));
        var done = warmup;

        var first = await RoundAsync(cases, workers, i => CaseAsync(runtime, inbox, contexts, done + i));
        done += cases;
        Console.WriteLine($"lifecycle on {label}, {workers} workers: {first.Describe(cases)} (target on SQLite ≥ 200)");

        // Then rounds of 100 cases, at least 8, until the CPU per case of the last three is within 5 % (at most 40): what
        // a host that has been up a while runs at, once the JIT has promoted the hot code (the first figure still
        // includes its tiers compiling). CPU per case, not cases per second, decides: it is what the JIT's progress moves,
        // and two rounds' rates agreed by chance while it was still moving (the same build measured 57 to 136 cases/s).
        var cpuPerCase = new List<double>();
        var rounds = 0;
        for (; rounds < 40; rounds++)
        {
            cpuPerCase.Add((await RoundAsync(100, workers, i => CaseAsync(runtime, inbox, contexts, done + i))).CpuSeconds / 100);
            done += 100;
            var last = cpuPerCase.TakeLast(3).ToList();
            if (rounds >= 7 && last.Max() / last.Min() < 1.05)
                break;
        }

        using var writeLock = new WriteLockUse();
        var steady = await RoundAsync(cases, workers, i => CaseAsync(runtime, inbox, contexts, done + i));
        Console.WriteLine($"lifecycle on {label}, {workers} workers, steady (after {rounds + 1} more rounds of 100): {steady.Describe(cases)} (target on SQLite ≥ 200)");
        if (provider == "Sqlite")
            Console.WriteLine($"lifecycle on {label}, steady: {writeLock.Describe(cases, steady.Seconds)}");

        // One more round of 100 counting the SQL it runs (outside the measured rounds: listening costs a little per command).
        using var sql = new SqlCapture();
        // EF Core looks again whether anyone listens at most once a second (its logging configuration cache).
        await Task.Delay(TimeSpan.FromSeconds(2));
        sql.Capturing = true;
        await RunCasesAsync(100, workers, i => CaseAsync(runtime, inbox, contexts, done + cases + i));
        foreach (var line in SqlSummary.Describe(sql.Take(), 100, top: 8))
            Console.WriteLine($"lifecycle on {label}, {line}");
    }

    /// <summary>Runs <paramref name="count"/> cases and measures the wall-clock time and the process's CPU time.</summary>
    private static async Task<Round> RoundAsync(int count, int workers, Func<int, Task> run)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await RunCasesAsync(count, workers, run);
        stopwatch.Stop();
        return new Round(stopwatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private sealed record Round(double Seconds, double CpuSeconds)
    {
        public double CasesPerSecond(int cases) => cases / Seconds;

        public string Describe(int cases) => string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases registered → dispatched → signed for → answered → accepted → replied → called back → closed in {Seconds:F2} s → {CasesPerSecond(cases):N1} cases/s; process CPU {CpuSeconds * 1000 / cases:F2} ms per case");
    }

    private static async Task RunCasesAsync(int count, int workers, Func<int, Task> run)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await run(i);
        })));
    }

    /// <summary>One case from the call to its close, as the operator, the unit, the centre and the callback desk would do it.</summary>
    private static async Task CaseAsync(WorkflowRuntime runtime, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, int i)
    {
        var started = await runtime.StartAsync("case-lifecycle", new StartOptions
        {
            Input = new Dictionary<string, object?>
            {
                ["Channel"] = "Phone",
                ["Content"] = Texts[i % Texts.Length],
                ["CaseType"] = "Complaint",
                ["SubjectCode"] = "SR-ROAD",
                ["CitizenName"] = "张敏",
                ["CitizenPhone"] = "138" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
                ["Address"] = "东湖区新华街道" + (i % 200).ToString(CultureInfo.InvariantCulture) + "号",
                ["DistrictCode"] = "990103",
                ["Urgency"] = "Normal",
            },
        });
        Guid caseId;
        await using (var db = await contexts.CreateDbContextAsync())
            caseId = await db.Cases.AsNoTracking().Where(c => c.WorkflowInstanceId == started.InstanceId).Select(c => c.Id).SingleAsync();

        await ActAsync(inbox, contexts, caseId, Unit, "Completed", new JsonObject { ["answer"] = "已责令商户退回店内经营，并加强巡查。" }, centre: false);
        await ActAsync(inbox, contexts, caseId, Centre, "Approved", null, centre: true);
        await ActAsync(inbox, contexts, caseId, CallbackDesk, "Satisfied", new JsonObject { ["resolved"] = true }, centre: true);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var status = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync();
            if (status != CaseStatus.Closed)
                throw new InvalidOperationException($"Case {caseId} ended {status}, not closed.");
        }
    }

    private static async Task ActAsync(InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, Guid caseId, string unit, string outcome, JsonObject? result, bool centre)
    {
        string taskId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            taskId = await db.InboxTasks.AsNoTracking()
                .Where(t => t.CaseId == caseId && t.UnitCode == unit && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor))
                .Select(t => t.TaskId).SingleAsync();
        }

        var actor = new InboxActor(unit + "-user", unit + " 经办人", centre ? null : unit);
        await inbox.SignAsync(taskId, actor);
        var run = await inbox.CompleteAsync(taskId, actor, outcome, result);
        if (run.Incidents.Count > 0)
            throw new InvalidOperationException(string.Join("\n", run.Incidents.Select(x => x.Message)));
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        if (await db.HandlingUnits.AnyAsync(u => u.Code == Unit))
            return;
        db.AddRange(
            new HandlingUnit { Code = Centre, Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = Unit, Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = Unit, Priority = 10 });
        await db.SaveChangesAsync();
    }

    private static readonly string[] Texts =
    [
        "小区门口长期有商贩占道经营，早晚高峰堵塞人行道，老人孩子只能走机动车道，很不安全。",
        "新华路菜市场外水果摊占用盲道，多次反映未见改善，请城管部门处理。",
        "夜市摊位占道到晚上十二点，垃圾遍地，影响居民出行和休息。",
    ];
}
