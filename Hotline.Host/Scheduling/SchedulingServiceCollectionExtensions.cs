using Hotline.Host.Scheduling;
using Hotline.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = Hotline.Host.Scheduling.SchedulingOptions;

// In the DI namespace, like the framework's own AddX methods, so Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers durable timers: the due-timer sweep and near-timer one-shots on an in-memory Quartz scheduler.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SchedulingOptions"/> (validated on start), <see cref="DueTimerSweeper"/>, a Quartz scheduler
    /// that runs <see cref="DueTimersJob"/> at start and every <see cref="SchedulingOptions.SweepInterval"/>, and
    /// <see cref="QuartzBookmarkScheduler"/> as the engine's <see cref="IBookmarkScheduler"/>, replacing the
    /// in-memory one. Call it after <c>AddHotlineWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddHotlineScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SchedulingOptions>()
            .Bind(configuration.GetSection(SchedulingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DueTimerSweeper>();
        services.TryAddSingleton<QuartzBookmarkScheduler>();
        services.Replace(ServiceDescriptor.Singleton<IBookmarkScheduler>(sp => sp.GetRequiredService<QuartzBookmarkScheduler>()));

        // In-memory store: Quartz holds only the sweep and the near one-shots; the bookmark rows are the durable record.
        // Quartz runs on the TimeProvider the container holds (its documented default), the same clock the engine uses;
        // UseTimeProvider would pin an instance now, before a test host swaps in its fake clock.
        services.AddQuartz(quartz =>
        {
            // On shutdown a running sweep is asked to stop between batches; what it has not resumed stays due for the next host.
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJob<DueTimersJob>(job => job.WithIdentity(DueTimersJob.Key).StoreDurably().DisallowConcurrentExecution());
            quartz.AddTrigger((sp, trigger) =>
            {
                var interval = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.SweepInterval;
                trigger.ForJob(DueTimersJob.Key)
                    .WithIdentity("due-timers-every", "hotline")
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create()
                        .WithInterval(interval)
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithExistingCount));
            });
            quartz.RunAtStartup(DueTimersJob.Key);
            AddPurge<IdempotencyKeyPurgeJob>(quartz, IdempotencyKeyPurgeJob.Key, IdempotencyKeyPurgeJob.Interval, TimeSpan.FromHours(1));
            AddPurge<Hotline.Host.Notifications.NotificationPurgeJob>(quartz, Hotline.Host.Notifications.NotificationPurgeJob.Key,
                Hotline.Host.Notifications.NotificationPurgeJob.Interval, TimeSpan.FromHours(2));
            AddPurge<AttachmentSweepJob>(quartz, AttachmentSweepJob.Key, AttachmentSweepJob.Interval, TimeSpan.FromHours(3));
            quartz.AddJob<Hotline.Host.Notifications.SignForSoonJob>(job => job.WithIdentity(Hotline.Host.Notifications.SignForSoonJob.Key).StoreDurably().DisallowConcurrentExecution());
            quartz.AddTrigger((sp, trigger) =>
            {
                var interval = sp.GetRequiredService<IOptions<Hotline.Host.Notifications.NotificationOptions>>().Value.SignForCheckInterval;
                trigger.ForJob(Hotline.Host.Notifications.SignForSoonJob.Key).WithIdentity("sign-for-soon-every", "hotline")
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithExistingCount));
            });
            quartz.AddJobType<ResumeBookmarkJob>();
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A purge by age: every <paramref name="interval"/>, first <paramref name="firstAfter"/> after the start; a missed run is not made up.</summary>
    private static void AddPurge<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval, TimeSpan firstAfter)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(key).WithIdentity(key.Name + "-every", key.Group)
            .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow() + firstAfter)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithExistingCount)));
    }
}
