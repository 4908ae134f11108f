using System.Runtime.CompilerServices;
using Hotline.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hotline.Domain.Persistence;

/// <summary>
/// The queries every burst runs, compiled once: no expression tree is built, parameterized and looked up in the query
/// cache per call. A compiled query belongs to one model, hence one set per model (one per provider).
/// </summary>
internal sealed class WorkflowQueries
{
    private static readonly ConditionalWeakTable<IModel, WorkflowQueries> ByModel = [];

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

    // Tracked: the commit cancels the pending ones; an activity of the same burst may have loaded (and completed) them already.
    public readonly Func<HotlineDbContext, string, IAsyncEnumerable<Inbox.InboxTask>> FindTask =
        EF.CompileAsyncQuery((HotlineDbContext db, string taskId) => db.InboxTasks.Where(t => t.TaskId == taskId));

    public readonly Func<HotlineDbContext, List<string>, IAsyncEnumerable<Inbox.InboxTask>> FindTasks =
        EF.CompileAsyncQuery((HotlineDbContext db, List<string> taskIds) => db.InboxTasks.Where(t => taskIds.Contains(t.TaskId)));

    public static WorkflowQueries For(HotlineDbContext db) => ByModel.GetValue(db.Model, _ => new WorkflowQueries());
}
