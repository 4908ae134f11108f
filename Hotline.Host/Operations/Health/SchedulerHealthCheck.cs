using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Hotline.Host.Operations.Health;

/// <summary>This host's Quartz scheduler (the timer sweep, near timers, purges) is started and not on standby.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The scheduler is not running.");
    }
}
