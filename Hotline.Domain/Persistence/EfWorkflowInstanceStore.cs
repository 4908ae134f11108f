using System.Data.Common;
using System.Runtime.CompilerServices;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hotline.Domain.Persistence;

/// <summary><see cref="IWorkflowInstanceStore"/> on <see cref="HotlineDbContext"/>; each call uses a short-lived context.</summary>
public sealed class EfWorkflowInstanceStore(IDbContextFactory<HotlineDbContext> contexts, ILogger<EfWorkflowInstanceStore>? logger = null) : IWorkflowInstanceStore
{
    private readonly ILogger _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <inheritdoc />
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await WorkflowQueries.For(db).FindInstance(db, instanceId, cancellationToken);
        return row?.ToInstance();
    }

    /// <inheritdoc />
    /// <remarks>On a context of its own; bursts commit on their scope's context (<see cref="DatabaseBurstScopeFactory"/>).</remarks>
    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await WorkflowCommitTransaction.SaveAsync(db, commit, _logger, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookmarkRef>> FindBookmarksAsync(string name, string? hash, string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new List<BookmarkRef>();
        await foreach (var bookmark in WorkflowQueries.For(db).FindBookmarks(db, name, hash, correlationId, instanceId).WithCancellation(cancellationToken))
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
            .Select(h => new { h.FirstSequence, h.LastSequence, h.Journal, h.JournalJson })
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
            journal.AddRange(WorkflowHistoryRow.ReadJournal(burst.Journal, burst.JournalJson));
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
            .Where(h => h.WorkflowInstanceId == instanceId && (h.Records != null || h.RecordsJson != null))
            .OrderBy(h => h.Revision)
            .Select(h => new { h.Records, h.RecordsJson })
            .AsAsyncEnumerable();
        var records = new Dictionary<string, ActivityExecutionRecord>(StringComparer.Ordinal);
        await foreach (var burst in bursts.WithCancellation(cancellationToken))
        {
            foreach (var record in WorkflowHistoryRow.ReadRecords(burst.Records, burst.RecordsJson))
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
        var rows = Filter(db.WorkflowInstances.AsNoTracking(), search);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await Order(rows, search)
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

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the instance row goes only while its status is not Running (a burst that resumed it meanwhile
    /// keeps it), then its bookmarks and history.
    /// </remarks>
    public async Task<InstanceDeletion> DeleteEndedAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.WorkflowInstances
            .Where(i => i.Id == instanceId && i.Status != WorkflowStatus.Running)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            return await db.WorkflowInstances.AnyAsync(i => i.Id == instanceId, cancellationToken) ? InstanceDeletion.Running : InstanceDeletion.NotFound;
        await db.Bookmarks.Where(b => b.WorkflowInstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowHistory.Where(h => h.WorkflowInstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InstanceDeletion.Deleted;
    }

    private static IQueryable<WorkflowInstanceRow> Filter(IQueryable<WorkflowInstanceRow> rows, InstanceSearch search)
    {
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
            rows = Matching(rows, search.SearchTerm);
        if (search.HasIncidents is { } hasIncidents)
            rows = hasIncidents ? rows.Where(i => i.IncidentCount > 0) : rows.Where(i => i.IncidentCount == 0);
        foreach (var filter in search.Timestamps)
            rows = Where(rows, filter);
        return rows;
    }

    private static IQueryable<WorkflowInstanceRow> Matching(IQueryable<WorkflowInstanceRow> rows, string searchTerm)
    {
        // Case-insensitive on every provider (PostgreSQL's LIKE is not), as InstanceSearch.Matches. The lambda is
        // translated to SQL lower(): no .NET culture or comparison applies, which is what CA1304/CA1311/CA1862 guard.
        var term = searchTerm.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
        return rows.Where(i => i.Id.ToLower().Contains(term) || (i.Name != null && i.Name.ToLower().Contains(term)) ||
            (i.CorrelationId != null && i.CorrelationId.ToLower().Contains(term)) || i.DefinitionId.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
    }

    private static IOrderedQueryable<WorkflowInstanceRow> Order(IQueryable<WorkflowInstanceRow> rows, InstanceSearch search)
    {
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
        return search.Descending ? ordered.ThenByDescending(i => i.Id) : ordered.ThenBy(i => i.Id);
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
}
