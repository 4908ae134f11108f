using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Queues this process's SQLite write transactions for a database file in order of arrival, so that a writer waiting
/// for the one write lock takes it the moment the previous writer lets it go.
/// </summary>
/// <remarks>
/// <para>
/// SQLite lets one connection write at a time. Without this gate a second writer's <c>BEGIN IMMEDIATE</c> finds the
/// lock taken and SQLite's busy handler puts the thread to sleep for 1, 2, 5, 10, 15 … ms before each new try; the
/// writer that held the lock, meanwhile, usually takes it again for its next transaction first. Under load, workers
/// slept through a large part of their time (a trace of the lifecycle benchmark: 29 % of the workers' time in
/// <c>BEGIN</c>) while a core stood idle. Here a writer instead waits on an asynchronous first-in-first-out gate, one
/// per database file, taken when EF Core begins a transaction and given back when it commits, rolls back or fails, or
/// at the latest when its connection closes (a transaction disposed without either ends with it).
/// </para>
/// <para>
/// The gate only orders this process's writers; SQLite's lock stays the authority. Another process (the command-line
/// tools) or a write outside a transaction is not gated and waits in SQLite's busy handler, as before. A writer that
/// cannot have the gate within <see cref="SqliteConnectionSettingsInterceptor.BusyTimeoutMilliseconds"/> goes on
/// without it to the busy handler, so nothing waits here longer than it would have waited in SQLite.
/// </para>
/// </remarks>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    // The gate each of EF Core's connections (by its id, which the end of a transaction and the closing name too) holds.
    // With the context the connection belongs to (at most one entry per database file: the gate's holder).
    private readonly ConcurrentDictionary<Guid, (Gate Gate, DbContext? Context, long TakenAt)> _held = new();

    // How many entries _held has (the dictionary's own count takes all its locks).
    private int _holders;

    private SqliteWriteGate()
    {
    }

    /// <summary>The one instance: gates belong to database files, which every context of the process shares.</summary>
    public static SqliteWriteGate Instance { get; } = new();

    /// <summary>Whether a connection of this process holds the gate of the database file at <paramref name="path"/>.</summary>
    internal bool IsTaken(string path) => _gates.TryGetValue(path, out var gate) && gate.IsTaken;

    /// <summary>How many of this process's writers wait for the gate of the database file at <paramref name="path"/>.</summary>
    internal int Waiting(string path) => _gates.TryGetValue(path, out var gate) ? gate.Waiting : 0;

    /// <inheritdoc />
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (GateOf(connection, eventData.ConnectionId) is { } gate && gate.Enter())
            Hold(eventData, gate);
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateOf(connection, eventData.ConnectionId) is { } gate && await gate.EnterAsync(cancellationToken))
            Hold(eventData, gate);
        return result;
    }

    /// <inheritdoc />
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    /// <inheritdoc />
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    /// <inheritdoc />
    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>A failed begin, commit or rollback: SQLite has ended the transaction or never began it.</remarks>
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    /// <inheritdoc />
    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Released(eventData, result);

    /// <inheritdoc />
    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(Released(eventData, result));

    /// <inheritdoc />
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Released(eventData, result);

    /// <inheritdoc />
    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(Released(eventData, result));

    /// <summary>
    /// Gives back the gate <paramref name="context"/>'s connection holds, if it holds one: EF Core ends a transaction left
    /// open when it puts the context back in its pool without telling the interceptors.
    /// </summary>
    public void Leave(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Not _held.IsEmpty: on an empty dictionary that takes every one of its locks, and every context's disposal asks.
        if (Volatile.Read(ref _holders) == 0)
            return;
        foreach (var (connectionId, holder) in _held)
        {
            if (ReferenceEquals(holder.Context, context))
                Release(connectionId);
        }
    }

    private Gate? GateOf(DbConnection connection, Guid connectionId)
    {
        // A connection that holds its gate already (a transaction disposed without commit or rollback, then another
        // begun) keeps it; an in-memory or temporary database has no file and no other connection to wait for.
        if (connection is not SqliteConnection sqlite || _held.ContainsKey(connectionId) || string.IsNullOrEmpty(sqlite.DataSource))
            return null;
        return _gates.GetOrAdd(sqlite.DataSource, static _ => new Gate());
    }

    private void Hold(TransactionStartingEventData eventData, Gate gate)
    {
        Interlocked.Increment(ref _holders);
        _held[eventData.ConnectionId] = (gate, eventData.Context, Stopwatch.GetTimestamp());
    }

    private InterceptionResult Released(ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    private void Release(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var holder))
        {
            Interlocked.Decrement(ref _holders);
            holder.Gate.Release();
            SqliteWriteGateMetrics.Released(holder.TakenAt);
        }
    }

    /// <summary>One database file's gate: first in, first out (an asynchronous <see cref="SemaphoreSlim"/> queues its waiters).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A gate lives as long as the process; a SemaphoreSlim whose wait handle is never asked for holds nothing to dispose.")]
    private sealed class Gate
    {
        private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(SqliteConnectionSettingsInterceptor.BusyTimeoutMilliseconds);
        private readonly SemaphoreSlim _semaphore = new(1, 1);
        private int _waiting;

        public bool IsTaken => _semaphore.CurrentCount == 0;

        public int Waiting => Volatile.Read(ref _waiting);

        public bool Enter()
        {
            var since = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _waiting);
            var entered = false;
            try
            {
                return entered = _semaphore.Wait(Patience);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
                SqliteWriteGateMetrics.Waited(since, timedOut: !entered);
            }
        }

        public async Task<bool> EnterAsync(CancellationToken cancellationToken)
        {
            var since = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _waiting);
            var entered = false;
            try
            {
                return entered = await _semaphore.WaitAsync(Patience, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
                SqliteWriteGateMetrics.Waited(since, timedOut: !entered && !cancellationToken.IsCancellationRequested);
            }
        }

        public void Release() => _semaphore.Release();
    }
}
