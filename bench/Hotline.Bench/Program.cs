using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Persistence;
using Hotline.Host.Workflows;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hotline.Bench;

/// <summary>
/// Runs a representative case flow (13 activities: a decision, a human task that suspends and is resumed, a fork and
/// join, a one-day timer) N times: in memory on one thread, then persisted on SQLite (and PostgreSQL when a connection
/// string is given), and prints activities per second, complete cycles per second and peak memory.
/// Usage: dotnet run -c Release --project bench/Hotline.Bench -- [--iterations N] [--persisted-iterations N] [--workers N] [--pg CONNECTION] [--modes memory,sqlite,postgresql]
/// <para><c>--import</c> runs the reference-data import benchmark instead (<see cref="ImportBenchmark"/>), <c>--search</c>
/// [<c>--cases N</c>] what full-text search costs a registered case (<see cref="SearchBenchmark"/>), <c>--expressions</c>
/// [<c>--iterations N</c>] what a JavaScript or C# evaluation costs (<see cref="ExpressionBenchmark"/>), <c>--designer</c>
/// [<c>--runs N</c>] [<c>--sizes 100,300</c>] [<c>--trace FILE</c>] how fast Elsa Studio opens in Chromium (<see cref="Designer.DesignerBenchmark"/>;
/// needs <c>dotnet build Hotline.Host -c Release</c> first), <c>--http</c> [<c>--cases N</c>] [<c>--requests N</c>] [<c>--seconds N</c>]
/// [<c>--concurrency N</c>] [<c>--pg CONNECTION</c>] the HTTP API under load from outside the host (<see cref="Http.HttpBenchmark"/>),
/// <c>--scale</c> [<c>--cases N</c>|<c>--full</c>] [<c>--explain</c>] a city's year of cases bulk-loaded and its read paths
/// and timer sweep measured (<see cref="Scale.ScaleBenchmark"/>).</para>
/// </summary>
internal static class Program
{
    // Long enough for a steady rate, short enough to measure the ceiling right before Hotline's figures.
    private static readonly TimeSpan CeilingDuration = TimeSpan.FromSeconds(5);

