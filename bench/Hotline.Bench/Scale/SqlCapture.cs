using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Npgsql;

namespace Hotline.Bench.Scale;

/// <summary>
/// The SQL the host runs, taken from EF Core's diagnostic events while <see cref="Capturing"/> is on, so the
/// benchmark can show PostgreSQL's plan of each (<c>EXPLAIN (ANALYZE, BUFFERS)</c> with the same parameter values).
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<(string Sql, NpgsqlParameter[] Parameters)> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];

    public SqlCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Capturing { get; set; }

    /// <summary>The commands captured since the last call.</summary>
    public List<(string Sql, NpgsqlParameter[] Parameters)> Take()
    {
        var list = new List<(string, NpgsqlParameter[])>();
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
        if (!Capturing || value.Key != "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
            return;
        if (value.Value?.GetType().GetProperty("Command")?.GetValue(value.Value) is NpgsqlCommand command)
            _commands.Enqueue((command.CommandText, command.Parameters.Select(p => p.Clone()).ToArray()));
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

    /// <summary>PostgreSQL's plan of <paramref name="sql"/> run with <paramref name="parameters"/>.</summary>
    public static async Task<string> ExplainAsync(string connectionString, string sql, IEnumerable<DbParameter> parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(((NpgsqlParameter)parameter).Clone());
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
