using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Bench;

/// <summary>
/// What the database itself can commit on this machine, measured in the same run as Hotline's figures: one thread, a
/// transaction per row, each inserting one ~200-byte row into a table with a primary key and nothing else. Hotline's
/// commits per second are then printed as a share of it (<see cref="Share"/>).
/// </summary>
/// <remarks>
/// SQLite with the host's settings (write-ahead log, <c>synchronous=NORMAL</c>, <c>BEGIN IMMEDIATE</c>: see
/// Hotline.Domain's SqliteConnectionSettingsInterceptor); PostgreSQL as the server given is configured — the line
/// names its <c>fsync</c> and <c>synchronous_commit</c> settings, since with fsync off (a throwaway test server) the
/// ceiling is CPU, not the disk.
/// </remarks>
internal static class DatabaseCeiling
{
    private static readonly string Payload = new('x', 200);

    /// <summary>Raw 1-row insert transactions per second on a new SQLite database in <paramref name="directory"/>.</summary>
    public static async Task<double> SqliteAsync(string directory, TimeSpan duration)
    {
        var path = Path.Combine(directory, "ceiling.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        await ExecuteAsync(connection, "CREATE TABLE ceiling (id INTEGER PRIMARY KEY, instance TEXT NOT NULL, payload TEXT NOT NULL)");
        var rate = await MeasureAsync("ceiling", connection, 0, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling on SQLite (WAL, synchronous=NORMAL, BEGIN IMMEDIATE), 1 thread: {rate:N0} one-row insert transactions/s"));
        return rate;
    }

    /// <summary>
    /// Raw 1-row insert transactions per second on the PostgreSQL server of <paramref name="connectionString"/>, from
    /// <paramref name="connections"/> connections at once (as many as Hotline's workers: with fsync on, concurrent
    /// commits share the log's flushes, so one connection alone would understate what the server can commit).
    /// </summary>
    public static async Task<double> PostgreSqlAsync(string connectionString, int connections, TimeSpan duration)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var fsync = await ScalarAsync(connection, "SHOW fsync");
        var synchronousCommit = await ScalarAsync(connection, "SHOW synchronous_commit");
        var table = "hotline_bench_ceiling_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(connection, $"CREATE TABLE {table} (id bigint PRIMARY KEY, instance text NOT NULL, payload text NOT NULL)");
        try
        {
            var rates = await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
            {
                await using var own = new NpgsqlConnection(connectionString);
                await own.OpenAsync();
                return await MeasureAsync(table, own, (long)worker << 40, duration);
            }));
            var rate = rates.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ceiling on PostgreSQL (fsync={fsync}, synchronous_commit={synchronousCommit}), {connections} connections: {rate:N0} one-row insert transactions/s"));
            return rate;
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE {table}");
        }
    }

    /// <summary>The ratio line: Hotline's commits per second as a share of the raw rate.</summary>
    public static void Share(string label, double commitsPerSecond, double ceiling) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio on {label}: Hotline {commitsPerSecond:N0} commits/s = {100 * commitsPerSecond / ceiling:F1} % of the raw {ceiling:N0} transactions/s (target ≥ 25 %)"));

    private static async Task<double> MeasureAsync(string table, DbConnection connection, long firstId, TimeSpan duration)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {table} (id, instance, payload) VALUES (@p1, @p2, @p3)";
        var id = insert.CreateParameter();
        var instance = insert.CreateParameter();
        var payload = insert.CreateParameter();
        id.ParameterName = "p1";
        instance.ParameterName = "p2";
        payload.ParameterName = "p3";
        // Values before Prepare: PostgreSQL prepares with the parameters' types.
        id.Value = 0L;
        instance.Value = "";
        payload.Value = Payload;
        insert.Parameters.Add(id);
        insert.Parameters.Add(instance);
        insert.Parameters.Add(payload);
        await insert.PrepareAsync();

        var next = firstId;
        // Warm-up: the first transactions pay for JIT compilation and growing the files.
        for (var i = 0; i < 500; i++)
            await InsertAsync(connection, insert, id, instance, ++next);
        var stopwatch = Stopwatch.StartNew();
        long done = 0;
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++)
                await InsertAsync(connection, insert, id, instance, ++next);
            done += 100;
        }

        return done / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task InsertAsync(DbConnection connection, DbCommand insert, DbParameter id, DbParameter instance, long next)
    {
        // SQLite: Microsoft.Data.Sqlite starts a transaction as BEGIN IMMEDIATE, as the host's commits do.
        await using var transaction = await connection.BeginTransactionAsync();
        insert.Transaction = transaction;
        id.Value = next;
        instance.Value = next.ToString("x16", CultureInfo.InvariantCulture);
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "?";
    }
}
