using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// One database per provider migrated once per test process, by the host's own migration code, that test databases
/// start as a copy of: a SQLite file copied, a PostgreSQL database created with <c>TEMPLATE</c>. Migrating every
/// test's database anew was most of a test host's start. The hosts still run their start-up migration on the copy
/// (a no-op that reads the applied migrations), and the tests of migration itself start from empty databases
/// (<see cref="PostgresDatabase.CreateAsync"/>, a SQLite path with no file).
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> SqliteFile = new(CreateSqliteFileAsync);
    private static readonly Lazy<Task<string>> PostgreSqlDatabase = new(CreatePostgreSqlDatabaseAsync);

    /// <summary>Copies the migrated SQLite file to <paramref name="file"/> (whose folder is created), unless a file is there already.</summary>
    public static void CopySqliteTo(string file)
    {
        if (File.Exists(file))
            return;
        // Task.Run: a blocking wait on the test's synchronization context could wait for itself.
        var template = Task.Run(() => SqliteFile.Value).GetAwaiter().GetResult();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(template, file);
    }

    /// <summary>The name of the migrated PostgreSQL database to create test databases from (no one may connect to it).</summary>
    public static Task<string> PostgreSqlTemplateAsync() => PostgreSqlDatabase.Value;

    private static async Task<string> CreateSqliteFileAsync()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"hotline-template-{Guid.NewGuid():N}")).FullName;
        var file = Path.Combine(directory, "hotline.db");
        var connectionString = $"Data Source={file}";
        await using (await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.Sqlite, connectionString))
        {
        }

        // The file is in WAL mode: the last connection to close writes the log into the file, so the file alone is the database.
        using (var pooled = new SqliteConnection(connectionString))
            SqliteConnection.ClearPool(pooled);
        await using (var connection = new SqliteConnection(connectionString + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(directory);
        return file;
    }

    private static async Task<string> CreatePostgreSqlDatabaseAsync()
    {
        // A name of this process's own: test projects (and CI runs) on one server never share or race for a template.
        var name = $"{TemplatePrefix}{ProcessTag(Environment.ProcessId)}{Guid.NewGuid().ToString("N")[..12]}";
        var admin = PostgresDatabase.AdminConnectionString;
        await DropTemplatesOfEndedProcessesAsync(admin);
        await PostgresDatabase.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        // No pooling: a connection left open to the template would make every CREATE DATABASE ... TEMPLATE fail.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        await using (await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, connectionString))
        {
        }

        // Nobody (a stray test, autovacuum) connects to it from now on.
        await PostgresDatabase.ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        // Dropped when the process ends, if the test host is given the time; else by the next run on this machine.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(admin, name).GetAwaiter().GetResult();
        return name;
    }

    private const string TemplatePrefix = "hotline_template_";

    /// <summary>The machine and the process, in a template's name: <c>&lt;8 hex digits&gt;_&lt;pid&gt;_</c>.</summary>
    private static string ProcessTag(int processId) =>
        $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Environment.MachineName)))[..8]}_{processId}_";

    /// <summary>Drops the templates that test processes of this machine left behind (a test host may be stopped before its exit handlers run).</summary>
    private static async Task DropTemplatesOfEndedProcessesAsync(string admin)
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'hotline\\_template\\_%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        }

        foreach (var name in names)
        {
            var parts = name[TemplatePrefix.Length..].Split('_');
            if (parts.Length >= 2 && int.TryParse(parts[1], out var processId) && name.StartsWith(TemplatePrefix + ProcessTag(processId), StringComparison.Ordinal) && !IsRunning(processId))
                await DropQuietly(admin, name);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task DropQuietly(string admin, string name)
    {
        try
        {
            await PostgresDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The throwaway server may be gone already, or another run dropped it first.
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
