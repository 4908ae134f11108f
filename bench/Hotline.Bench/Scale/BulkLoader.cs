using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Bench.Scale;

/// <summary>
/// Writes rows in bulk, not through the API: PostgreSQL's binary COPY, or SQLite prepared inserts in one transaction
/// per batch. Identity and generated columns are left to the database (a search entry's tsvector, its id).
/// </summary>
internal abstract class BulkLoader : IAsyncDisposable
{
    public abstract DbConnection Connection { get; }

    public static async Task<BulkLoader> OpenAsync(string provider, string connectionString)
    {
        if (provider == "PostgreSql")
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return new PostgreSqlLoader(connection);
        }

        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        // The host's settings (SqliteConnectionSettingsInterceptor): WAL, synchronous NORMAL.
        await using (var command = sqlite.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await command.ExecuteNonQueryAsync();
        }

        return new SqliteLoader(sqlite);
    }

    /// <summary>The columns of <paramref name="table"/> the loader writes.</summary>
    public abstract Task<TableColumns> ColumnsAsync(string table);

    /// <summary>Writes one batch: every table's rows.</summary>
    public abstract Task WriteAsync(IReadOnlyList<TableColumns> tables, IReadOnlyList<List<object?[]>> rows);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class PostgreSqlLoader(NpgsqlConnection connection) : BulkLoader
    {
        public override DbConnection Connection => connection;

        public override async Task<TableColumns> ColumnsAsync(string table)
        {
            await using var command = new NpgsqlCommand(
                "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t AND is_identity = 'NO' AND is_generated = 'NEVER' ORDER BY ordinal_position",
                connection);
            command.Parameters.AddWithValue("t", table);
            var names = new List<string>();
            var types = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }

            return new TableColumns(table, names, types);
        }

        public override async Task WriteAsync(IReadOnlyList<TableColumns> tables, IReadOnlyList<List<object?[]>> rows)
        {
            for (var t = 0; t < tables.Count; t++)
            {
                if (rows[t].Count == 0)
                    continue;
                var table = tables[t];
                await using var writer = await connection.BeginBinaryImportAsync(
                    $"COPY \"{table.Table}\" ({string.Join(", ", table.Names.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in rows[t])
                {
                    await writer.StartRowAsync();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null)
                            await writer.WriteNullAsync();
                        else
                            await writer.WriteAsync(row[i], table.Types[i]);
                    }
                }

                await writer.CompleteAsync();
            }
        }
    }

    private sealed class SqliteLoader(SqliteConnection connection) : BulkLoader
    {
        private readonly Dictionary<string, SqliteCommand> _inserts = [];

        public override DbConnection Connection => connection;

        public override async Task<TableColumns> ColumnsAsync(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, type, pk, hidden FROM pragma_table_xinfo($t) ORDER BY cid";
            command.Parameters.AddWithValue("$t", table);
            var columns = new List<(string Name, string Type, long Pk, long Hidden)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }

            // An INTEGER primary key alone is SQLite's rowid: the database numbers it.
            var rowid = columns.Count(c => c.Pk > 0) == 1 && columns.Single(c => c.Pk > 0).Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
            var kept = columns.Where(c => c.Hidden == 0 && !(rowid && c.Pk > 0)).ToList();
            return new TableColumns(table, kept.Select(c => c.Name).ToList(), kept.Select(c => c.Type).ToList());
        }

        public override async Task WriteAsync(IReadOnlyList<TableColumns> tables, IReadOnlyList<List<object?[]>> rows)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var t = 0; t < tables.Count; t++)
            {
                var insert = Insert(tables[t]);
                insert.Transaction = transaction;
                foreach (var row in rows[t])
                {
                    for (var i = 0; i < row.Length; i++)
                        insert.Parameters[i].Value = row[i] ?? DBNull.Value;
                    await insert.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        private SqliteCommand Insert(TableColumns table)
        {
            if (_inserts.TryGetValue(table.Table, out var insert))
                return insert;
            insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table.Table}\" ({string.Join(", ", table.Names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", table.Names.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Names.Count; i++)
                insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
            insert.Prepare();
            _inserts[table.Table] = insert;
            return insert;
        }
    }
}
