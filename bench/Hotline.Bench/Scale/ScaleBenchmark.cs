using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Bench.Scale;

/// <summary>
/// <c>--scale</c>: a city's year of cases. On each database: the demo city's reference data as the host seeds it, real
/// template cases through the shipped definitions (<see cref="TemplateCases"/>), then N copies of them with their
/// timelines, tasks, instances, bookmarks and search entries bulk-loaded (<see cref="CaseCopier"/>, <see cref="BulkLoader"/>),
/// then the read paths people use measured through the host's HTTP endpoints (<see cref="ReadPaths"/>), and one
/// due-timer sweep over every pending timer (<see cref="TimerSweep"/>).
/// </summary>
internal static class ScaleBenchmark
{
    /// <summary>When the templates are registered: a Monday morning before the loaded year (their numbers are not the copies').</summary>
    public static readonly DateTimeOffset TemplateStart = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    /// <summary>"Now" for the loaded city: its cases were registered in the year before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(ScaleOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hotline scale benchmark — {options.Cases:N0} cases ({options.OpenCases:N0} open), {options.Templates} templates, {options.Samples} samples per query; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        var results = new List<ScaleResult>();
        if (options.Reuse is { } reuse)
        {
            var postgres = reuse.Contains("Host=", StringComparison.OrdinalIgnoreCase);
            results.Add(await RunOnAsync(postgres ? "PostgreSQL" : "SQLite", postgres ? "PostgreSql" : "Sqlite", postgres ? reuse : $"Data Source={reuse}", options));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            ScaleReport.Print(results);
            return;
        }

        if (options.Modes.Contains("sqlite"))
        {
            var directory = Path.Combine(Path.GetTempPath(), "hotline-bench-scale-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                results.Add(await RunOnAsync("SQLite", "Sqlite", $"Data Source={Path.Combine(directory, "hotline.db")}", options));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (!options.Keep)
                    Directory.Delete(directory, recursive: true);
                else
                    Console.WriteLine($"SQLite database kept in {directory}");
            }
        }

        if (options.Modes.Contains("postgresql") && options.Postgres is not null)
            results.Add(await RunOnAsync("PostgreSQL", "PostgreSql", await Databases.NewPostgreSqlDatabaseAsync(options.Postgres, "scale"), options));
        else if (options.Modes.Contains("postgresql"))
            Console.WriteLine("scale on PostgreSQL: skipped (pass --pg \"Host=...;Database=...\" or set HOTLINE_BENCH_PG)");

