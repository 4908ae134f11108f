using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

public class DatabaseMigrationTests
{
    [Fact]
    public async Task Should_CreateAndMigrateTheSqliteFile_When_StartedOnAFreshPath()
    {
        await using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "not", "yet", "hotline.db");

        await using (var services = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.Sqlite, $"Data Source={file}"))
        {
            Assert.True(File.Exists(file));
            await AssertFullyMigratedAsync(services);
            await services.GetRequiredService<IWorkflowInstanceStore>().CommitAsync(NewInstanceCommit("i1"));
        }
    }

    [Fact]
    public async Task Should_KeepDataAndChangeNothing_When_MigratedAgain()
    {
        await using var directory = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(directory.Path, "hotline.db")}";
        await using (var first = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.Sqlite, connectionString))
            await first.GetRequiredService<IWorkflowInstanceStore>().CommitAsync(NewInstanceCommit("i1"));

        await using var second = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.Sqlite, connectionString);
        await second.MigrateHotlineDatabaseAsync();

        await AssertFullyMigratedAsync(second);
        Assert.NotNull(await second.GetRequiredService<IWorkflowInstanceStore>().FindAsync("i1"));
    }

    [Fact]
    public async Task Should_PutTheDefaultDatabaseUnderTheContentRoot_When_NoConnectionStringIsConfigured()
    {
        await using var directory = new TempDirectory();
        await using var services = PersistenceTestServices.Create(DatabaseProvider.Sqlite, connectionString: null, contentRoot: directory.Path);

        await services.MigrateHotlineDatabaseAsync();

        Assert.True(File.Exists(Path.Combine(directory.Path, "data", "hotline.db")));
    }

    [Fact]
    public async Task Should_ApplyEveryMigrationOnceAndKeepData_When_PostgreSqlIsMigratedTwice()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var first = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString))
            await first.GetRequiredService<IWorkflowInstanceStore>().CommitAsync(NewInstanceCommit("i1"));

        await using var second = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString);

        await AssertFullyMigratedAsync(second);
        Assert.NotNull(await second.GetRequiredService<IWorkflowInstanceStore>().FindAsync("i1"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_MigrateWithoutLoggingAnError_When_ThePostgreSqlDatabaseIsNew(bool databaseExists)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        if (!databaseExists)
            await PostgresDatabase.ExecuteAsync(PostgresDatabase.AdminConnectionString, $"DROP DATABASE \"{database.Name}\"");
        var logs = new CapturingLoggerProvider();
        await using var services = PersistenceTestServices.Create(DatabaseProvider.PostgreSql, database.ConnectionString,
            configure: s => s.AddLogging(logging => logging.AddProvider(logs)));

        await services.MigrateHotlineDatabaseAsync();

        await AssertFullyMigratedAsync(services);
        // EF Core's migrator read the history table before creating it and logged the failed read as an error: the first
        // line an operator saw on a first start.
        Assert.Contains(logs.Records, r => r.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Should_CompressTheBurstJsonWithLz4AndLeaveRoomForUpdates_When_PostgreSqlIsMigrated()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var services = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();

        var methods = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || '.' || a.attname || '=' || a.attcompression::text AS "Value"
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE (c.relname = 'WorkflowHistory' AND a.attname IN ('JournalJson', 'RecordsJson'))
               OR (c.relname = 'WorkflowInstances' AND a.attname IN ('State', 'Name'))
            ORDER BY 1
            """).ToListAsync();

        // 'l' = lz4; a column left alone keeps the server's default ('' = default_toast_compression).
        Assert.Equal(["WorkflowHistory.JournalJson=l", "WorkflowHistory.RecordsJson=l", "WorkflowInstances.Name=", "WorkflowInstances.State=l"], methods);
        var options = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ':' || coalesce(array_to_string(c.reloptions, ','), '') AS "Value"
            FROM pg_class c WHERE c.relname IN ('WorkflowInstances', 'WorkflowHistory') ORDER BY 1
            """).ToListAsync();
        Assert.Equal(["WorkflowHistory:", "WorkflowInstances:fillfactor=70"], options);
    }

    [Theory]
    [InlineData("Host=db;Database=hotline", "64")]
    [InlineData("Host=db;Database=hotline;Max Auto Prepare=0", "0")]
    [InlineData("Host=db;Database=hotline;maxautoprepare=10", "10")]
    public void Should_PrepareFrequentStatements_Unless_TheConnectionStringSaysOtherwise(string configured, string expected)
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.PostgreSqlConnectionString(new HotlineDatabaseOptions { ConnectionString = configured }));

        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("hotline", result.Database);
    }

    [Fact]
    public async Task Should_CreateThePostgreSqlContext_When_ProviderIsPostgreSql()
    {
        await using var services = PersistenceTestServices.Create(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused");
        await using var scope = services.CreateAsyncScope();

        Assert.IsType<PostgreSqlHotlineDbContext>(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }

    private static async Task AssertFullyMigratedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // A model changed without `build/add-migration.sh` would be caught here.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    private static WorkflowCommit NewInstanceCommit(string id) => new(
        new WorkflowInstance { Id = id, DefinitionId = "d1", DefinitionVersionId = "v1", State = [], Revision = 1 },
        ExpectedRevision: 0, [], [], [], []);
}
