using Npgsql;

namespace Hotline.FaultTest;

/// <summary>
/// A PostgreSQL server of the fault test's own on 127.0.0.1 (a fresh cluster in a temporary directory, fsync off),
/// so that it can be crashed without touching any other server. Run as the <c>postgres</c> user when the test runs as
/// root, since PostgreSQL refuses root, as <c>build/test.sh</c> does.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private readonly DirectoryInfo _work;

    private ThrowawayPostgres(string bin, DirectoryInfo work)
    {
        _bin = bin;
        _work = work;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_work.FullName, "data");

    private string LogFile => Path.Combine(_work.FullName, "pg.log");

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5 }.ConnectionString;

    /// <summary>Creates a cluster in <paramref name="work"/> (an empty directory), starts it on a free port and creates <paramref name="database"/>.</summary>
    public static async Task<ThrowawayPostgres> StartAsync(string bin, DirectoryInfo work, string database, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(bin, "pg_ctl")))
            throw new InvalidOperationException($"PostgreSQL's binaries are not in {bin} (install Debian's postgresql-15, as build/test.sh does, or set HOTLINE_PG_BIN).");
        var server = new ThrowawayPostgres(bin, work);
        try
        {
            if (RunsAsRoot)
                Check(await ExternalProcess.RunAsync("chown", ["postgres:postgres", server._work.FullName], server._work.FullName, CommandTimeout, cancellationToken: cancellationToken), "chown");
            Check(await server.PgAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], cancellationToken), "initdb");
            await server.StartOnFreePortAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Crashes the server (every backend killed, no checkpoint: crash recovery on start) and starts it again.</summary>
    public async Task CrashAndRestartAsync(CancellationToken cancellationToken) =>
        // -l again: without it the new server would write to pg_ctl's output, a pipe held open for as long as the server runs.
        Check(await PgAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-m", "immediate", "-w", "-t", "60", "restart"], cancellationToken), "pg_ctl restart");

    /// <summary>Stops the server at once and deletes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            await PgAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        _work.Delete(recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_work.FullName} -c fsync=off -c max_connections=400";
            var (exitCode, output) = await PgAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], cancellationToken);
            if (exitCode == 0)
                return;
            var serverLog = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : "";
            if (attempt == 5 || !serverLog.Contains("Address already in use", StringComparison.Ordinal))
                throw new InvalidOperationException($"PostgreSQL did not start: {output}\n{serverLog}");
        }
    }

    private Task<(int ExitCode, string Output)> PgAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var command = Path.Combine(_bin, tool);
        // The working directory is the cluster's own: postgres cannot read the caller's.
        return RunsAsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", command, .. arguments], _work.FullName, CommandTimeout, cancellationToken: cancellationToken)
            : ExternalProcess.RunAsync(command, arguments, _work.FullName, CommandTimeout, cancellationToken: cancellationToken);
    }

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}");
    }
}