        ScaleReport.Print(results);
    }

    private static async Task<ScaleResult> RunOnAsync(string label, string provider, string connectionString, ScaleOptions options)
    {
        var clock = new BenchClock(options.Reuse is null ? TemplateStart : Now);
        await using var host = new BenchHost(provider, connectionString, clock);
        var services = host.Services;
        if (options.Reuse is not null)
        {
            // The users of earlier runs are there already: this run's get names of their own.
            UserSuffix = "-" + Guid.NewGuid().ToString("N")[..6];
            var loaded = await LoadedAsync(services);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: measuring the database loaded earlier ({loaded.CaseNumbers.Count} case numbers sampled, {loaded.LeadUnits.Count} lead units)"));
            var reused = await ReadPaths.MeasureAsync(label, host, connectionString, loaded, options);
            var reusedSweeps = await TimerSweep.MeasureAsync(label, host, clock, provider, connectionString, options.TimerCounts);
            return new ScaleResult(label, await CountCasesAsync(services), loaded, reused, reusedSweeps);
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            await DemoSeeder.SeedAsync(db, clock);
        var operatorPassword = await CreateUserAsync(host, "bench-operator", HotlineRoles.Operator, null);

        var stopwatch = Stopwatch.StartNew();
        var templates = await TemplateCases.RunAsync(host, clock, () => SignInAsync(host, "bench-operator", operatorPassword), options.Templates, options.Seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {templates.Count} template cases through the shipped definitions in {stopwatch.Elapsed.TotalSeconds:F1} s ({templates.Count(t => t.Open)} left open)"));
        clock.Now = Now;
        if (options.TemplatesOnly)
            return new ScaleResult(label, 0, new LoadResult(0, TimeSpan.Zero, []), [], []);

        var load = await CaseCopier.LoadAsync(label, provider, connectionString, templates, MomentColumns(services), options, Now);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: loaded {options.Cases:N0} cases, {load.Rows:N0} rows in {load.Elapsed.TotalSeconds:F1} s → {load.Rows / load.Elapsed.TotalSeconds:N0} rows/s, {options.Cases / load.Elapsed.TotalSeconds:N0} cases/s"));

        var reads = await ReadPaths.MeasureAsync(label, host, connectionString, load, options);
        var sweeps = await TimerSweep.MeasureAsync(label, host, clock, provider, connectionString, options.TimerCounts);
        return new ScaleResult(label, options.Cases, load, reads, sweeps);
    }

    /// <summary>Appended to the names of the users a run creates (<c>--reuse</c>: a database's earlier runs made theirs).</summary>
    public static string UserSuffix { get; private set; } = "";

    /// <summary>
    /// What the read paths pick from, read back from a loaded database: the lead units of open cases (busiest first),
    /// the districts and subjects of the newest 5,000 cases, and 1,000 case numbers registered at moments spread over the year.
    /// </summary>
    private static async Task<LoadResult> LoadedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var cases = db.Cases.AsNoTracking();
        var leadUnits = await cases.Where(Hotline.Domain.Cases.Case.Open).Where(c => c.LeadUnitCode != null)
            .GroupBy(c => c.LeadUnitCode!).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Select(g => g.Key).ToListAsync();
        var newest = await cases.OrderByDescending(c => c.CreatedAt).Take(5_000).Select(c => new { c.DistrictCode, c.SubjectCode }).ToListAsync();
        var random = new Random(7);
        var numbers = new List<string>();
        for (var i = 0; i < 1_000; i++)
        {
            var at = Now.AddMinutes(-random.Next(365 * 24 * 60));
            if (await cases.Where(c => c.CreatedAt >= at).OrderBy(c => c.CreatedAt).Select(c => c.Number).FirstOrDefaultAsync() is { } number)
                numbers.Add(number);
        }

        return new LoadResult(0, TimeSpan.Zero, numbers)
        {
            LeadUnits = leadUnits,
            Districts = newest.Select(c => c.DistrictCode).OfType<string>().Distinct().ToList(),
            Subjects = newest.Select(c => c.SubjectCode).OfType<string>().Distinct().ToList(),
        };
    }

    private static async Task<int> CountCasesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    /// <summary>The columns that hold a moment (SQLite stores them as ticks, so the copier must be told).</summary>
    private static HashSet<(string Table, string Column)> MomentColumns(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContext();
        return db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties()
                .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))
                .Select(p => (e.GetTableName()!, p.GetColumnName())))
            .ToHashSet();
    }

    public static async Task<HttpClient> SignInAsync(BenchHost host, string userName, string password)
    {
        var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A user of <paramref name="role"/> (of <paramref name="unitCode"/> for a unit's user) and a client signed in as them.</summary>
    public static async Task<HttpClient> UserAsync(BenchHost host, string userName, string role, string? unitCode) =>
        await SignInAsync(host, userName + UserSuffix, await CreateUserAsync(host, userName + UserSuffix, role, unitCode));

    /// <summary>Creates a user of <paramref name="role"/>; returns the password.</summary>
    private static async Task<string> CreateUserAsync(BenchHost host, string userName, string role, string? unitCode)
    {
        var password = "bench-user-" + Guid.NewGuid().ToString("N");
        var users = host.Services.GetRequiredService<UserService>();
        var user = new NewUser(userName, userName, password, [role], unitCode, null);
        var errors = await users.ValidateAsync(user);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        await users.CreateAsync(user);
        return password;
    }
}
