using System.Text.Json.Nodes;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Inbox;

/// <summary>
/// Puts into the inbox the waiting human tasks that have no inbox row. The commit writes each task's row with its
/// bookmark, so only versions that dispatched tasks after the commit (a crash in between lost the row) leave such
/// tasks behind; this finds their <c>Hotline.HumanTask</c> bookmarks and writes the rows.
/// </summary>
/// <remarks>
/// The task is rebuilt from the bookmark's payload (<c>taskId</c>, <c>taskName</c>, <c>assignee</c>,
/// <c>possibleOutcomes</c>, <c>payload</c>) and the instance's correlation id.
/// </remarks>
public sealed class InboxReconciler(
    IWorkflowInstanceStore instances,
    IDbContextFactory<HotlineDbContext> contexts,
    InboxTaskDispatcher dispatcher,
    ILogger<InboxReconciler> logger)
{
    private const int Chunk = 500;

    /// <summary>Writes the row of every waiting human task that has none; returns how many it wrote.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var repaired = 0;
        var after = "";
        while (true)
        {
            var missing = await FindMissingAsync(after, cancellationToken);
            foreach (var (bookmarkId, instanceId) in missing)
            {
                var instance = await instances.FindAsync(instanceId, cancellationToken);
                var bookmark = instance?.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
                if (instance is null || bookmark is null)
                    continue; // Resumed or removed since the index was read.
                await dispatcher.DispatchAsync(ToRequest(bookmark, instance), cancellationToken);
                repaired++;
            }

            if (missing.Count < Chunk)
                break;
            after = missing[^1].BookmarkId;
        }

        if (repaired > 0)
            logger.LogWarning("Wrote the inbox rows of {Count} waiting human task(s) that had none (lost by an older version).", repaired);
        return repaired;
    }

    /// <summary>Human-task bookmarks without an inbox row, by bookmark id after <paramref name="after"/> (one indexed anti-join).</summary>
    private async Task<List<(string BookmarkId, string InstanceId)>> FindMissingAsync(string after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
#pragma warning disable CA1309 // string.Compare(a, b) is what EF Core translates to the database's own comparison (keyset paging).
        var rows = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Name == HumanTask.BookmarkName && string.Compare(b.Id, after) > 0 && !db.InboxTasks.Any(t => t.TaskId == b.Hash))
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.WorkflowInstanceId })
            .Take(Chunk)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1309
        return rows.Select(r => (r.Id, r.WorkflowInstanceId)).ToList();
    }

    /// <summary>The task request a waiting human-task bookmark was created with, as far as the bookmark tells.</summary>
    internal static TaskRequest ToRequest(Bookmark bookmark, WorkflowInstance instance)
    {
        var payload = bookmark.Payload as JsonObject;
        var taskId = payload?["taskId"]?.GetValue<string>() ?? bookmark.Hash ?? bookmark.Id;
        var outcomes = (payload?["possibleOutcomes"] as JsonArray ?? []).Select(o => o!.GetValue<string>()).ToList();
        return new TaskRequest(
            taskId,
            payload?["taskName"]?.GetValue<string>() ?? taskId,
            instance.Id,
            bookmark.ActivityNodeId,
            bookmark.Id,
            outcomes,
            payload?["payload"]?.DeepClone(),
            payload?["assignee"]?.GetValue<string>(),
            instance.CorrelationId);
    }
}

/// <summary>Runs <see cref="InboxReconciler"/> when the host starts and then every <see cref="InboxOptions.RepairInterval"/>.</summary>
public sealed class InboxReconciliationService(InboxReconciler reconciler, IOptions<InboxOptions> options, TimeProvider clock, ILogger<InboxReconciliationService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.RepairInterval, clock);
            do
            {
                await RepairOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RepairOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reconciler.ReconcileAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed repair (the database is away) must not stop the host; the next interval tries again.
            logger.LogError(e, "Repairing the task inbox from the waiting human tasks failed.");
        }
    }
}
