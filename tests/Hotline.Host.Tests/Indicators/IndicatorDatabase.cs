using Hotline.Host.Calendar;
using Hotline.Host.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The case, calendar and indicator services on a migrated database of their own (a temporary SQLite file or a fresh
/// PostgreSQL database), with a fake clock.
/// </summary>
public sealed class IndicatorDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly PostgresDatabase? _postgres;

    private IndicatorDatabase(ServiceProvider services, string? directory, PostgresDatabase? postgres)
    {
        Services = services;
        _directory = directory;
        _postgres = postgres;
    }

    public ServiceProvider Services { get; }

    public IDbContextFactory<HotlineDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<IndicatorDatabase> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        string? directory = null;
        PostgresDatabase? postgres = null;
        string connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"hotline-test-{Guid.NewGuid():N}")).FullName;
            connectionString = $"Data Source={Path.Combine(directory, "hotline.db")}";
        }
        else
        {
            postgres = await PostgresDatabase.CreateAsync();
            connectionString = postgres.ConnectionString;
        }

        var values = new Dictionary<string, string?>
        {
            ["Hotline:Database:Provider"] = provider.ToString(),
            ["Hotline:Database:ConnectionString"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // The indicators never read the clock; the fake one stands in for the calendar's cache and seeding.
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 2, 0, 0, TimeSpan.Zero)));
        services.AddHotlinePersistence(configuration);
        services.AddHotlineCases(configuration);
        services.AddHotlineCalendar(configuration);
        services.AddHotlineIndicators();
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await built.MigrateHotlineDatabaseAsync();
        return new IndicatorDatabase(built, directory, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
