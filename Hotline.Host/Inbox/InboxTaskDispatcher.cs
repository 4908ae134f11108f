using Hotline.Host.Persistence;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Inbox;

/// <summary>
/// Puts a human task into the <see cref="InboxTask"/> table on its own context. The engine's commit writes the rows of
/// the tasks it creates itself (<see cref="EfWorkflowInstanceStore.SavesTasks"/>); this is for
/// <see cref="InboxReconciler"/>, which repairs tasks that older versions lost between the commit and the hand-over.
/// Idempotent: the row is keyed by the engine's task id, and a task already there is left as it is.
/// </summary>
public sealed class InboxTaskDispatcher(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, ILogger<InboxTaskDispatcher> logger) : ITaskDispatcher
{
    /// <inheritdoc />
    public async Task DispatchAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.InboxTasks.AnyAsync(t => t.TaskId == request.TaskId, cancellationToken))
            return;
        db.Add(await InboxTaskRows.CreateAsync(db, request, clock.GetUtcNow(), logger, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Repaired twice at once (two hosts' reconcilers): the other insert won, which is the same task.
            if (!await ExistsAsync(request.TaskId, cancellationToken))
                throw;
        }
    }

    private async Task<bool> ExistsAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboxTasks.AnyAsync(t => t.TaskId == taskId, cancellationToken);
    }
}
