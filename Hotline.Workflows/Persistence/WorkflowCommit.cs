using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>Everything one burst of execution changes, saved atomically.</summary>
/// <param name="Instance">The instance after the burst; its <see cref="WorkflowInstance.Revision"/> is the new revision.</param>
/// <param name="ExpectedRevision">The revision the burst started from; 0 for a new instance.</param>
/// <param name="AddedBookmarks">Bookmarks created by the burst.</param>
/// <param name="RemovedBookmarks">Bookmarks consumed or removed by the burst.</param>
/// <param name="Journal">Journal lines written by the burst.</param>
/// <param name="Records">Execution records created or changed by the burst.</param>
public sealed record WorkflowCommit(
    WorkflowInstance Instance,
    long ExpectedRevision,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<Bookmark> RemovedBookmarks,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<ActivityExecutionRecord> Records)
{
    /// <summary>
    /// Changes activities made to the host's own data (a case, its timeline, an inbox task), saved in the same
    /// transaction as the instance: a burst that loses a race and is retried leaves no trace of its first attempt.
    /// The store applies the kinds it knows and refuses others.
    /// </summary>
    public IReadOnlyList<object> Effects { get; init; } = [];

    /// <summary>
    /// The human tasks the burst created whose bookmarks it saves. A store that <see cref="IWorkflowInstanceStore.SavesTasks"/>
    /// writes them in the same transaction (a task can then never be lost between the commit and its hand-over);
    /// otherwise the runtime hands them to the task dispatcher once the commit is saved.
    /// </summary>
    public IReadOnlyList<TaskRequest> Tasks { get; init; } = [];

    /// <summary>
    /// The instance as the burst loaded it, at <see cref="ExpectedRevision"/>; null for a new instance or when unknown.
    /// A store may compare it with <see cref="Instance"/> to write only the columns that changed (and so leave the
    /// indexes on the others alone); the revision check makes the comparison exact.
    /// </summary>
    public WorkflowInstance? Previous { get; init; }
}
