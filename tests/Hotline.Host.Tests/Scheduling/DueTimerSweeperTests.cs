using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hotline.Host.Tests.Scheduling;

public sealed class DueTimerSweeperTests
{
    [Fact]
    public async Task Should_FireTheTimerOnceOnlyAfterItIsDue_When_TheSweepRuns()
    {
        using var factory = new HotlineFactory();
        var host = factory.Quiet();
        await host.PublishAsync(TimerWorkflow.Json);
        var runtime = host.Runtime();
        var started = await runtime.StartAsync("timer", new StartOptions());
        var resumeAt = Assert.Single(started.Bookmarks).ResumeAt;
        Assert.Equal(factory.Clock.GetUtcNow() + TimerWorkflow.Delay, resumeAt);

        factory.Clock.Advance(TimerWorkflow.Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.Sweeper().SweepAsync());
        Assert.Equal(WorkflowStatus.Running, (await runtime.Instances.FindAsync(started.InstanceId))!.Status);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Sweeper().SweepAsync());
        Assert.Equal(0, await host.Sweeper().SweepAsync());

        var instance = await runtime.Instances.FindAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Equal(1, await runtime.Instances.DelayResumedCountAsync(started.InstanceId));
        Assert.Contains(await runtime.Instances.GetJournalAsync(started.InstanceId), e => e.ActivityId == "w" && e.EventName == "Completed");
    }

    [Fact]
    public async Task Should_ResumeEveryDueTimerInOneSweep_When_MoreAreDueThanOneBatch()
    {
        using var factory = new HotlineFactory();
        var host = factory.Quiet(b => b.UseSetting("Hotline:Scheduling:BatchSize", "2"));
        await host.PublishAsync(TimerWorkflow.Json);
        var runtime = host.Runtime();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await runtime.StartAsync("timer", new StartOptions())).InstanceId);

        factory.Clock.Advance(TimerWorkflow.Delay);

        Assert.Equal(5, await host.Sweeper().SweepAsync());
        foreach (var id in ids)
            Assert.Equal(WorkflowStatus.Finished, (await runtime.Instances.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Should_FireTheTimer_When_ItCameDueWhileTheHostWasDown()
    {
        var directory = Directory.CreateTempSubdirectory("hotline-restart-");
        try
        {
            var database = $"Data Source={Path.Combine(directory.FullName, "hotline.db")}";
            string instanceId;
            using (var first = new HotlineFactory())
            {
                var hostA = first.Quiet(b => b.UseSetting("Hotline:Database:ConnectionString", database));
                await hostA.PublishAsync(TimerWorkflow.Json);
                instanceId = (await hostA.Runtime().StartAsync("timer", new StartOptions())).InstanceId;
            }

            using var second = new HotlineFactory();
            second.Clock.Advance(TimerWorkflow.Delay + TimeSpan.FromHours(1));
            var hostB = second.Quiet(b => b.UseSetting("Hotline:Database:ConnectionString", database));

            // The start-up sweep may get there first; either way the timer fires exactly once.
            await hostB.Sweeper().SweepAsync();

            var store = hostB.Runtime().Instances;
            Assert.Equal(WorkflowStatus.Finished, (await store.FindAsync(instanceId))!.Status);
            Assert.Equal(1, await store.DelayResumedCountAsync(instanceId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Should_SweepAtStartUp_When_ATimerCameDueWhileTheHostWasDown()
    {
        var directory = Directory.CreateTempSubdirectory("hotline-startup-");
        try
        {
            var database = $"Data Source={Path.Combine(directory.FullName, "hotline.db")}";
            string instanceId;
            using (var first = new HotlineFactory())
            {
                var hostA = first.Quiet(b => b.UseSetting("Hotline:Database:ConnectionString", database));
                await hostA.PublishAsync(TimerWorkflow.Json);
                instanceId = (await hostA.Runtime().StartAsync("timer", new StartOptions())).InstanceId;
            }

            var sweeps = new SweepListener();
            using var second = new HotlineFactory();
            second.Clock.Advance(TimerWorkflow.Delay + TimeSpan.FromHours(1));
            var hostB = second.Quiet(b =>
            {
                b.UseSetting("Hotline:Database:ConnectionString", database);
                b.ConfigureServices(services => services.ConfigureAllQuartzSchedulers(q => q.AddJobListener(sweeps, [Matchers.Key(DueTimersJob.Key)])));
            });

            _ = hostB.Services;
            // Quartz fires the start-up run at once on its own thread; the listener says when it has returned.
            var startupSweep = await sweeps.Executed.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(SchedulerConstants.StartupGroup, startupSweep.Trigger.Key.Group);
            Assert.Null(sweeps.Error);
            var store = hostB.Runtime().Instances;
            Assert.Equal(WorkflowStatus.Finished, (await store.FindAsync(instanceId))!.Status);
            Assert.Equal(1, await store.DelayResumedCountAsync(instanceId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Should_ResumeEachTimerExactlyOnce_When_TwoHostsSweepOnePostgresDatabase()
    {
        await using var database = await PostgresDatabase.CreateMigratedAsync();
        using var firstFactory = new HotlineFactory(database.ConnectionString);
        using var secondFactory = new HotlineFactory(database.ConnectionString);
        // Small batches, so each sweep loops and both hosts contend for the same rows batch after batch.
        var first = firstFactory.Quiet(b => b.UseSetting("Hotline:Scheduling:BatchSize", "7"));
        var second = secondFactory.Quiet(b => b.UseSetting("Hotline:Scheduling:BatchSize", "7"));
        _ = first.Services; // migrates the database before the second host starts
        _ = second.Services;
        Assert.NotSame(first.Services.GetRequiredService<IScheduler>(), second.Services.GetRequiredService<IScheduler>());
        await first.PublishAsync(TimerWorkflow.Json);

        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
            ids.Add((await (i % 2 == 0 ? first : second).Runtime().StartAsync("timer", new StartOptions())).InstanceId);
        firstFactory.Clock.Advance(TimerWorkflow.Delay);
        secondFactory.Clock.Advance(TimerWorkflow.Delay);

        var fired = 0;
        int[] round;
        do
        {
            round = await Task.WhenAll(first.Sweeper().SweepAsync(), second.Sweeper().SweepAsync(), first.Sweeper().SweepAsync(), second.Sweeper().SweepAsync());
            fired += round.Sum();
        }
        while (round.Any(n => n > 0));

        Assert.Equal(50, fired);
        var store = first.Runtime().Instances;
        foreach (var id in ids)
        {
            Assert.Equal(WorkflowStatus.Finished, (await store.FindAsync(id))!.Status);
            Assert.Equal(1, await store.DelayResumedCountAsync(id));
        }
    }

    private sealed class SweepListener : IJobListener
    {
        public TaskCompletionSource<IJobExecutionContext> Executed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public JobExecutionException? Error { get; private set; }

        public string Name => "test-sweep-listener";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            Error ??= jobException;
            Executed.TrySetResult(context);
            return default;
        }
    }
}
