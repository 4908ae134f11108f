using System.Collections.Concurrent;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Hotline.Host.Notifications;
using Hotline.Host.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Notifications;

/// <summary>
/// The poller reads the rows after the last id it saw and, in a query of their own, the ids it skipped (a row that
/// became visible after a higher one): every row is delivered once, the late one too.
/// </summary>
public sealed class NotificationPollerTests
{
    private static readonly string Recipient = NotificationRecipients.Unit("DH");

    [Fact]
    public async Task Should_DeliverEveryRowOnce_When_ARowBecomesVisibleAfterAHigherOne()
    {
        await using var directory = new TempDirectory();
        await using var services = await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(directory.Path, "hotline.db"));
        var contexts = services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();
        var hub = new NotificationHub(NullLogger<NotificationHub>.Instance);
        var delivered = new ConcurrentQueue<long>();
        using var subscription = hub.Subscribe(new NotificationAudience(new HashSet<string> { Recipient }, null), row =>
        {
            delivered.Enqueue(row.Id);
            return Task.CompletedTask;
        });
        var poller = new NotificationPoller(contexts, hub, Options.Create(new NotificationOptions()), NullLogger<NotificationPoller>.Instance);

        await AddAsync(contexts, 1, 2, 4);
        await poller.PollOnceAsync(default);
        await UntilAsync(delivered, 3);
        await AddAsync(contexts, 3, 5);
        await poller.PollOnceAsync(default);
        await UntilAsync(delivered, 5);
        await poller.PollOnceAsync(default);

        Assert.Equal([1L, 2, 3, 4, 5], delivered.Order());
    }

    private static async Task AddAsync(IDbContextFactory<HotlineDbContext> contexts, params long[] ids)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Notifications.AddRange(ids.Select(id => new Notification
        {
            Id = id, Recipient = Recipient, Kind = NotificationKind.NewTask, TextKey = "notice", CreatedAt = DateTimeOffset.UnixEpoch,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Waits (up to 10 s) until <paramref name="count"/> rows were delivered: delivery runs on the thread pool.</summary>
    private static async Task UntilAsync(ConcurrentQueue<long> delivered, int count)
    {
        for (var i = 0; i < 1000 && delivered.Count < count; i++)
            await Task.Delay(10);
        Assert.Equal(count, delivered.Count);
    }
}
