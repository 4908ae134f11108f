using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Saves one burst in one transaction on the burst's context: the instance, the bookmarks it removes and adds and its
/// history (written by <see cref="WorkflowCommitWriter"/> as one command, one round trip on PostgreSQL), then with one
/// <c>SaveChanges</c> everything the burst's activities changed through the same context (cases, their timelines, inbox
/// rows they completed), the inbox rows of the tasks the burst created and the cancellation of those it abandoned.
/// </summary>
/// <remarks>
/// A stale revision, an instance id that exists already, a removed bookmark that is gone (another commit consumed it) or
/// a case another writer changed meanwhile is a <see cref="ConcurrencyConflictException"/>, and nothing of the burst is
/// saved: the runtime runs it again in a fresh scope.
/// </remarks>
internal static class WorkflowCommitTransaction
{
    public static async Task SaveAsync(HotlineDbContext db, WorkflowCommit commit, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        // One open for the reads below and the transaction (on SQLite every open registers EF Core's functions again).
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Changes are detected once, below, not on every look at the tracked rows: EF Core detects them on each
        // Entries() and Local of the save hooks and the inbox rows, and on SaveChanges, seven full passes per commit.
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            // Reads happen before the transaction starts, so a SQLite writer holds the write lock only while it writes.
            await CloseTasksAsync(db, commit, cancellationToken);
            // The burst's tasks go into the inbox with their bookmarks: a task can never wait where no unit sees it.
            foreach (var task in commit.Tasks)
                db.Add(await InboxTaskRows.CreateAsync(db, task, commit.Instance.UpdatedAt, commit.ExpectedRevision == 0, logger, cancellationToken));
            // What the burst's activities and the lines above changed; the save hooks detect what they change themselves.
            tracker.DetectChanges();
            // The instance's rows are converted and the history serialized before the transaction too.
            await using var write = WorkflowCommitWriter.For(db).Prepare(db.Database.GetDbConnection(), commit);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // No savepoint around the SaveChanges below: a failure rolls the whole commit back anyway, and without one
            // every row of the commit belongs to the one transaction (on PostgreSQL a savepoint is a subtransaction).
            db.Database.AutoSavepointsEnabled = false;
            await WriteInstanceAsync(write, transaction, commit, cancellationToken);
            await SaveChangesAsync(db, commit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteInstanceAsync(WorkflowCommitWriter.PreparedWrite write, IDbContextTransaction transaction, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        bool written;
        try
        {
            written = await write.ExecuteAsync(transaction.GetDbTransaction(), cancellationToken);
        }
        catch (System.Data.Common.DbException e) when (commit.ExpectedRevision == 0 && IsUniqueViolation(e))
        {
            throw Conflict(commit, e);
        }
        catch (System.Data.Common.DbException e)
        {
            // What SaveChanges threw for a failed write, so callers see one exception type for it.
            throw new DbUpdateException($"Saving workflow instance {commit.Instance.Id} failed: {e.Message}", e);
        }

        // Disposing the transaction uncommitted rolls the written rows back.
        if (!written)
            throw Conflict(commit, new DbUpdateConcurrencyException($"Instance {commit.Instance.Id} is not at revision {commit.ExpectedRevision}, or a bookmark it consumes is gone."));
    }

    private static async Task SaveChangesAsync(HotlineDbContext db, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
            return;
        try
        {
            // The scope's context is discarded afterwards: no need to mark the saved entities unchanged.
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        catch (DbUpdateException e) when (Cases.CaseTimeline.IsConflict(e) || (commit.ExpectedRevision == 0 && e.InnerException is { } inner && IsUniqueViolation(inner)))
        {
            // Another writer changed a case of this burst first (its version or its next event number is taken), or
            // created the same instance: run the burst again on fresh data.
            throw Conflict(commit, e);
        }
    }

    /// <summary>
    /// Closes the inbox rows of the tasks whose human-task bookmarks this commit removed: completed with the handler's
    /// outcome when the burst completed the task, else cancelled (the workflow went another way: a branch was
    /// cancelled, the lead unit returned the case while assisting units were still working, the instance was
    /// cancelled), so no inbox shows work nobody waits for.
    /// </summary>
    private static async Task CloseTasksAsync(HotlineDbContext db, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var taskIds = commit.RemovedBookmarks
            .Where(b => b.Name == HumanTask.BookmarkName && b.Hash is not null)
            .Select(b => b.Hash!)
            .Concat(commit.CompletedTasks.Select(c => c.TaskId))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (taskIds.Count == 0)
            return;
        var completed = commit.CompletedTasks.ToDictionary(c => c.TaskId, StringComparer.Ordinal);
        var queries = WorkflowQueries.For(db);
        await foreach (var task in (taskIds.Count == 1 ? queries.FindTask(db, taskIds[0]) : queries.FindTasks(db, taskIds)).WithCancellation(cancellationToken))
        {
            if (!task.IsPending)
                continue;
            if (completed.TryGetValue(task.TaskId, out var done))
                task.Complete(CompletedBy(done, task), done.At, done.Completion.Outcome, done.Completion.Result?.ToStoredJson());
            else
                task.Cancel(commit.Instance.UpdatedAt);
        }
    }

    /// <summary>Who completed a task: the handler the inbox named, else its unit, else the workflow itself (a task resumed by a tool).</summary>
    private static string CompletedBy(Hotline.Workflows.Runtime.CompletedTask done, InboxTask task) =>
        !string.IsNullOrWhiteSpace(done.Completion.CompletedBy) ? done.Completion.CompletedBy
        : !string.IsNullOrWhiteSpace(task.UnitCode) ? task.UnitCode
        : "workflow";

    private static ConcurrencyConflictException Conflict(WorkflowCommit commit, Exception cause)
    {
        var conflict = new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
        conflict.Data["Cause"] = cause.Message;
        return conflict;
    }

    // A second insert of the same instance id: the other commit created it first.
    private static bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException sqlServer => SqlServerErrors.Numbers(sqlServer).Any(SqlServerErrors.IsUniqueViolation),
        _ => false,
    };
}
