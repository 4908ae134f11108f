using Hotline.Host.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Host.Tests.Cases;

/// <summary>
/// The case services (<c>AddHotlinePersistence</c> + <c>AddHotlineCases</c>) on a migrated database of their own —
/// a temporary SQLite file or a fresh PostgreSQL database — with a fake clock.
/// </summary>
public sealed class CaseDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly PostgresDatabase? _postgres;

    private CaseDatabase(ServiceProvider services, FakeTimeProvider clock, string? directory, PostgresDatabase? postgres)
    {
        Services = services;
        Clock = clock;
        _directory = directory;
        _postgres = postgres;
    }

    /// <summary>10:00 on Monday 2 March 2026 in China.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public IDbContextFactory<HotlineDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Migrates a new database for <paramref name="provider"/> with the case services, the clock at
    /// <paramref name="start"/> (<see cref="Start"/> by default), and whatever else <paramref name="addServices"/> adds.
    /// </summary>
    public static async Task<CaseDatabase> CreateAsync(
        DatabaseProvider provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IConfiguration>? addServices = null,
        DateTimeOffset? start = null)
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
        var clock = new FakeTimeProvider(start ?? Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddHotlinePersistence(configuration);
        services.AddHotlineCases(configuration);
        addServices?.Invoke(services, configuration);
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await built.MigrateHotlineDatabaseAsync();
        return new CaseDatabase(built, clock, directory, postgres);
    }

    /// <summary>A workflow runtime on this database whose tasks go to <paramref name="dispatcher"/>.</summary>
    public WorkflowRuntime CreateRuntime(ITaskDispatcher dispatcher) => new(
        ActivityRegistry.CreateDefault(),
        Get<IWorkflowDefinitionStore>(),
        Get<IWorkflowInstanceStore>(),
        new EngineServices { Clock = Clock, TextOutput = new NullTextOutput(), HostServices = Services },
        dispatcher);

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

    private sealed class NullTextOutput : ITextOutput
    {
        public void WriteLine(string workflowInstanceId, string text)
        {
        }
    }
}

/// <summary>Fails every hand-over after the commit: the process died, or the dispatcher's database session ended.</summary>
public sealed class CrashingTaskDispatcher : ITaskDispatcher
{
    /// <summary>How many tasks the engine tried to hand over after a commit.</summary>
    public int Calls { get; private set; }

    public Task DispatchAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        throw new InvalidOperationException("The process died after the commit.");
    }
}
