using Hotline.Domain.Search;
using Hotline.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Persistence;

/// <summary>Registers Hotline's database and the EF Core workflow stores, and migrates the database.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// EF Core's warnings as every provider logs them. A limit without an order is logged at debug level: a list's total is
    /// counted up to its cap (<see cref="ListTotal"/>) with exactly that, on purpose, and every page the project reads is
    /// ordered (the tests page every list).
    /// </summary>
    private static void Warnings(WarningsConfigurationBuilder warnings) =>
        warnings.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug));

    /// <summary>
    /// Registers <see cref="HotlineDbContext"/> on the provider named by <c>Hotline:Database:Provider</c>: a pooled
    /// <see cref="IDbContextFactory{HotlineDbContext}"/> for short-lived contexts, a scoped <see cref="HotlineDbContext"/>
    /// for request handlers and workflow bursts, the EF Core <see cref="IWorkflowDefinitionStore"/> and
    /// <see cref="IWorkflowInstanceStore"/>, and the unit of work of a burst (<see cref="DatabaseBurstScopeFactory"/>).
    /// </summary>
    public static IServiceCollection AddHotlinePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HotlineDatabaseOptions>()
            .Bind(configuration.GetSection(HotlineDatabaseOptions.SectionName))
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"{HotlineDatabaseOptions.SectionName}:ConnectionString is required for PostgreSql and SqlServer.")
            .ValidateOnStart();

        // All are registered, the configured one is used: the options are read when the first context is
        // needed, so settings a test host adds after this call still count.
        // Per-connection SQLite settings (synchronous=NORMAL, busy_timeout): see the interceptor for what they trade.
        services.AddPooledDbContextFactory<SqliteHotlineDbContext>((sp, builder) =>
            builder.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value, sp.GetService<IHostEnvironment>()))
                .AddInterceptors([SqliteConnectionSettingsInterceptor.Instance, SqliteWriteGate.Instance, .. Hooks(sp)]).ConfigureWarnings(Warnings));
        services.AddPooledDbContextFactory<PostgreSqlHotlineDbContext>((sp, builder) =>
            builder.UseNpgsql(PostgreSqlConnectionString(sp.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value))
                .AddInterceptors(Hooks(sp)).ConfigureWarnings(Warnings));
        services.AddPooledDbContextFactory<SqlServerHotlineDbContext>((sp, builder) =>
            builder.UseSqlServer(sp.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value.ConnectionString)
                .AddInterceptors(Hooks(sp)).ConfigureWarnings(Warnings));
        services.AddSingleton<IDbContextFactory<HotlineDbContext>>(sp =>
            sp.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.Sqlite => new HotlineDbContextFactory<SqliteHotlineDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteHotlineDbContext>>()),
                DatabaseProvider.PostgreSql => new HotlineDbContextFactory<PostgreSqlHotlineDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlHotlineDbContext>>()),
                DatabaseProvider.SqlServer => new HotlineDbContextFactory<SqlServerHotlineDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerHotlineDbContext>>()),
                var other => throw new OptionsValidationException(HotlineDatabaseOptions.SectionName, typeof(HotlineDatabaseOptions), [$"Unknown database provider '{other}'."]),
            });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContext());

        // One segmenter per process: its dictionary is loaded once, on first use (see ChineseSegmenter).
        services.TryAddSingleton(_ => ChineseSegmenter.Instance);

        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<IBurstScopeFactory, DatabaseBurstScopeFactory>();
        // On SQLite, the write-ahead log is checkpointed in the background rather than inside commits.
        services.AddHostedService<SqliteWalCheckpointer>();
        services.AddHostedService<SqlitePlannerStatistics>();
        return services;
    }

    /// <summary>
    /// Creates the database if needed (for SQLite, the file and its directory), applies pending migrations and indexes
    /// for full-text search the rows the index lacks (<see cref="SearchIndexBackfill"/>).
    /// </summary>
    /// <remarks>
    /// An unreachable database is tried again with back-off for <see cref="DatabaseStartupRetryOptions.MaxWait"/>
    /// (<c>Hotline:Database:StartupRetry</c>). The wait is real time (<see cref="TimeProvider.System"/>): a server coming
    /// up does not follow a test's fake clock.
    /// </remarks>
    public static async Task MigrateHotlineDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value.StartupRetry;
        // The command-line tools build providers without logging.
        var loggers = services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        await DatabaseStartup.RunAsync(ct => MigrateOnceAsync(services, ct), options, loggers.CreateLogger(typeof(DatabaseStartup).FullName!), TimeProvider.System, cancellationToken);
        await SearchIndexBackfill.RunAsync(services.GetRequiredService<IDbContextFactory<HotlineDbContext>>(), loggers.CreateLogger(typeof(SearchIndexBackfill).FullName!), cancellationToken);
    }

    private static async Task MigrateOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await CreateHistoryTableAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // Write-ahead logging lets readers (the API, the designer) read while the engine commits. The mode is stored in the file.
        if (db is SqliteHotlineDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // The planner's statistics for tables and indexes that lack them (a migration's new index) or outgrew them.
            await db.Database.ExecuteSqlRawAsync(SqlitePlannerStatistics.Optimize, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the database and its migrations history table when they are missing. <c>MigrateAsync</c> would create
    /// them too, but on a new PostgreSQL database it first reads the missing table and logs the failed read as an error
    /// (<c>fail: … FROM "__EFMigrationsHistory"</c>, dotnet/efcore#37328) — the first line an operator saw on a first start.
    /// </summary>
    private static async Task CreateHistoryTableAsync(HotlineDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        try
        {
            if (!await creator.ExistsAsync(cancellationToken))
                await creator.CreateAsync(cancellationToken);
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Data.Common.DbException failure)
        {
            // The provider's execution strategy wraps a server that cannot be reached ("likely due to a transient
            // failure"); what an operator needs to read, once the start-up's retries give up, is the connection error.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>
    /// The save hooks: the search index, the notifications on the container's clock (a test host's fake one) and, after
    /// them, the outbox (it sends what the notifications hook added), when registered.
    /// </summary>
    private static IInterceptor[] Hooks(IServiceProvider services)
    {
        var notifications = new Notifications.NotificationWriter(services.GetService<TimeProvider>() ?? TimeProvider.System);
        return services.GetService<Outbox.OutboxWriter>() is { } outbox
            ? [SearchIndexer.Instance, notifications, outbox]
            : [SearchIndexer.Instance, notifications];
    }

    /// <summary>Statements a PostgreSQL connection prepares automatically unless the connection string says otherwise.</summary>
    internal const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The PostgreSQL connection string, with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>) unless the
    /// string sets it: a statement a connection runs often (the commit's inserts and updates, the burst's look-ups) is
    /// then parsed and planned once per physical connection instead of on every execution. Measured on the workflow
    /// cycle: the commit's write round trip 730 → 560 µs. A pooler that cannot keep prepared statements (PgBouncer in
    /// transaction mode before 1.21) needs <c>Max Auto Prepare=0</c> in the configured string.
    /// </summary>
    internal static string PostgreSqlConnectionString(HotlineDatabaseOptions options)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        var setsIt = given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (!setsIt)
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>The SQLite connection string with a relative data source resolved against the content root, whose directory is created.</summary>
    internal static string SqliteConnectionString(HotlineDatabaseOptions options, IHostEnvironment? environment)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString)
            ? HotlineDatabaseOptions.DefaultSqliteConnectionString
            : options.ConnectionString);
        var dataSource = builder.DataSource;
        // In-memory databases and URI file names are taken as given.
        var notAPath = builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:" ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (notAPath)
            return builder.ToString();
        if (!Path.IsPathRooted(dataSource))
            builder.DataSource = dataSource = Path.GetFullPath(Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), dataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(dataSource)!);
        return builder.ToString();
    }

    private sealed class HotlineDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<HotlineDbContext>
        where TContext : HotlineDbContext
    {
        public HotlineDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<HotlineDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
