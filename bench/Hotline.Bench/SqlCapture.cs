using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Bench;

/// <summary>
/// The SQL the host runs, taken from EF Core's diagnostic events while <see cref="Capturing"/> is on, with each
/// statement's time, so the benchmark can show the database's plan of each (PostgreSQL's <c>EXPLAIN (ANALYZE,
/// BUFFERS)</c>, SQLite's <c>EXPLAIN QUERY PLAN</c>, with the same parameter values).
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];

    public SqlCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Capturing { get; set; }

    /// <summary>One statement the host ran: its text, its parameters (copies) and how long it took.</summary>
    public sealed record CapturedCommand(string Sql, DbParameter[] Parameters, TimeSpan Duration);

    /// <summary>The commands captured since the last call.</summary>
    public List<CapturedCommand> Take()
    {
        var list = new List<CapturedCommand>();
        while (_commands.TryDequeue(out var command))
            list.Add(command);
        return list;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
            _subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!Capturing || value.Key != "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted" || value.Value is null)
            return;
        var type = value.Value.GetType();
        var duration = type.GetProperty("Duration")?.GetValue(value.Value) as TimeSpan? ?? TimeSpan.Zero;
        switch (type.GetProperty("Command")?.GetValue(value.Value))
        {
            case NpgsqlCommand command:
                _commands.Enqueue(new(command.CommandText, command.Parameters.Select(p => (DbParameter)p.Clone()).ToArray(), duration));
                break;
            case SqliteCommand command:
                _commands.Enqueue(new(command.CommandText, command.Parameters.Cast<SqliteParameter>().Select(p => (DbParameter)new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value)).ToArray(), duration));
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
    }

    /// <summary>The database's plan of <paramref name="sql"/> run with <paramref name="parameters"/>.</summary>
    public static async Task<string> ExplainAsync(string connectionString, string sql, IEnumerable<DbParameter> parameters)
    {
        var postgres = connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter is NpgsqlParameter npgsql ? npgsql.Clone() : new SqliteParameter(parameter.ParameterName, parameter.Value));
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(postgres ? reader.GetString(0) : $"{reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}");
        return string.Join('\n', lines);
    }
}
