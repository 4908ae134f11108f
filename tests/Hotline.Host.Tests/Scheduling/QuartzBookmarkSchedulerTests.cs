using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace Hotline.Host.Tests.Scheduling;

public sealed class QuartzBookmarkSchedulerTests : IAsyncLifetime
{
    private readonly HotlineFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _host = _factory.Quiet();
        await _host.PublishAsync(TimerWorkflow.Json);
        await _host.PublishAsync(TimerWorkflow.WithDelay("near", "00:00:30"));
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Should_BeTheEnginesBookmarkScheduler_When_TheHostIsBuilt()
    {
        Assert.IsType<QuartzBookmarkScheduler>(_host.Runtime().BookmarkScheduler);
        Assert.IsType<QuartzBookmarkScheduler>(_host.Services.GetRequiredService<IBookmarkScheduler>());
    }

    [Fact]
    public async Task Should_ScheduleAOneShotAtTheDueTimeOnlyForTheNearTimer_When_InstancesWaitOnTimers()
    {
        var near = await _host.Runtime().StartAsync("near", new StartOptions());
        var far = await _host.Runtime().StartAsync("timer", new StartOptions());
        var nearTimer = Assert.Single(near.Bookmarks);
        var farTimer = Assert.Single(far.Bookmarks);

        var keys = await OneShotKeysAsync();

        Assert.Equal([QuartzBookmarkScheduler.JobKeyFor(nearTimer.Id)], keys);
        Assert.DoesNotContain(QuartzBookmarkScheduler.JobKeyFor(farTimer.Id), keys);
        var trigger = await Scheduler().GetTrigger(new TriggerKey(nearTimer.Id, QuartzBookmarkScheduler.JobGroup));
        Assert.Equal(nearTimer.ResumeAt, trigger!.NextFireTimeUtc);
        var job = await Scheduler().GetJobDetail(QuartzBookmarkScheduler.JobKeyFor(nearTimer.Id));
        Assert.Equal(near.InstanceId, job!.JobDataMap[ResumeBookmarkJob.InstanceIdKey]);
        Assert.Equal(nearTimer.Id, job.JobDataMap[ResumeBookmarkJob.BookmarkIdKey]);
    }

    [Fact]
    public async Task Should_RemoveTheOneShot_When_TheTimerIsUnscheduled()
    {
        var scheduler = _host.Services.GetRequiredService<IBookmarkScheduler>();
        var timer = new Bookmark
        {
            Id = "bm-near",
            Name = "Elsa.Delay",
            ActivityNodeId = "f:d",
            ActivityInstanceId = "ai-1",
            ResumeAt = _factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(59),
        };

        await scheduler.ScheduleAsync("instance-1", timer, CancellationToken.None);
        Assert.Equal([QuartzBookmarkScheduler.JobKeyFor("bm-near")], await OneShotKeysAsync());

        await scheduler.UnscheduleAsync("instance-1", timer, CancellationToken.None);
        Assert.Empty(await OneShotKeysAsync());
    }

    [Fact]
    public async Task Should_RemoveTheOneShot_When_TheWaitingInstanceIsCancelled()
    {
        var near = await _host.Runtime().StartAsync("near", new StartOptions());
        Assert.NotEmpty(await OneShotKeysAsync());

        await _host.Runtime().CancelAsync(near.InstanceId);

        Assert.Empty(await OneShotKeysAsync());
    }

    [Fact]
    public async Task Should_ResumeTheBookmarkOnceAndIgnoreARepeat_When_TheOneShotRuns()
    {
        var near = await _host.Runtime().StartAsync("near", new StartOptions());
        var timer = Assert.Single(near.Bookmarks);
        var detail = await Scheduler().GetJobDetail(QuartzBookmarkScheduler.JobKeyFor(timer.Id));
        var trigger = await Scheduler().GetTrigger(new TriggerKey(timer.Id, QuartzBookmarkScheduler.JobGroup));
        _factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var job = ActivatorUtilities.CreateInstance<ResumeBookmarkJob>(_host.Services);
        var context = JobExecutionContextBuilder.For(job).WithJob(detail!).WithTrigger(trigger!).WithTimeProvider(_factory.Clock).Build();

        await job.Execute(context, CancellationToken.None);
        // A sweep or another host got there first: the repeat finds the bookmark gone and does nothing.
        await job.Execute(context, CancellationToken.None);

        var store = _host.Runtime().Instances;
        Assert.Equal(WorkflowStatus.Finished, (await store.FindAsync(near.InstanceId))!.Status);
        Assert.Equal(1, await store.DelayResumedCountAsync(near.InstanceId));
    }

    private IScheduler Scheduler() => _host.Services.GetRequiredService<IScheduler>();

    private async Task<List<JobKey>> OneShotKeysAsync()
    {
        var page = await Scheduler().QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(QuartzBookmarkScheduler.JobGroup) });
        return page.Items.Select(j => j.Key).ToList();
    }
}
