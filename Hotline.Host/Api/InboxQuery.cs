using Hotline.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The tasks of an inbox a caller may list (<see cref="Matching"/>, unordered) and the order they are listed in. The
/// default order, soonest due first with the tasks without a due date last, is read as two index ranges — the dated
/// tasks by due date, then the undated ones — so a page walks only its own entries of the pending tasks' index
/// (one statement ordering by <c>DueAt IS NULL</c> made every provider sort all of the unit's pending tasks).
/// </summary>
/// <param name="Matching">The tasks of the inbox that pass the filters.</param>
/// <param name="Sort"><c>dueAt</c>, <c>-dueAt</c>, <c>createdAt</c> or <c>-createdAt</c>.</param>
internal sealed record InboxQuery(IQueryable<InboxTask> Matching, string Sort)
{
    /// <summary>How many tasks match.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => Matching.CountAsync(cancellationToken);

    /// <summary>The tasks of page <paramref name="page"/> (from 1) of <paramref name="pageSize"/>, in the order.</summary>
    public async Task<List<InboxTask>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        if (Sort != "dueAt")
            return await Ordered(Matching, Sort).Skip(skip).Take(pageSize).ToListAsync(cancellationToken);

        var tasks = await Dated.Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        if (tasks.Count == pageSize)
            return tasks;
        // The page runs past the dated tasks: the rest comes from the undated ones, from where they start.
        var datedCount = tasks.Count > 0 ? skip + tasks.Count : await Dated.CountAsync(cancellationToken);
        tasks.AddRange(await Undated.Skip(Math.Max(0, skip - datedCount)).Take(pageSize - tasks.Count).ToListAsync(cancellationToken));
        return tasks;
    }

    /// <summary>The first part of the default order: the tasks with a due date, soonest first.</summary>
    internal IOrderedQueryable<InboxTask> Dated => Matching.Where(t => t.DueAt != null).OrderBy(t => t.DueAt).ThenBy(t => t.TaskId);

    /// <summary>The second part of the default order: the tasks without a due date.</summary>
    internal IOrderedQueryable<InboxTask> Undated => Matching.Where(t => t.DueAt == null).OrderBy(t => t.TaskId);

    private static IOrderedQueryable<InboxTask> Ordered(IQueryable<InboxTask> tasks, string sort) => sort switch
    {
        "-dueAt" => tasks.OrderByDescending(t => t.DueAt).ThenBy(t => t.TaskId),
        "createdAt" => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.TaskId),
        "-createdAt" => tasks.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TaskId),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not an inbox order."),
    };
}