    private static async Task<int> Main(string[] args)
    {
        if (args.Contains("--import"))
        {
            await ImportBenchmark.RunAsync();
            return 0;
        }

        if (args.Contains("--designer"))
        {
            var sizes = (StringArg(args, "--sizes") ?? "100,300").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            await Designer.DesignerBenchmark.RunAsync(IntArg(args, "--runs", 3), sizes, StringArg(args, "--trace"), StringArg(args, "--host-dll"));
            return 0;
        }

        if (args.Contains("--http"))
        {
            await Http.HttpBenchmark.RunAsync(IntArg(args, "--cases", 20_000), IntArg(args, "--requests", 2_000), IntArg(args, "--seconds", 20),
                IntArg(args, "--concurrency", 8), StringArg(args, "--pg") ?? Environment.GetEnvironmentVariable("HOTLINE_BENCH_PG"), StringArg(args, "--host-dll"));
            return 0;
        }

        if (args.Contains("--expressions"))
        {
            await ExpressionBenchmark.RunAsync(IntArg(args, "--iterations", 50_000));
            return 0;
        }

        if (args.Contains("--lifecycle"))
        {
            await LifecycleBenchmark.RunAsync(IntArg(args, "--cases", 500), IntArg(args, "--workers", Environment.ProcessorCount),
                StringArg(args, "--pg") ?? Environment.GetEnvironmentVariable("HOTLINE_BENCH_PG"), (StringArg(args, "--modes") ?? "sqlite,postgresql").Split(','));
            return 0;
        }

        if (args.Contains("--scale"))
        {
            await Scale.ScaleBenchmark.RunAsync(Scale.ScaleOptions.Parse(args));
            return 0;
        }

        if (args.Contains("--search"))
        {
            await SearchBenchmark.RunAsync(IntArg(args, "--cases", 2_000));
            return 0;
        }

        var iterations = IntArg(args, "--iterations", 20_000);
        var persisted = IntArg(args, "--persisted-iterations", 2_000);
        var workers = IntArg(args, "--workers", Environment.ProcessorCount);
        var pg = StringArg(args, "--pg") ?? Environment.GetEnvironmentVariable("HOTLINE_BENCH_PG");
        var modes = (StringArg(args, "--modes") ?? "memory,sqlite,postgresql").Split(',');
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "representative-flow.json"));

        Console.WriteLine($"Hotline workflow benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        if (modes.Contains("memory"))
            await InMemoryAsync(json, iterations);
        if (modes.Contains("sqlite"))
            await SqliteAsync(json, persisted, workers);
        if (modes.Contains("postgresql") && pg is not null)
        {
            var ceiling = await DatabaseCeiling.PostgreSqlAsync(pg, workers, CeilingDuration);
            DatabaseCeiling.Share("PostgreSQL", await PersistedAsync("PostgreSQL", "PostgreSql", pg, json, persisted, workers), ceiling);
        }
        else if (modes.Contains("postgresql"))
            Console.WriteLine("PostgreSQL: skipped (pass --pg \"Host=...;Database=...\" or set HOTLINE_BENCH_PG)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        return 0;
    }

    private static async Task SqliteAsync(string json, int persisted, int workers)
    {
        var sqliteDirectory = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(sqliteDirectory);
        try
        {
            var ceiling = await DatabaseCeiling.SqliteAsync(sqliteDirectory, CeilingDuration);
            DatabaseCeiling.Share("SQLite", await PersistedAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(sqliteDirectory, "bench.db")}", json, persisted, workers), ceiling);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }

    /// <summary>
    /// The engine alone: compile once, then start, resume the task, resume the timer, on one thread. Measured twice: the
    /// first pass of a fresh process (the JIT's tiers are still compiling: the runtime promotes a method to optimized code
    /// after 30 calls and a quiet 100 ms, and with dynamic PGO through an instrumented tier first, which takes a second or
    /// two of work), then again once rounds of the same work run at a steady rate — what a host that has been up for more
    /// than a few seconds runs at, and what the target is about.
    /// </summary>
    private static async Task InMemoryAsync(string json, int iterations)
    {
        var blueprint = WorkflowCompiler.Compile(WorkflowDefinitionReader.Parse(json), ActivityRegistry.CreateDefault());
        var services = new EngineServices();
        for (var warmup = 0; warmup < 2_000; warmup++)
            await RunInMemoryAsync(blueprint, services, warmup);
        var first = await InMemoryRoundAsync(blueprint, services, iterations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in memory, 1 thread, first pass: {first.Describe(iterations)}"));

        // Rounds of 10,000 instances, at least 8 (a second or two: the JIT's promotions wait for quiet), until two in a row
        // are within 3 % of each other (at most 40 rounds).
        double previous = 0;
        var rounds = 0;
        for (; rounds < 40; rounds++)
        {
            var rate = (await InMemoryRoundAsync(blueprint, services, 10_000)).ActivitiesPerSecond;
            if (rounds >= 7 && Math.Abs(rate - previous) / previous < 0.03)
                break;
            previous = rate;
        }

        var steady = await InMemoryRoundAsync(blueprint, services, iterations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in memory, 1 thread, steady ({rounds + 1} warm-up rounds of 10,000 after the first pass): {steady.Describe(iterations)} (target ≥ 1,000,000 activities/s)"));
    }

    private sealed record InMemoryRound(long Activities, double Seconds, double CpuSeconds, long Allocated)
    {
        public double ActivitiesPerSecond => Activities / Seconds;

        public string Describe(int iterations) => string.Create(CultureInfo.InvariantCulture,
            $"{iterations} instances, {Activities} activity executions in {Seconds:F2} s → {ActivitiesPerSecond:N0} activities/s, {iterations / Seconds:N0} instances/s, {Allocated / (double)iterations / 1024:F1} KiB allocated per instance; process CPU {CpuSeconds:F2} s → {Activities / CpuSeconds:N0} activities per CPU-second");
    }

    private static async Task<InMemoryRound> InMemoryRoundAsync(WorkflowBlueprint blueprint, EngineServices services, int iterations)
    {
        long activities = 0;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
            activities += await RunInMemoryAsync(blueprint, services, i);
        stopwatch.Stop();
        // On a shared machine the wall clock includes waiting for a core; the process's CPU time (GC included) does not.
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return new InMemoryRound(activities, stopwatch.Elapsed.TotalSeconds, cpu, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static async Task<long> RunInMemoryAsync(WorkflowBlueprint blueprint, EngineServices services, int i)
    {
        var context = await WorkflowExecutor.StartAsync(blueprint, new StartOptions { Input = new Dictionary<string, object?> { ["Urgent"] = i % 2 == 0 } }, services);
        var task = context.Bookmarks[0];
        await WorkflowExecutor.ResumeAsync(context, task.Id, new TaskCompletion("Completed"));
        var timer = context.Bookmarks[0];
        await WorkflowExecutor.ResumeAsync(context, timer.Id, null);
        if (context.SubStatus != WorkflowSubStatus.Finished)
            throw new InvalidOperationException($"Instance ended {context.SubStatus}.");
        return context.Records.Count;
    }

    /// <summary>
    /// Through the runtime and the EF Core stores: start (suspends on the task), complete the task (suspends on the
    /// timer), fire the timer. Returns the commits per second.
    /// </summary>
    private static async Task<double> PersistedAsync(string label, string providerName, string connectionString, string json, int iterations, int workers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Database:Provider"] = providerName,
            ["Hotline:Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddHotlinePersistence(configuration);
        services.Replace(ServiceDescriptor.Singleton<ITextOutput>(NullTextOutput.Instance));
        services.AddHotlineWorkflows();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateHotlineDatabaseAsync();
        // What the host runs beside the engine's commits: the SQLite log's checkpoints.
        var checkpointer = ActivatorUtilities.CreateInstance<SqliteWalCheckpointer>(provider);
        await checkpointer.StartAsync(CancellationToken.None);
        var runtime = provider.GetRequiredService<WorkflowRuntime>();
        var definition = WorkflowDefinitionReader.Parse(json);
        definition.Id = "bench-" + Guid.NewGuid().ToString("N")[..8];
        definition.DefinitionId = definition.Id;
        await WorkflowFileRunner.PublishImportedAsync(runtime, definition);
        var blueprint = await runtime.GetBlueprintAsync(definition);

        for (var warmup = 0; warmup < 1000; warmup++)
            await CycleAsync(runtime, blueprint, warmup);
        var next = -1;
        long activities = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < iterations)
                Interlocked.Add(ref activities, await CycleAsync(runtime, blueprint, next));
        })));
        stopwatch.Stop();
        // The machine may be shared: CPU time says what a cycle costs this process whatever else runs.
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"persisted on {label}, {workers} workers: {iterations} start-suspend-resume cycles (3 commits each) in {seconds:F2} s → {iterations / seconds:N0} cycles/s, {activities / seconds:N0} activities/s, {iterations * 3 / seconds:N0} commits/s; process CPU {cpu:F2} s = {cpu * 1000 / iterations:F2} ms/cycle ({iterations / cpu:N0} cycles per CPU-second)"));
        await checkpointer.StopAsync(CancellationToken.None);
        return iterations * 3 / seconds;
    }

    private static async Task<long> CycleAsync(WorkflowRuntime runtime, WorkflowBlueprint blueprint, int i)
    {
        var started = await runtime.StartAsync(blueprint, new StartOptions { Input = new Dictionary<string, object?> { ["Urgent"] = i % 2 == 0 } });
        var taskId = started.Bookmarks[0].Hash!;
        var afterTask = await runtime.CompleteTaskAsync(taskId, new TaskCompletion("Completed"));
        var finished = await runtime.ResumeAsync(afterTask.InstanceId, afterTask.Bookmarks[0].Id);
        if (finished.SubStatus != WorkflowSubStatus.Finished)
            throw new InvalidOperationException($"Instance ended {finished.SubStatus}.");
        return 13;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? StringArg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
