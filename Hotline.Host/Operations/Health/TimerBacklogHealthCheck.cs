using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Operations.Health;

/// <summary>
/// Due timers are being fired: no more than <see cref="HealthOptions.MaxLateTimers"/> are overdue by more than
/// <see cref="HealthOptions.TimerLag"/>. The backlog is the whole database's, so it degrades rather than fails:
/// taking every host out of the load balancer would not fire a timer sooner.
/// </summary>
public sealed class TimerBacklogHealthCheck(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptionsMonitor<HealthOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.CurrentValue;
        var lateBefore = clock.GetUtcNow() - limits.TimerLag;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Counts no further than the limit: the answer is only "over it or not", on the ResumeAt index.
        var late = await db.Bookmarks.AsNoTracking()
            .Where(b => b.ResumeAt != null && b.ResumeAt <= lateBefore)
            .Take(limits.MaxLateTimers + 1)
            .CountAsync(cancellationToken);
        return late > limits.MaxLateTimers
            ? new HealthCheckResult(context.Registration.FailureStatus, "Timers are late.")
            : HealthCheckResult.Healthy();
    }
}
