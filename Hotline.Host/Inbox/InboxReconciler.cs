using System.Text.Json.Nodes;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Inbox;

/// <summary>
/// Puts into the inbox the human tasks whose dispatch was lost. The engine dispatches a task after it has saved the
/// instance (so a task never names a bookmark that was rolled back); a crash between the two leaves a waiting
/// <c>Hotline.HumanTask</c> bookmark with no <see cref="InboxTask"/>. This finds those bookmarks and dispatches them.
/// </summary>
/// <remarks>
/// The task is rebuilt from the bookmark's payload (<c>taskId</c>, <c>taskName</c>, <c>assignee</c>,
/// <c>possibleOutcomes</c>, and <c>payload</c> when the engine stores the task's data there) and the instance's
/// correlation id. When the bookmark does not carry the task's data, the rebuilt task has its case (found through the
/// correlation id or the workflow instance) and its assignee as unit, but no kind or due times.
/// </remarks>
public sealed class InboxReconciler(
    IWorkflowInstanceStore instances,
    IDbContextFactory<HotlineDbContext> contexts,
    InboxTaskDispatcher dispatcher,
    ILogger<InboxReconciler> logger)
{
    private const int Chunk = 500;

    /// <summary>Dispatches every waiting human task that has no inbox row; returns how many it dispatched.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var bookmarks = await instances.FindBookmarksAsync(HumanTask.BookmarkName, hash: null, cancellationToken: cancellationToken);
        var dispatched = 0;
        foreach (var chunk in bookmarks.Chunk(Chunk))
        {
            var taskIds = chunk.Select(b => b.Hash ?? b.BookmarkId).ToList();
            HashSet<string> known;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                known = (await db.InboxTasks.AsNoTracking().Where(t => taskIds.Contains(t.TaskId)).Select(t => t.TaskId).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
            }

            foreach (var missing in chunk.Where(b => !known.Contains(b.Hash ?? b.BookmarkId)))
            {
                var instance = await instances.FindAsync(missing.WorkflowInstanceId, cancellationToken);
                var bookmark = instance?.Bookmarks.FirstOrDefault(b => b.Id == missing.BookmarkId);
                if (instance is null || bookmark is null)
                    continue; // Resumed or removed since the index was read.
                await dispatcher.DispatchAsync(ToRequest(bookmark, instance), cancellationToken);
                dispatched++;
            }
        }

        if (dispatched > 0)
            logger.LogWarning("Dispatched {Count} human task(s) that had no inbox row (their dispatch was lost).", dispatched);
        return dispatched;
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

/// <summary>Runs <see cref="InboxReconciler"/> once when the host starts, in the background so that start-up does not wait.</summary>
public sealed class InboxReconciliationService(InboxReconciler reconciler, ILogger<InboxReconciliationService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reconciler.ReconcileAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed reconciliation must not stop the host; the next start tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Reconciling the task inbox with the waiting human tasks failed.");
        }
    }
}
