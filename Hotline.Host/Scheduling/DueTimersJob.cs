using Quartz;

namespace Hotline.Host.Scheduling;

/// <summary>The recurring sweep, and the one each start runs so that timers due while the host was down fire.</summary>
[DisallowConcurrentExecution]
public sealed class DueTimersJob(DueTimerSweeper sweeper) : IJob
{
    /// <summary>The job's key in the host's scheduler.</summary>
    public static readonly JobKey Key = new("due-timers", "hotline");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
