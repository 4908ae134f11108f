using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Scheduling;

/// <summary>Resumes timer bookmarks when they are due. The host implements it durably (Quartz); the engine keeps a memory one.</summary>
public interface IBookmarkScheduler
{
    /// <summary>Arranges for a bookmark to be resumed at its <see cref="Bookmark.ResumeAt"/>.</summary>
    Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled resume (the bookmark went away).</summary>
    Task UnscheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken);
}
