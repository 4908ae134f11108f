using System.Diagnostics.Metrics;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// <see cref="SqliteWriteGate"/>: the process's writers to one SQLite file take its write lock in order of arrival, and
/// every way a transaction ends gives the gate back.
/// </summary>
public class SqliteWriteGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_let_the_writer_who_waited_go_first_When_the_holder_commits_and_begins_again_at_once()
    {
        await using var database = await Database.CreateAsync();
        var contexts = database.Contexts;
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var path = await OpenAsync(first);
        await OpenAsync(second);

        var held = await first.Database.BeginTransactionAsync();
        Assert.True(SqliteWriteGate.Instance.IsTaken(path));
        var waiting = second.Database.BeginTransactionAsync();
        await UntilAsync(() => SqliteWriteGate.Instance.Waiting(path) == 1);
        Assert.False(waiting.IsCompleted);

        // The holder commits and asks again straight away, as a busy worker does. In SQLite's busy handler the waiting
        // writer would be asleep and the holder would take the lock again; at the gate the waiting writer is next.
        await held.CommitAsync();
        await held.DisposeAsync();
        var again = first.Database.BeginTransactionAsync();
        var secondTransaction = await waiting.WaitAsync(Patience);
        Assert.False(again.IsCompleted);

        await secondTransaction.CommitAsync();
        await secondTransaction.DisposeAsync();
        var thirdTransaction = await again.WaitAsync(Patience);
        await thirdTransaction.RollbackAsync();
        await thirdTransaction.DisposeAsync();
        Assert.False(SqliteWriteGate.Instance.IsTaken(path));
    }

    [Fact]
    public async Task Should_give_the_gate_back_When_a_transaction_is_disposed_uncommitted_and_its_connection_closes()
    {
        await using var database = await Database.CreateAsync();
        var contexts = database.Contexts;
        string path;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            path = await OpenAsync(db);
            await using (await db.Database.BeginTransactionAsync())
            {
            }

            // Disposed without a commit or a rollback: the connection keeps the gate, and may begin again without waiting.
            Assert.True(SqliteWriteGate.Instance.IsTaken(path));
            await using (var again = await db.Database.BeginTransactionAsync().WaitAsync(Patience))
                await again.CommitAsync();
            Assert.False(SqliteWriteGate.Instance.IsTaken(path));

            await using (await db.Database.BeginTransactionAsync())
            {
            }

            await db.Database.CloseConnectionAsync();
            Assert.False(SqliteWriteGate.Instance.IsTaken(path));
        }

        // And a context disposed while its transaction is open gives it back as its connection goes.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await OpenAsync(db);
            await db.Database.BeginTransactionAsync();
            Assert.True(SqliteWriteGate.Instance.IsTaken(path));
        }

        Assert.False(SqliteWriteGate.Instance.IsTaken(path));
    }

    [Fact]
    public async Task Should_give_the_gate_back_When_SaveChanges_commits_its_own_transaction_or_fails()
    {
        await using var database = await Database.CreateAsync();
        var contexts = database.Contexts;
        string path;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            path = await OpenAsync(db);
            await db.Database.CloseConnectionAsync();
            db.IdempotencyKeys.Add(Key("k1"));
            await db.SaveChangesAsync();
            Assert.False(SqliteWriteGate.Instance.IsTaken(path));
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            // The same key again: the insert fails inside SaveChanges' transaction.
            db.IdempotencyKeys.Add(Key("k1"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.False(SqliteWriteGate.Instance.IsTaken(path));
        }

        // Nothing is left waiting: another writer goes straight through.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.IdempotencyKeys.Add(Key("k2"));
            await db.SaveChangesAsync().WaitAsync(Patience);
            Assert.Equal(2, await db.IdempotencyKeys.CountAsync());
        }
    }

    [Fact]
    public async Task Should_measure_how_long_a_writer_waited_for_the_lock_and_how_long_the_holder_held_it()
    {
        var held = new List<double>();
        var waits = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteWriteGateMetrics.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
        {
            lock (held)
                (instrument.Name == SqliteWriteGateMetrics.HeldName ? held : waits).Add(seconds);
        });
        listener.Start();
        await using var database = await Database.CreateAsync();
        await using var first = await database.Contexts.CreateDbContextAsync();
        await using var second = await database.Contexts.CreateDbContextAsync();
        var path = await OpenAsync(first);
        await OpenAsync(second);

        var holding = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();
        await UntilAsync(() => SqliteWriteGate.Instance.Waiting(path) == 1);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await holding.CommitAsync();
        await using var secondTransaction = await waiting.WaitAsync(Patience);
        await secondTransaction.CommitAsync();

        // Other tests' databases record into the same meter: these two last about the 200 ms above (the timer's tick is
        // coarse, so a little less may pass), far longer than an uncontended transaction.
        lock (held)
        {
            Assert.Contains(held, s => s >= 0.15);
            Assert.Contains(waits, s => s >= 0.15);
        }
    }

    /// <summary>A migrated SQLite file of its own, with the host's persistence services.</summary>
    private sealed class Database : IAsyncDisposable
    {
        private readonly TempDirectory _directory;
        private readonly ServiceProvider _services;

        private Database(TempDirectory directory, ServiceProvider services) => (_directory, _services) = (directory, services);

        public IDbContextFactory<HotlineDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

        public static async Task<Database> CreateAsync()
        {
            var directory = new TempDirectory();
            return new Database(directory, await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(directory.Path, "hotline.db")));
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await _directory.DisposeAsync();
        }
    }

    private static IdempotencyKeyRow Key(string key) => new()
    {
        Key = key, Scope = "test", RequestHash = "h", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>Opens the context's connection; returns the database file's path as SQLite names it (the gate's key).</summary>
    private static async Task<string> OpenAsync(HotlineDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        return db.Database.GetDbConnection().DataSource;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        Assert.True(condition(), "The condition did not hold within the time allowed.");
    }
}
