using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file in the background, so no commit pays for it.
/// </summary>
/// <remarks>
/// <para>
/// Without it SQLite checkpoints inside a commit: the commit that pushes the log past
/// <see cref="SqliteConnectionSettingsInterceptor.AutoCheckpointPages"/> copies every page of it into the database and
/// syncs both files while it still holds the database's one write lock. Measured on the workflow cycle, that was two
/// thirds of a commit's time under the lock (COMMIT 314 µs on average, 99 µs without checkpoints). Here a
/// <c>PASSIVE</c> checkpoint runs every <see cref="Interval"/> on a connection of its own: it takes no write lock, so
/// writers go on appending while it copies (on another core), and readers are never waited for.
/// </para>
/// <para>
/// The commits' own checkpoint stays as a backstop at a higher threshold (the CLI, tests and any process that does not
/// run this service). A passive checkpoint under constant writes may never find the whole log copied, and SQLite starts
/// the log file again from its beginning only when it is; when the log has grown past <see cref="TruncateAbovePages"/>
/// the service runs one <c>TRUNCATE</c> checkpoint, which waits (up to its busy timeout) for the writer of the moment.
/// </para>
/// <para>
/// The interval is real time (<see cref="TimeProvider.System"/>): the log fills with real writes, not with a test's fake clock.
/// </para>
/// </remarks>
public sealed class SqliteWalCheckpointer(IOptions<HotlineDatabaseOptions> options, ILogger<SqliteWalCheckpointer>? logger = null, IHostEnvironment? environment = null) : BackgroundService
{
    /// <summary>How often the log is checkpointed.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Log size, in pages, above which the log file is truncated after it is copied (64 MiB at 4 KiB pages).</summary>
    internal const int TruncateAbovePages = 16_384;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite || ConnectionString() is not { } connectionString)
            return;
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Checkpoint(connectionString);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One checkpoint now; returns the pages in the log before it, or null when there is no log or it could not be opened.</summary>
    internal long? CheckpointOnce() => options.Value.Provider == DatabaseProvider.Sqlite && ConnectionString() is { } connectionString ? Checkpoint(connectionString) : null;

    private long? Checkpoint(string connectionString)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            // PASSIVE never waits, so only the rare TRUNCATE needs a busy timeout (for the writer of the moment).
            var (busy, logPages, copied) = Run(connection, "PASSIVE");
            if (busy == 0 && logPages > TruncateAbovePages && copied == logPages)
            {
                using (var timeout = connection.CreateCommand())
                {
                    timeout.CommandText = "PRAGMA busy_timeout=1000;";
                    timeout.ExecuteNonQuery();
                }

                Run(connection, "TRUNCATE");
            }

            return logPages;
        }
        catch (SqliteException e)
        {
            // Not created or migrated yet, moved away, locked for longer than the busy timeout: the next tick tries again,
            // and commits still checkpoint at their own threshold meanwhile.
            logger?.LogDebug(e, "SQLite checkpoint skipped: {Message}", e.Message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Whatever else goes wrong here must not stop the host: the commits' own checkpoints still run.
            logger?.LogWarning(e, "SQLite checkpoint failed: {Message}", e.Message);
            return null;
        }
    }

    private static (long Busy, long LogPages, long Copied) Run(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        // Not in WAL mode (an in-memory database): nothing to copy, -1 pages.
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0, -1, -1);
    }

    private string? ConnectionString() => ExistingFile(options.Value, environment);

    /// <summary>
    /// The database's connection string for opening an existing file only (never creating one), or null for an
    /// in-memory database (no log, no statistics worth keeping). Shared with <see cref="SqlitePlannerStatistics"/>.
    /// </summary>
    internal static string? ExistingFile(HotlineDatabaseOptions options, IHostEnvironment? environment)
    {
        var builder = new SqliteConnectionStringBuilder(PersistenceServiceCollectionExtensions.SqliteConnectionString(options, environment));
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            return null;
        builder.Mode = SqliteOpenMode.ReadWrite;
        return builder.ToString();
    }
}
