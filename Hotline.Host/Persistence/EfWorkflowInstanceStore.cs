using System.Data.Common;
using System.Runtime.CompilerServices;
using Hotline.Host.Inbox;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hotline.Host.Persistence;

/// <summary><see cref="IWorkflowInstanceStore"/> on <see cref="HotlineDbContext"/>; each call uses a short-lived context.</summary>
public sealed class EfWorkflowInstanceStore(IDbContextFactory<HotlineDbContext> contexts, ILogger<EfWorkflowInstanceStore>? logger = null) : IWorkflowInstanceStore
{
    private readonly ILogger _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <inheritdoc />
    /// <remarks>The inbox rows of the burst's human tasks are written in the commit's transaction.</remarks>
    public bool SavesTasks => true;

    /// <inheritdoc />
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await CompiledQueries.For(db).FindInstance(db, instanceId, cancellationToken);
        return row?.ToInstance();
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the instance row (inserted for revision 0, else updated where it still has the expected
    /// revision), the removed bookmarks deleted by key, the added ones inserted and the burst's history as one
    /// <see cref="WorkflowHistoryRow"/>, written by <see cref="WorkflowCommitWriter"/> as one command (one round trip on
    /// PostgreSQL); then, in the same transaction, one <c>SaveChanges</c> for what the activities' effects changed, the
    /// inbox rows of the tasks the burst created and the inbox tasks it abandoned, if anything. A stale revision, an instance id that exists already, or a removed
    /// bookmark that is gone (another commit consumed it) is a <see cref="ConcurrencyConflictException"/>, and nothing
    /// of the commit is saved.
    /// </remarks>
    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One open for the reads below and the transaction (on SQLite every open registers EF Core's functions again).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Activities' changes to cases, timelines and inbox tasks join the same transaction: all or nothing. Their
            // reads happen before it starts, so a SQLite writer holds the write lock only while it writes.
            foreach (var effect in commit.Effects)
            {
                if (effect is not IDbEffect dbEffect)
                    throw new NotSupportedException($"The database store cannot save a {effect.GetType().Name}; database effects implement {nameof(IDbEffect)}.");
                await dbEffect.ApplyAsync(db, cancellationToken);
            }

            await CancelAbandonedTasksAsync(db, commit, cancellationToken);
            // The burst's tasks go into the inbox with their bookmarks: a task can never wait where no unit sees it.
            foreach (var task in commit.Tasks)
                db.Add(await InboxTaskRows.CreateAsync(db, task, commit.Instance.UpdatedAt, _logger, cancellationToken));

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // No savepoint around the SaveChanges below: a failure rolls the whole commit back anyway, and without one
            // every row of the commit belongs to the one transaction (on PostgreSQL a savepoint is a subtransaction).
            db.Database.AutoSavepointsEnabled = false;
            bool written;
            try
            {
                written = await WorkflowCommitWriter.For(db).WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), commit, cancellationToken);
            }
            catch (DbException e) when (commit.ExpectedRevision == 0 && IsUniqueViolation(e))
            {
                throw Conflict(commit, e);
            }
            catch (DbException e)
            {
                // What SaveChanges threw for a failed write, so callers see one exception type for it.
                throw new DbUpdateException($"Saving workflow instance {commit.Instance.Id} failed: {e.Message}", e);
            }

            // Disposing the transaction uncommitted rolls the written rows back.
            if (!written)
                throw Conflict(commit, new DbUpdateConcurrencyException($"Instance {commit.Instance.Id} is not at revision {commit.ExpectedRevision}, or a bookmark it consumes is gone."));

