using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Host.Scheduling;

/// <summary>
/// Gives a timer due within <see cref="SchedulingOptions.NearTimerHorizon"/> a one-shot Quartz trigger at its exact
/// due time, in this host's memory; later timers are left to <see cref="DueTimerSweeper"/>, so millions of pending
/// timers stay rows in the bookmark index rather than objects in the scheduler.
/// </summary>
/// <remarks>
/// A one-shot only adds precision: the bookmark row is the durable record, and the sweep fires it if this host stops
/// before the trigger does. Scheduling therefore never fails the commit that created the timer.
/// </remarks>
public sealed class QuartzBookmarkScheduler(
    ISchedulerFactory schedulers,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<QuartzBookmarkScheduler> logger) : IBookmarkScheduler
{
    /// <summary>The Quartz group of the one-shot jobs and triggers; each is named by its bookmark id.</summary>
    public const string JobGroup = "hotline-timers";

    /// <summary>The key of the one-shot job of a bookmark.</summary>
    public static JobKey JobKeyFor(string bookmarkId) => new(bookmarkId, JobGroup);

    /// <inheritdoc />
    public async Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.ResumeAt is not { } resumeAt || resumeAt - clock.GetUtcNow() > options.Value.NearTimerHorizon)
            return;

        var job = JobBuilder.Create<ResumeBookmarkJob>()
            .WithIdentity(JobKeyFor(bookmark.Id))
            .UsingJobData(ResumeBookmarkJob.InstanceIdKey, instanceId)
            .UsingJobData(ResumeBookmarkJob.BookmarkIdKey, bookmark.Id)
            .Build();
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(bookmark.Id, JobGroup)
            .ForJob(job)
            .StartAt(resumeAt)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch (SchedulerException e)
        {
            // The scheduler is not running (the host is stopping); the sweep fires the timer instead.
            logger.LogWarning(e, "Timer {BookmarkId} of instance {InstanceId} was left to the sweep.", bookmark.Id, instanceId);
        }
    }

    /// <inheritdoc />
    public async Task UnscheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.DeleteJob(JobKeyFor(bookmark.Id), cancellationToken);
        }
        catch (SchedulerException e)
        {
            // A one-shot left behind finds its bookmark gone and does nothing.
            logger.LogWarning(e, "The one-shot of timer {BookmarkId} of instance {InstanceId} was not removed.", bookmark.Id, instanceId);
        }
    }
}
