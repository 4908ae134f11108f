using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Scheduling;

/// <summary>Keeps scheduled timers in memory; whoever owns it fires them (the command-line runner, tests).</summary>
public sealed class InMemoryBookmarkScheduler : IBookmarkScheduler
{
    private readonly SortedSet<(DateTimeOffset At, string InstanceId, string BookmarkId)> _due = [];

    /// <summary>Scheduled timers, earliest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, string InstanceId, string BookmarkId)> Scheduled
    {
        get
        {
            lock (_due)
                return _due.ToList();
        }
    }

    /// <inheritdoc />
    public Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken)
    {
        lock (_due)
            _due.Add((bookmark.ResumeAt ?? default, instanceId, bookmark.Id));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnscheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken)
    {
        lock (_due)
            _due.Remove((bookmark.ResumeAt ?? default, instanceId, bookmark.Id));
        return Task.CompletedTask;
    }

    /// <summary>Takes the earliest timer, if any (when <paramref name="dueBy"/> is given, only one due by then).</summary>
    public (DateTimeOffset At, string InstanceId, string BookmarkId)? TakeNext(DateTimeOffset? dueBy = null)
    {
        lock (_due)
        {
            if (_due.Count == 0)
                return null;
            var first = _due.Min;
            if (dueBy is { } limit && first.At > limit)
                return null;
            _due.Remove(first);
            return first;
        }
    }
}