            if (db.ChangeTracker.HasChanges())
            {
                try
                {
                    // The context is discarded afterwards: no need to mark the saved entities unchanged.
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                }
                catch (DbUpdateConcurrencyException e)
                {
                    throw Conflict(commit, e);
                }
                catch (DbUpdateException e) when (commit.ExpectedRevision == 0 && e.InnerException is { } inner && IsUniqueViolation(inner))
                {
                    throw Conflict(commit, e);
                }
                catch (DbUpdateException e) when (commit.Effects.Count > 0 && Cases.CaseTimeline.IsConflict(e))
                {
                    // An effect lost a race on a case's timeline (the event number was taken): retry the burst on fresh data.
                    throw Conflict(commit, e);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Cancels the inbox tasks whose human-task bookmarks this commit removed without completing them (the workflow went
    /// another way: a branch was cancelled, the lead unit returned the case while assisting units were still working,
    /// the instance was cancelled), so no inbox shows work nobody waits for. A completed task was marked by its
    /// resume's effect already and stays completed.
    /// </summary>
    private static async Task CancelAbandonedTasksAsync(HotlineDbContext db, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        var taskIds = commit.RemovedBookmarks
            .Where(b => b.Name == Hotline.Workflows.Activities.Tasks.HumanTask.BookmarkName && b.Hash is not null)
            .Select(b => b.Hash!)
            .ToList();
        if (taskIds.Count == 0)
            return;
        var at = commit.Instance.UpdatedAt;
        var queries = CompiledQueries.For(db);
        await foreach (var task in (taskIds.Count == 1 ? queries.FindTask(db, taskIds[0]) : queries.FindTasks(db, taskIds)).WithCancellation(cancellationToken))
        {
            if (task.IsPending)
                task.Cancel(at);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new List<BookmarkRef>();
        await foreach (var bookmark in CompiledQueries.For(db).FindBookmarks(db, name, hash, correlationId, instanceId).WithCancellation(cancellationToken))
            found.Add(bookmark);
        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        // Npgsql writes timestamptz parameters only with offset zero.
        var due = dueBy.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Bookmarks.AsNoTracking()
            .Where(b => b.ResumeAt != null && b.ResumeAt <= due)
            .OrderBy(b => b.ResumeAt).ThenBy(b => b.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(b => b.ToRef()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default)
    {
        skip = Math.Max(skip, 0);
        if (take <= 0)
            return [];
        var wanted = (long)skip + take;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bursts = db.WorkflowHistory.AsNoTracking()
            .Where(h => h.WorkflowInstanceId == instanceId && h.FirstSequence != null)
            .OrderBy(h => h.FirstSequence).ThenBy(h => h.Revision)
            .Select(h => new { h.FirstSequence, h.LastSequence, h.JournalJson })
            .AsAsyncEnumerable();
        var journal = new List<JournalEntry>();
        var highest = long.MinValue;
        var sorted = true;
        await foreach (var burst in bursts.WithCancellation(cancellationToken))
        {
            // Bursts come in order of their first sequence: once enough lines are read and the next burst starts after
            // every line read so far, no later burst can hold a line of the page.
            if (journal.Count >= wanted && burst.FirstSequence > highest)
                break;
            sorted &= burst.FirstSequence > highest;
            journal.AddRange(WorkflowHistoryRow.ReadJournal(burst.JournalJson!));
            highest = Math.Max(highest, burst.LastSequence!.Value);
        }

        // Bursts of one instance follow each other, so their ranges do not overlap; if they ever did, sort the lines.
        IEnumerable<JournalEntry> ordered = sorted ? journal : journal.OrderBy(j => j.Sequence);
        return ordered.Skip(skip).Take(take).ToList();
    }

    /// <inheritdoc />
    /// <remarks>Every burst's records in commit order, keeping the last version of each record, ordered by start then id.</remarks>
    public async Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bursts = db.WorkflowHistory.AsNoTracking()
            .Where(h => h.WorkflowInstanceId == instanceId && h.RecordsJson != null)
            .OrderBy(h => h.Revision)
            .Select(h => h.RecordsJson!)
            .AsAsyncEnumerable();
        var records = new Dictionary<string, ActivityExecutionRecord>(StringComparer.Ordinal);
        await foreach (var json in bursts.WithCancellation(cancellationToken))
        {
            foreach (var record in WorkflowHistoryRow.ReadRecords(json))
                records[record.Id] = record;
        }

        return records.Values.OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.WorkflowInstances.AsNoTracking();
        if (query.DefinitionId is not null)
            rows = rows.Where(i => i.DefinitionId == query.DefinitionId);
        if (query.Status is { } status)
            rows = rows.Where(i => i.Status == status);
        if (query.SubStatus is { } subStatus)
            rows = rows.Where(i => i.SubStatus == subStatus);
        if (query.CorrelationId is not null)
            rows = rows.Where(i => i.CorrelationId == query.CorrelationId);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new InstancePage(page.Select(i => i.ToInstance()).ToList(), total);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One count and one page query on the summary columns (the indexes on CreatedAt, DefinitionId, Status and SubStatus
    /// serve the usual filters); the execution state is not read, so the items' <see cref="WorkflowInstance.State"/> is empty.
    /// </remarks>
    public async Task<InstancePage> SearchAsync(InstanceSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.WorkflowInstances.AsNoTracking();
        if (search.DefinitionIds.Count > 0)
        {
            var ids = search.DefinitionIds.ToList();
            rows = rows.Where(i => ids.Contains(i.DefinitionId));
        }

        if (search.DefinitionVersionIds.Count > 0)
        {
            var ids = search.DefinitionVersionIds.ToList();
            rows = rows.Where(i => ids.Contains(i.DefinitionVersionId));
        }

        if (search.Version is { } version)
            rows = rows.Where(i => i.Version == version);
        if (search.Statuses.Count > 0)
        {
            var statuses = search.Statuses.ToList();
            rows = rows.Where(i => statuses.Contains(i.Status));
        }

        if (search.SubStatuses.Count > 0)
        {
            var subStatuses = search.SubStatuses.ToList();
            rows = rows.Where(i => subStatuses.Contains(i.SubStatus));
        }

        if (search.CorrelationId is { } correlationId)
            rows = rows.Where(i => i.CorrelationId == correlationId);
        if (!string.IsNullOrEmpty(search.SearchTerm))
        {
            // Case-insensitive on every provider (PostgreSQL's LIKE is not), as InstanceSearch.Matches. The lambda is
            // translated to SQL lower(): no .NET culture or comparison applies, which is what CA1304/CA1311/CA1862 guard.
            var term = search.SearchTerm.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(i => i.Id.ToLower().Contains(term) || (i.Name != null && i.Name.ToLower().Contains(term)) ||
                (i.CorrelationId != null && i.CorrelationId.ToLower().Contains(term)) || i.DefinitionId.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (search.HasIncidents is { } hasIncidents)
            rows = hasIncidents ? rows.Where(i => i.IncidentCount > 0) : rows.Where(i => i.IncidentCount == 0);
        foreach (var filter in search.Timestamps)
            rows = Where(rows, filter);

        var total = await rows.LongCountAsync(cancellationToken);
        var ordered = (search.OrderBy, search.Descending) switch
        {
            (InstanceOrder.UpdatedAt, true) => rows.OrderByDescending(i => i.UpdatedAt),
            (InstanceOrder.UpdatedAt, false) => rows.OrderBy(i => i.UpdatedAt),
            (InstanceOrder.FinishedAt, true) => rows.OrderByDescending(i => i.FinishedAt),
            (InstanceOrder.FinishedAt, false) => rows.OrderBy(i => i.FinishedAt),
            (InstanceOrder.Name, true) => rows.OrderByDescending(i => i.Name),
            (InstanceOrder.Name, false) => rows.OrderBy(i => i.Name),
            (_, true) => rows.OrderByDescending(i => i.CreatedAt),
            _ => rows.OrderBy(i => i.CreatedAt),
        };
        var page = await (search.Descending ? ordered.ThenByDescending(i => i.Id) : ordered.ThenBy(i => i.Id))
            .Skip(Math.Max(search.Skip, 0)).Take(Math.Max(search.Take, 0))
            .Select(i => new WorkflowInstanceRow
            {
                Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersionId = i.DefinitionVersionId, Version = i.Version, Name = i.Name,
                CorrelationId = i.CorrelationId, Status = i.Status, SubStatus = i.SubStatus, CreatedAt = i.CreatedAt, UpdatedAt = i.UpdatedAt,
                FinishedAt = i.FinishedAt, IncidentCount = i.IncidentCount, State = "{}", Revision = i.Revision,
            })
            .ToListAsync(cancellationToken);
        return new InstancePage(page.Select(i => i.ToInstance()).ToList(), total);
    }

    // Npgsql writes timestamptz parameters only with offset zero.
    private static IQueryable<WorkflowInstanceRow> Where(IQueryable<WorkflowInstanceRow> rows, InstanceTimestampFilter filter)
    {
        var at = filter.Timestamp.ToUniversalTime();
        var (from, to) = (filter.Day.From.ToUniversalTime(), filter.Day.To.ToUniversalTime());
        return (filter.Column, filter.Operator) switch
        {
            (InstanceTimestamp.CreatedAt, TimestampOperator.Is) => rows.Where(i => i.CreatedAt >= from && i.CreatedAt < to),
            (InstanceTimestamp.CreatedAt, TimestampOperator.IsNot) => rows.Where(i => i.CreatedAt < from || i.CreatedAt >= to),
            (InstanceTimestamp.CreatedAt, TimestampOperator.LessThan) => rows.Where(i => i.CreatedAt < at),
            (InstanceTimestamp.CreatedAt, TimestampOperator.GreaterThan) => rows.Where(i => i.CreatedAt > at),
            (InstanceTimestamp.CreatedAt, TimestampOperator.LessThanOrEqual) => rows.Where(i => i.CreatedAt <= at),
            (InstanceTimestamp.CreatedAt, _) => rows.Where(i => i.CreatedAt >= at),
            (InstanceTimestamp.UpdatedAt, TimestampOperator.Is) => rows.Where(i => i.UpdatedAt >= from && i.UpdatedAt < to),
            (InstanceTimestamp.UpdatedAt, TimestampOperator.IsNot) => rows.Where(i => i.UpdatedAt < from || i.UpdatedAt >= to),
            (InstanceTimestamp.UpdatedAt, TimestampOperator.LessThan) => rows.Where(i => i.UpdatedAt < at),
            (InstanceTimestamp.UpdatedAt, TimestampOperator.GreaterThan) => rows.Where(i => i.UpdatedAt > at),
            (InstanceTimestamp.UpdatedAt, TimestampOperator.LessThanOrEqual) => rows.Where(i => i.UpdatedAt <= at),
            (InstanceTimestamp.UpdatedAt, _) => rows.Where(i => i.UpdatedAt >= at),
            (_, TimestampOperator.Is) => rows.Where(i => i.FinishedAt >= from && i.FinishedAt < to),
            (_, TimestampOperator.IsNot) => rows.Where(i => i.FinishedAt != null && (i.FinishedAt < from || i.FinishedAt >= to)),
            (_, TimestampOperator.LessThan) => rows.Where(i => i.FinishedAt < at),
            (_, TimestampOperator.GreaterThan) => rows.Where(i => i.FinishedAt > at),
            (_, TimestampOperator.LessThanOrEqual) => rows.Where(i => i.FinishedAt <= at),
            _ => rows.Where(i => i.FinishedAt >= at),
        };
    }

    /// <summary>
    /// The queries every resume runs, compiled once: no expression tree is built, parameterized and looked up in the
    /// query cache per call. A compiled query belongs to one model, hence one set per model (one per provider).
    /// </summary>
    private sealed class CompiledQueries
    {
        private static readonly ConditionalWeakTable<IModel, CompiledQueries> ByModel = [];

        public readonly Func<HotlineDbContext, string, CancellationToken, Task<WorkflowInstanceRow?>> FindInstance =
            EF.CompileAsyncQuery((HotlineDbContext db, string id, CancellationToken _) =>
                db.WorkflowInstances.AsNoTracking().FirstOrDefault(i => i.Id == id));

        // EF Core generates SQL per pattern of null parameters, so an absent filter costs nothing in the database.
        public readonly Func<HotlineDbContext, string, string?, string?, string?, IAsyncEnumerable<BookmarkRef>> FindBookmarks =
            EF.CompileAsyncQuery((HotlineDbContext db, string name, string? hash, string? correlationId, string? instanceId) =>
                db.Bookmarks.AsNoTracking()
                    .Where(b => b.Name == name &&
                        (hash == null || b.Hash == hash) &&
                        (correlationId == null || b.CorrelationId == correlationId) &&
                        (instanceId == null || b.WorkflowInstanceId == instanceId))
                    .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
                    .Select(b => new BookmarkRef(b.Id, b.WorkflowInstanceId, b.Name, b.Hash, b.ResumeAt, b.CorrelationId)));

        // Tracked: the store cancels the pending ones; an effect of the same commit may have loaded (and completed) them already.
        public readonly Func<HotlineDbContext, string, IAsyncEnumerable<Inbox.InboxTask>> FindTask =
            EF.CompileAsyncQuery((HotlineDbContext db, string taskId) => db.InboxTasks.Where(t => t.TaskId == taskId));

        public readonly Func<HotlineDbContext, List<string>, IAsyncEnumerable<Inbox.InboxTask>> FindTasks =
            EF.CompileAsyncQuery((HotlineDbContext db, List<string> taskIds) => db.InboxTasks.Where(t => taskIds.Contains(t.TaskId)));

        public static CompiledQueries For(HotlineDbContext db) => ByModel.GetValue(db.Model, _ => new CompiledQueries());
    }

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
        _ => false,
    };
}
