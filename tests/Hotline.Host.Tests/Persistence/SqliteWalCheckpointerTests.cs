using Hotline.Domain.Persistence;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

public class SqliteWalCheckpointerTests
{
    [Fact]
    public async Task Should_copy_the_commits_from_the_log_into_the_database_file_When_it_checkpoints()
    {
        await using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "hotline.db");
        await using var services = await PersistenceTestServices.CreateOnMigratedSqliteAsync(file);
        var store = services.GetRequiredService<IWorkflowInstanceStore>();
        for (var i = 0; i < 40; i++)
            await store.CommitAsync(new WorkflowCommit(new WorkflowInstance { Id = $"i{i}", DefinitionId = "d1", DefinitionVersionId = "v1", State = [], Revision = 1 }, 0, [], [], [], []));
        // The commits are in the log only (their own checkpoint threshold is far off): the database file alone lacks them.
        Assert.Equal(0L, await InstancesInTheFileAloneAsync(file, directory.Path));

        var logPages = ActivatorUtilities.CreateInstance<SqliteWalCheckpointer>(services).CheckpointOnce();

        Assert.True(logPages > 0, $"log pages: {logPages}");
        Assert.Equal(40L, await InstancesInTheFileAloneAsync(file, directory.Path));
        Assert.NotNull(await store.FindAsync("i39"));
    }

    /// <summary>The instances a copy of the database file holds without its log.</summary>
    private static async Task<long> InstancesInTheFileAloneAsync(string file, string directory)
    {
        var copy = Path.Combine(directory, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"WorkflowInstances\";";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Should_leave_the_commits_checkpoint_as_a_backstop_at_ten_thousand_pages_When_a_context_opens_its_connection()
    {
        await using var directory = new TempDirectory();
        await using var services = await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(directory.Path, "hotline.db"));
        await using var db = await services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";

        Assert.Equal(10_000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Should_create_no_database_and_fail_nothing_When_the_file_does_not_exist_yet()
    {
        await using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "later.db");
        await using var services = PersistenceTestServices.Create(DatabaseProvider.Sqlite, $"Data Source={file}");

        Assert.Null(ActivatorUtilities.CreateInstance<SqliteWalCheckpointer>(services).CheckpointOnce());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Should_do_nothing_When_the_database_is_in_memory()
    {
        await using var services = PersistenceTestServices.Create(DatabaseProvider.Sqlite, "Data Source=checkpoint-test;Mode=Memory;Cache=Shared");
        await using var keepAlive = new SqliteConnection("Data Source=checkpoint-test;Mode=Memory;Cache=Shared");
        await keepAlive.OpenAsync();

        Assert.Null(ActivatorUtilities.CreateInstance<SqliteWalCheckpointer>(services).CheckpointOnce());
    }
}
