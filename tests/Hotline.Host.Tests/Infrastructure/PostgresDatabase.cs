using Npgsql;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// A database of its own on the PostgreSQL server that <c>build/test.sh</c> starts, dropped on dispose.
/// Test assemblies run in parallel, so every test gets a uniquely named database.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>Connection string of the server's maintenance database, set by <c>build/test.sh</c>.</summary>
    public const string EnvironmentVariable = "HOTLINE_TEST_PG";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database name, <c>hotline_test_&lt;guid&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>Connection string for this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Connection string of the maintenance database, used to create and drop test databases.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: PostgreSQL tests are required, never skipped.</exception>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with build/test.sh, which starts a throwaway " +
                $"PostgreSQL and sets it, or point {EnvironmentVariable} at a server " +
                "(Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");

    /// <summary>Creates a new, empty database (for the tests of migrating one).</summary>
    public static Task<PostgresDatabase> CreateAsync() => CreateAsync(template: null);

    /// <summary>
    /// Creates a new database already migrated: a copy of <see cref="MigratedTemplate"/>'s, much faster than migrating
    /// (the host's start-up migration then finds nothing to do).
    /// </summary>
    public static async Task<PostgresDatabase> CreateMigratedAsync() => await CreateAsync(await MigratedTemplate.PostgreSqlTemplateAsync());

    private static async Task<PostgresDatabase> CreateAsync(string? template)
    {
        var admin = AdminConnectionString;
        var name = $"hotline_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    /// <summary>Drops the database, closing connections still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        // The drop terminates this database's connections; idle pooled ones would fail on their next use.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
