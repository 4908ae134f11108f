using Hotline.Host.Cli;
using Hotline.Host.Demo;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Demo;

/// <summary><c>demo seed</c> against a real database, on each provider.</summary>
public abstract class DemoSeedTests : IAsyncLifetime
{
    private static readonly DemoData City = DemoCity.Load();

    protected abstract DatabaseProvider Provider { get; }

    private ServiceProvider _services = null!;

    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hotline:Database:Provider"] = Provider.ToString(), ["Hotline:Database:ConnectionString"] = ConnectionString })
            .Build();
        _services = new ServiceCollection().AddHotlinePersistence(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    [Fact]
    public async Task Should_MigrateAndLoadTheWholeCity_When_SeedingADevelopmentDatabase()
    {
        var (exitCode, stdout, stderr) = await SeedAsync("--environment", "Development");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"units: {City.Units.Count} ({City.Units.Count} added)", stdout, StringComparison.Ordinal);
        Assert.Contains($"knowledge articles: {City.Articles.Count} ({City.Articles.Count} added)", stdout, StringComparison.Ordinal);
        await using var db = await CreateContextAsync();
        var levels = await db.HandlingUnits.GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(4, levels.Count);
        Assert.True(levels.Sum(l => l.Count) >= 40);
        Assert.True(await db.Subjects.CountAsync(s => s.ParentCode != null) >= 30);
        Assert.True(await db.KnowledgeArticles.CountAsync(a => a.IsActive) >= 50);
        Assert.Equal(City.Rules.Count, await db.RoutingRules.CountAsync());
    }

    [Fact]
    public async Task Should_AddNothingAndKeepEdits_When_SeededTwice()
    {
        Assert.Equal(0, (await SeedAsync("--environment", "Development")).ExitCode);
        await using (var db = await CreateContextAsync())
        {
            var unit = await db.HandlingUnits.SingleAsync(u => u.Code == "DH");
            unit.ContactPhone = "0399-1234567";
            await db.SaveChangesAsync();
        }

        var (exitCode, stdout, _) = await SeedAsync("--environment", "Development");

        Assert.Equal(0, exitCode);
        Assert.Contains($"units: {City.Units.Count} (0 added)", stdout, StringComparison.Ordinal);
        Assert.Contains($"subjects: {City.Subjects.Count} (0 added)", stdout, StringComparison.Ordinal);
        Assert.Contains($"routing rules: {City.Rules.Count} (0 added)", stdout, StringComparison.Ordinal);
        Assert.Contains($"knowledge articles: {City.Articles.Count} (0 added)", stdout, StringComparison.Ordinal);
        await using var read = await CreateContextAsync();
        Assert.Equal(City.Units.Count, await read.HandlingUnits.CountAsync());
        Assert.Equal("0399-1234567", (await read.HandlingUnits.SingleAsync(u => u.Code == "DH")).ContactPhone);
    }

    [Fact]
    public async Task Should_Seed_When_ForcedInProduction()
    {
        var (exitCode, stdout, stderr) = await SeedAsync("--environment", "Production", "--force");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("environment: Production (forced)", stdout, StringComparison.Ordinal);
        await using var db = await CreateContextAsync();
        Assert.Equal(City.Units.Count, await db.HandlingUnits.CountAsync());
    }

    [Fact]
    public async Task Should_RefuseAndLeaveTheDatabaseEmpty_When_SeedingInProductionWithoutForce()
    {
        var (exitCode, _, stderr) = await SeedAsync("--environment", "Production");

        Assert.Equal(1, exitCode);
        Assert.Contains("refusing", stderr, StringComparison.Ordinal);
        await _services.MigrateHotlineDatabaseAsync();
        await using var db = await CreateContextAsync();
        Assert.Equal(0, await db.HandlingUnits.CountAsync());
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> SeedAsync(params string[] options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLine.TryRunAsync(
            ["demo", "seed", .. options, $"--Hotline:Database:Provider={Provider}", $"--Hotline:Database:ConnectionString={ConnectionString}"],
            stdout, stderr);
        return (exitCode ?? -1, stdout.ToString(), stderr.ToString());
    }

    private Task<HotlineDbContext> CreateContextAsync() => _services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
}

public sealed class SqliteDemoSeedTests : DemoSeedTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hotline-test-{Guid.NewGuid():N}");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult($"Data Source={Path.Combine(_directory, "hotline.db")}");
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlDemoSeedTests : DemoSeedTests
{
    private PostgresDatabase _database = null!;

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return _database.ConnectionString;
    }

    protected override async Task DropDatabaseAsync() => await _database.DisposeAsync();
}
