using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Applies Hotline's per-connection SQLite settings when EF Core opens a connection: <c>PRAGMA synchronous=NORMAL</c>,
/// <c>PRAGMA busy_timeout</c> and <c>PRAGMA wal_autocheckpoint</c>. Both belong to the native connection, which Microsoft.Data.Sqlite pools, so they
/// are set once per native connection, not on every open.
/// </summary>
/// <remarks>
/// <para>
/// <c>synchronous=NORMAL</c> with write-ahead logging (<c>journal_mode=WAL</c>, set when the database is migrated):
/// a commit appends to the WAL without waiting for the disk; the WAL is synced when it is checkpointed into the
/// database. The database stays consistent whatever happens, and a crash of the process loses nothing that was
/// committed, but a power cut or an operating-system crash may lose the last commits before the latest checkpoint.
/// That trade is made for throughput (with <c>FULL</c> every commit waits for an fsync). SQLite is the development and
/// single-node database; PostgreSQL is the production database, with its own durability settings.
/// </para>
/// <para>
/// <c>busy_timeout</c>: SQLite has one writer at a time. A connection that wants to write while another writes waits
/// inside SQLite, for up to <see cref="BusyTimeoutMilliseconds"/>, instead of failing with <c>SQLITE_BUSY</c> at once.
/// EF Core's <c>SaveChanges</c> transactions start as <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default for any
/// isolation level but <c>ReadUncommitted</c>), so a writer takes the write lock first and never has to upgrade a read
/// lock, which is what fails with <c>SQLITE_BUSY</c> regardless of the timeout.
/// </para>
/// </remarks>
internal sealed class SqliteConnectionSettingsInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for another connection's write lock.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// Log pages (4 KiB) past which a commit checkpoints the write-ahead log itself: a backstop, since
    /// <see cref="SqliteWalCheckpointer"/> checkpoints it in the background every quarter of a second (SQLite's default,
    /// 1,000, made the commits do it ~30 times a second under load).
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    private static readonly string Settings = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA wal_autocheckpoint={AutoCheckpointPages};";

    private SqliteConnectionSettingsInterceptor()
    {
    }

    /// <summary>The one instance, shared by every SQLite context (it keeps no state but which native connections it has set up).</summary>
    public static SqliteConnectionSettingsInterceptor Instance { get; } = new();

    // Native connections already configured. Weak: a native connection the pool closes is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // SQLite runs in-process: its "asynchronous" calls are synchronous anyway.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _))
            return;
        using (var command = sqlite.CreateCommand())
        {
            command.CommandText = Settings;
            command.ExecuteNonQuery();
        }

        _configured.AddOrUpdate(handle, handle);
    }
}
