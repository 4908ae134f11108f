using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
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

    /// <summary>An inbox row for <paramref name="caseId"/> given to <paramref name="unit"/> at <see cref="Start"/>, as a workflow's task would write it.</summary>
    public static InboxTask NewTask(Guid caseId, string unit, InboxTaskKind kind = InboxTaskKind.Handle, InboxTaskStatus status = InboxTaskStatus.Open) => new()
    {
        TaskId = "wf-" + Guid.NewGuid().ToString("N")[..8] + ":task", CaseId = caseId, UnitCode = unit, Kind = kind,
        TaskName = kind == InboxTaskKind.Assist ? "协办" : "办理", Status = status, CreatedAt = Start, WorkflowInstanceId = "wf", BookmarkId = "b",
    };

    public FakeTimeProvider Clock { get; }

    public IDbContextFactory<HotlineDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    /// <summary>A service of the database's own long-lived scope (scoped services read through its one context: use them one at a time).</summary>
    public T Get<T>()
        where T : notnull => (_scope ??= Services.CreateScope()).ServiceProvider.GetRequiredService<T>();

    /// <summary>Registers cases outside a workflow, each in its own scope (they may be registered concurrently).</summary>
    public CaseRegistrar Registrar => new(Services);

    private IServiceScope? _scope;

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
            MigratedTemplate.CopySqliteTo(Path.Combine(directory, "hotline.db"));
            connectionString = $"Data Source={Path.Combine(directory, "hotline.db")}";
        }
        else
        {
            postgres = await PostgresDatabase.CreateMigratedAsync();
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

    /// <summary>
    /// A workflow runtime on this database whose bursts run in <paramref name="bursts"/> (the database's own unit of work
    /// by default); it knows the engine's activities, and the hotline's (<c>Hotline.Domain.Activities</c>) when
    /// <paramref name="hotlineActivities"/> is set.
    /// </summary>
    public WorkflowRuntime CreateRuntime(IBurstScopeFactory? bursts = null, bool hotlineActivities = false) => new(
        hotlineActivities
            ? ActivityRegistry.CreateDefault().RegisterAssembly(typeof(Hotline.Domain.Activities.RegisterCase).Assembly)
            : ActivityRegistry.CreateDefault(),
        Get<IWorkflowDefinitionStore>(),
        Get<IWorkflowInstanceStore>(),
        new EngineServices { Clock = Clock, TextOutput = new NullTextOutput(), HostServices = Services },
        bursts ?? Get<IBurstScopeFactory>());

    public async ValueTask DisposeAsync()
    {
        _scope?.Dispose();
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

/// <summary>
/// The database's unit of work, broken after its commit: the process dies once a burst is saved, before anything after
/// the commit (timers, events, the caller's answer) happens.
/// </summary>
public sealed class CrashAfterCommit(IBurstScopeFactory inner) : IBurstScopeFactory
{
    /// <summary>How many bursts were saved before the crash.</summary>
    public int Commits { get; private set; }

    public async ValueTask<IBurstScope> BeginAsync(CancellationToken cancellationToken) => new Scope(await inner.BeginAsync(cancellationToken), this);

    private sealed class Scope(IBurstScope inner, CrashAfterCommit owner) : IBurstScope
    {
        public IServiceProvider? Services => inner.Services;

        public Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.FindInstanceAsync(instanceId, cancellationToken);

        public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken)
        {
            await inner.CommitAsync(commit, cancellationToken);
            owner.Commits++;
            throw new InvalidOperationException("The process died after the commit.");
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
