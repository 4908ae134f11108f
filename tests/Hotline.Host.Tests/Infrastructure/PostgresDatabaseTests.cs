using Npgsql;
using Xunit;

namespace Hotline.Host.Tests.Infrastructure;

public class PostgresDatabaseTests
{
    [Fact]
    public async Task Should_AnswerQueriesInItsOwnDatabaseAndDropIt_When_CreatedAndDisposed()
    {
        var database = await PostgresDatabase.CreateAsync();
        await using (database)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select 1+1, current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(2, reader.GetInt32(0));
            Assert.Equal(database.Name, reader.GetString(1));
        }

        await using var admin = new NpgsqlConnection(PostgresDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = $1", admin)
        {
            Parameters = { new() { Value = database.Name } },
        };
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
