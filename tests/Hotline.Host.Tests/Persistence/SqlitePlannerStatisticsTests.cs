using Hotline.Domain.Persistence;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// SQLite's planner statistics: refreshed after the migrations and by the background service, so the planner picks the
/// indexes a big database needs (without them it guesses, and at a million cases guessed wrong).
/// </summary>
public class SqlitePlannerStatisticsTests
{
    [Fact]
    public async Task Should_give_the_planner_statistics_of_a_table_that_had_none_When_the_service_runs()
    {
        await using var directory = new TempDirectory();
        var (file, services) = await DatabaseWithoutStatisticsAsync(directory);
        await using var _ = services;

        var refreshed = ActivatorUtilities.CreateInstance<SqlitePlannerStatistics>(services).RunOnce();

        Assert.True(refreshed);
        Assert.True(await StatisticsRowsAsync(file, "WorkflowInstances") > 0);
    }

    [Fact]
    public async Task Should_refresh_the_statistics_When_the_database_is_migrated_at_start_up()
    {
        await using var directory = new TempDirectory();
        var (file, services) = await DatabaseWithoutStatisticsAsync(directory);
        await using var _ = services;

        await services.MigrateHotlineDatabaseAsync();

        Assert.True(await StatisticsRowsAsync(file, "WorkflowInstances") > 0);
    }

    [Fact]
    public async Task Should_do_nothing_When_the_database_is_in_memory()
    {
        await using var services = PersistenceTestServices.Create(DatabaseProvider.Sqlite, "Data Source=statistics-test;Mode=Memory;Cache=Shared");

        Assert.False(ActivatorUtilities.CreateInstance<SqlitePlannerStatistics>(services).RunOnce());
    }

    /// <summary>A migrated SQLite file whose workflow instances table got 300 rows after the migration: no statistics of it yet.</summary>
    private static async Task<(string File, ServiceProvider Services)> DatabaseWithoutStatisticsAsync(TempDirectory directory)
    {
        var file = Path.Combine(directory.Path, "hotline.db");
        var services = await PersistenceTestServices.CreateOnMigratedSqliteAsync(file);
        var store = services.GetRequiredService<IWorkflowInstanceStore>();
        for (var i = 0; i < 300; i++)
            await store.CommitAsync(new WorkflowCommit(new WorkflowInstance { Id = $"i{i}", DefinitionId = "d1", DefinitionVersionId = "v1", State = [], Revision = 1 }, 0, [], [], [], []));
        Assert.Equal(0L, await StatisticsRowsAsync(file, "WorkflowInstances"));
        return (file, services);
    }

    /// <summary>The planner's statistics rows of <paramref name="table"/> (0 when SQLite has none at all).</summary>
    private static async Task<long> StatisticsRowsAsync(string file, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1';";
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
            return 0;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = $table;";
        command.Parameters.AddWithValue("$table", table);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
