using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Host.Persistence;

/// <summary><see cref="IWorkflowInstanceStore"/> on <see cref="HotlineDbContext"/>; each call uses a short-lived context.</summary>
public sealed class EfWorkflowInstanceStore(IDbContextFactory<HotlineDbContext> contexts) : IWorkflowInstanceStore
{
    /// <inheritdoc />
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row?.ToInstance();
    }

    /// <inheritdoc />
    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Disposing the transaction without committing rolls back everything below, whatever throws.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The instance row first, on its own: on PostgreSQL the UPDATE locks the row, so a concurrent commit of the
        // same instance waits here and then finds the revision changed, before it has written anything else.
        var row = WorkflowInstanceRow.From(instance);
        if (commit.ExpectedRevision == 0)
            db.WorkflowInstances.Add(row);
        else
        {
            var entry = db.WorkflowInstances.Attach(row);
            entry.State = EntityState.Modified;
            entry.Property(i => i.Revision).OriginalValue = commit.ExpectedRevision;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw Conflict(commit, e);
        }
        catch (DbUpdateException e) when (commit.ExpectedRevision == 0 && IsUniqueViolation(e))
        {
            throw Conflict(commit, e);
        }

        if (commit.RemovedBookmarks.Count > 0)
        {
            var removed = commit.RemovedBookmarks.Select(b => b.Id).ToList();
            await db.Bookmarks.Where(b => removed.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var bookmark in commit.AddedBookmarks)
            db.Bookmarks.Add(BookmarkRow.From(bookmark, instance));
        foreach (var entry in commit.Journal)
            db.JournalEntries.Add(JournalEntryRow.From(entry));
        if (commit.Records.Count > 0)
        {
            var ids = commit.Records.Select(r => r.Id).ToList();
            var existing = await db.ActivityExecutionRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);
            foreach (var record in commit.Records)
            {
                if (existing.TryGetValue(record.Id, out var recordRow))
                    recordRow.CopyFrom(record);
                else
                    db.ActivityExecutionRecords.Add(existing[record.Id] = ActivityExecutionRecordRow.From(record));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Name == name);
        if (hash is not null)
            query = query.Where(b => b.Hash == hash);
        if (correlationId is not null)
            query = query.Where(b => b.CorrelationId == correlationId);
        if (instanceId is not null)
            query = query.Where(b => b.WorkflowInstanceId == instanceId);
        var rows = await query.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return rows.Select(b => b.ToRef()).ToList();
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.JournalEntries.AsNoTracking().Where(j => j.WorkflowInstanceId == instanceId).OrderBy(j => j.Sequence).Skip(skip);
        if (take < int.MaxValue)
            query = query.Take(take);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(j => j.ToEntry()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityExecutionRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ActivityExecutionRecords.AsNoTracking().Where(r => r.WorkflowInstanceId == instanceId)
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToRecord()).ToList();
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

    private static ConcurrencyConflictException Conflict(WorkflowCommit commit, Exception cause)
    {
        var conflict = new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
        conflict.Data["Cause"] = cause.Message;
        return conflict;
    }

    // A second insert of the same instance id: the other commit created it first.
    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
