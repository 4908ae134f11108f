using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Keeps SQLite's query planner statistics current: <c>PRAGMA optimize</c> at start-up (after the migrations) and every
/// <see cref="Interval"/>, as SQLite advises for long-running applications.
/// </summary>
/// <remarks>
/// Without statistics SQLite guesses that an equality on an index's first column picks out a handful of rows. At a
/// million cases that made it answer the open-case lists (overdue, the supervision ladder: <c>Status IN</c> the open
/// statuses) through the status index, reading and sorting every open case (150–290 ms), instead of the partial indexes
/// of open cases (a few ms): a database grown by use never had statistics, and a migration's new index has none. SQLite
/// 3.46 and later (the bundled one is newer) analyze with a sampling limit here, so a run costs milliseconds to a few
/// seconds at a million cases, and only tables that never had statistics or changed a lot since are analyzed.
/// </remarks>
public sealed class SqlitePlannerStatistics(IOptions<HotlineDatabaseOptions> options, ILogger<SqlitePlannerStatistics>? logger = null, IHostEnvironment? environment = null) : BackgroundService
{
    /// <summary>Check every table (0x10000), analyzing those that need it (0x02).</summary>
    internal const string Optimize = "PRAGMA optimize=0x10002;";

    /// <summary>How often the statistics are refreshed.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
            return;
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                RunOnce();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Refreshes the statistics now; false when the database could not be opened (not created yet, in memory).</summary>
    internal bool RunOnce()
    {
        if (SqliteWalCheckpointer.ExistingFile(options.Value, environment) is not { } connectionString)
            return false;
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=5000; " + Optimize;
            command.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException e)
        {
            // Not created yet, or the writer held the lock past the timeout: the next run tries again.
            logger?.LogDebug(e, "SQLite statistics not refreshed: {Message}", e.Message);
            return false;
        }
    }
}
