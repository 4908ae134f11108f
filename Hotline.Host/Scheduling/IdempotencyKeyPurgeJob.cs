using Hotline.Domain.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Host.Scheduling;

/// <summary>
/// The daily purge of clients' <c>Idempotency-Key</c> records older than <see cref="SchedulingOptions.IdempotencyKeyRetention"/>,
/// so the table holds weeks of keys, not years. Any host may run it; a delete by age is the same whoever runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IdempotencyKeyPurgeJob(IdempotencyKeys keys, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<IdempotencyKeyPurgeJob> logger) : IJob
{
    /// <summary>The job's key in the host's scheduler.</summary>
    public static readonly JobKey Key = new("idempotency-key-purge", "hotline");

    /// <summary>How often it runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await PurgeAsync(cancellationToken);

    /// <summary>Forgets the keys older than the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var purged = await keys.PurgeAsync(clock.GetUtcNow() - options.Value.IdempotencyKeyRetention, cancellationToken);
        if (purged > 0)
            logger.LogInformation("Forgot {Count} idempotency keys older than {Retention}.", purged, options.Value.IdempotencyKeyRetention);
        return purged;
    }
}
