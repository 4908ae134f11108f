using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Host.Notifications;

/// <summary>
/// The daily purge of notifications older than <see cref="NotificationOptions.Retention"/>, so the table holds months,
/// not years; the bell only ever shows the latest. Read marks are a last-read id per person and stay valid. Any host
/// may run it; a delete by age is the same whoever runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NotificationPurgeJob(
    IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationPurgeJob> logger) : IJob
{
    /// <summary>The job's key in the host's scheduler.</summary>
    public static readonly JobKey Key = new("notification-purge", "hotline");

    /// <summary>How often it runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await PurgeAsync(cancellationToken);

    /// <summary>Deletes the notifications older than the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - options.Value.Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var purged = await db.Notifications.Where(n => n.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Deleted {Count} notifications older than {Retention}.", purged, options.Value.Retention);
        return purged;
    }
}
