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
    /// The human tasks the burst created whose bookmarks it saves. The store writes them in the same transaction (a task
    /// can never be lost between the commit and a hand-over: there is none), where the host's inbox reads them.
    /// </summary>
    public IReadOnlyList<TaskRequest> Tasks { get; init; } = [];

    /// <summary>The human tasks the burst completed (their bookmarks are among <see cref="RemovedBookmarks"/>), saved with it.</summary>
    public IReadOnlyList<CompletedTask> CompletedTasks { get; init; } = [];

    /// <summary>
    /// The instance as the burst loaded it, at <see cref="ExpectedRevision"/>; null for a new instance or when unknown.
    /// A store may compare it with <see cref="Instance"/> to write only the columns that changed (and so leave the
    /// indexes on the others alone); the revision check makes the comparison exact.
    /// </summary>
    public WorkflowInstance? Previous { get; init; }
}
