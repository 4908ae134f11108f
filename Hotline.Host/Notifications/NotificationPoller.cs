using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notifications;

/// <summary>
/// Each host's reader of the shared notifications table: every <see cref="NotificationOptions.PollInterval"/> one indexed
/// query for the rows after the last id it saw, handed to <see cref="NotificationHub"/>. Because every host reads the
/// database every host's pages get every row, whichever host wrote it: the database is the backplane.
/// </summary>
/// <remarks>
/// Ids are handed out before commit, so a row may become visible after a higher one (two transactions committing out
/// of order on PostgreSQL). The poller remembers the ids it skipped and asks for them again for
/// <see cref="GapWait"/>; a gap still empty then was a rolled-back save. The wait is real time
/// (<see cref="TimeProvider.System"/>): delivery does not follow a test's fake clock.
/// </remarks>
public sealed class NotificationPoller(
    IDbContextFactory<HotlineDbContext> contexts, NotificationHub hub, IOptions<NotificationOptions> options, ILogger<NotificationPoller> logger) : BackgroundService
{
    /// <summary>How long a skipped id is looked for.</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(30);

    private const int BatchSize = 1000;
    private const int MaxGaps = 1000;
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _last;

    /// <summary>Notes where the table ends before the host takes requests: a page opened after the start misses nothing.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            _last = await db.Notifications.MaxAsync(n => (long?)n.Id, cancellationToken) ?? 0;
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, TimeProvider.System);
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                // The database may be away for a moment (a failover); the next tick tries again from the same id.
                logger.LogWarning(e, "Reading new notifications failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads and delivers the rows written since the last look.</summary>
    internal async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = _last;
        // The rows after the last id and the skipped ones are two queries: one statement with "Id > last OR Id IN gaps"
        // read the key from the start on PostgreSQL (3.4 million rows passed over, 570 ms, every poll at a million cases).
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Id > last).OrderBy(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (_gaps.Count > 0)
        {
            var gaps = _gaps.Keys.ToList();
            rows.AddRange(await db.Notifications.AsNoTracking().Where(n => gaps.Contains(n.Id)).ToListAsync(cancellationToken));
            rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        }

        Remember(rows, TimeProvider.System.GetUtcNow());
        if (rows.Count > 0)
            hub.Publish(rows);
    }

    private void Remember(List<Notification> rows, DateTimeOffset now)
    {
        foreach (var row in rows)
        {
            if (!_gaps.Remove(row.Id))
            {
                for (var skipped = _last + 1; skipped < row.Id && _gaps.Count < MaxGaps; skipped++)
                    _gaps[skipped] = now;
                _last = Math.Max(_last, row.Id);
            }
        }

        foreach (var stale in _gaps.Where(g => now - g.Value > GapWait).Select(g => g.Key).ToList())
            _gaps.Remove(stale);
    }
}
