using Npgsql;

namespace Hotline.Bench;

/// <summary>Databases of the bench's own on a PostgreSQL server given by the caller.</summary>
internal static class Databases
{
    /// <summary>Creates a new empty database on <paramref name="server"/>'s server and returns its connection string.</summary>
    public static async Task<string> NewPostgreSqlDatabaseAsync(string server, string purpose)
    {
        var name = $"hotline_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
