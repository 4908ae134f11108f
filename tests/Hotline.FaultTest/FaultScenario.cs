using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace Hotline.FaultTest;

/// <summary>
/// The fault test: its own PostgreSQL, the demo city, three hosts on 127.0.0.1; cases and timer workflows at a bounded
/// rate while hosts are SIGKILLed and restarted and the database is crashed; then, with every host up and every timer
/// due, the invariants checked in the database. Every process it starts is killed when it ends, failed or not.
/// </summary>
internal static class FaultScenario
{
    private const string Database = "hotline_fault";

    /// <summary>Runs the scenario; progress goes to <paramref name="log"/>.</summary>
    public static async Task<FaultReport> RunAsync(FaultTestOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.HostDll))
            throw new InvalidOperationException($"{options.HostDll} is missing: build the solution in Release first (dotnet build Hotline.sln -c Release).");
        var report = new FaultReport { Seed = options.Seed };
        var random = new Random(options.Seed);
        var logs = options.NewDirectory("logs");
        var phase = Stopwatch.StartNew();
        void Phase(string name)
        {
            report.Phases.Add((name, phase.Elapsed));
            log.WriteLine($"[fault] {name} done in {phase.Elapsed.TotalSeconds:0}s");
            phase.Restart();
        }

        log.WriteLine($"[fault] seed {options.Seed}; {options.LoadDuration.TotalSeconds:0}s of load, {options.CaseRate}/s cases, {options.TimerRate}/s timers, host logs in {logs.FullName}");
        await using var postgres = await ThrowawayPostgres.StartAsync(options.PostgresBin, options.NewDirectory("pg"), Database, cancellationToken);
        var apiKey = Secret();
        var adminPassword = Secret();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["Hotline__Database__Provider"] = "PostgreSql",
            ["Hotline__Database__ConnectionString"] = postgres.ConnectionString(Database),
            ["Hotline__Security__ApiKeys__0__Name"] = "fault-test",
            ["Hotline__Security__ApiKeys__0__Key"] = apiKey,
            ["Hotline__Security__BootstrapAdmin__Password"] = adminPassword,
            ["Hotline__Scheduling__SweepInterval"] = options.SweepInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var seed = await ExternalProcess.RunAsync("dotnet", [options.HostDll, "demo", "seed", "--force"], Path.GetDirectoryName(options.HostDll)!, options.HostStartTimeout, environment, cancellationToken);
        if (seed.ExitCode != 0)
            throw new InvalidOperationException($"demo seed failed ({seed.ExitCode}): {seed.Output}");
        Phase("database and demo city");

        using var cluster = new HostCluster(options, environment, logs.FullName, report, random);
        using var client = new RetryingClient(cluster, options, report);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString(Database));
        // The first host alone creates the administrator and publishes the shipped definitions; then the others.
        await cluster.StartAsync(cluster.Hosts[0], cancellationToken);
        await Task.WhenAll(cluster.Hosts.Skip(1).Select(h => cluster.StartAsync(h, cancellationToken)));
        var timers = new TimerLoad(client, report);
        await timers.PublishAsync(adminPassword, options.TimerDelay, cancellationToken);
        Phase("hosts started");

        var cases = new CaseLoad(client, apiKey, report);
        var checks = new FaultChecks(database, report);
        using (var chaosStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        using (var monitorStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var supervisor = cluster.SuperviseAsync(monitorStop.Token);
            var monitor = new InboxMonitor(database, options, report).RunAsync(monitorStop.Token);
            var chaos = ChaosAsync(cluster, postgres, options, report, random, log, chaosStop.Token);
            await Task.WhenAll(cases.RunAsync(options.CaseRate, options.LoadDuration, cancellationToken), timers.RunAsync(options.TimerRate, options.LoadDuration, cancellationToken));
            await chaosStop.CancelAsync();
            await chaos;
            Phase("load under chaos");

            await cluster.AllUpAsync(cancellationToken);
            var settle = Stopwatch.StartNew();
            while (await UnfinishedTimersOrUnknownAsync(checks, cancellationToken) != 0 && settle.Elapsed < options.SettleTimeout)
                await Task.Delay(1000, cancellationToken);
            await monitorStop.CancelAsync();
            await Task.WhenAll(monitor, supervisor);
            Phase("timers settled");
        }

        await checks.RunAsync(cases.Requests, timers.Requests, cancellationToken);
        Phase("checks");
        if (report.Passed)
            logs.Delete(recursive: true);
        else
            log.WriteLine($"[fault] host logs kept in {logs.FullName}");
        return report;
    }

    /// <summary>Until cancelled: a host SIGKILLed every <see cref="FaultTestOptions.KillEvery"/> (±50%), PostgreSQL crashed at even intervals.</summary>
    private static async Task ChaosAsync(HostCluster cluster, ThrowawayPostgres postgres, FaultTestOptions options, FaultReport report, Random random, TextWriter log, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var crashes = Enumerable.Range(1, options.DatabaseCrashes).Select(k => options.LoadDuration * k / (options.DatabaseCrashes + 1));
        var crashQueue = new Queue<TimeSpan>(crashes);
        var nextKill = Jitter(options.KillEvery, random);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
                if (crashQueue.TryPeek(out var crashAt) && watch.Elapsed >= crashAt)
                {
                    crashQueue.Dequeue();
                    log.WriteLine($"[fault] {watch.Elapsed.TotalSeconds:0}s: crashing PostgreSQL");
                    await postgres.CrashAndRestartAsync(cancellationToken);
                    report.DatabaseCrashed();
                }

                if (watch.Elapsed >= nextKill)
                {
                    cluster.KillOne(cancellationToken);
                    nextKill = watch.Elapsed + Jitter(options.KillEvery, random);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<int> UnfinishedTimersOrUnknownAsync(FaultChecks checks, CancellationToken cancellationToken)
    {
        try
        {
            return await checks.UnfinishedTimersAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }

    private static TimeSpan Jitter(TimeSpan mean, Random random) => mean * (0.5 + random.NextDouble());

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
