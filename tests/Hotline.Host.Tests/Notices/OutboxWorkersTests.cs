using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Notices;

/// <summary>Two hosts running the delivery worker on one PostgreSQL database send each message once.</summary>
public sealed class OutboxWorkersTests
{
    [Fact]
    public async Task Should_send_each_message_once_when_two_hosts_deliver_from_one_postgresql_database_at_the_same_time()
    {
        await using var gateway = new SmsTestGateway();
        await using var first = await OutboxHost.StartAsync(postgres: true, gateway.Settings());
        await using var second = await OutboxHost.StartAsync(postgres: true, gateway.Settings(), shared: first);
        var now = first.Factory.Clock.GetUtcNow();
        second.Factory.Clock.Advance(now - second.Factory.Clock.GetUtcNow());
        await using (var db = await first.Contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < 60; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = NotificationKind.Notice, Channel = OutboxChannel.Sms, Recipient = NotificationRecipients.Citizen, Address = $"1390000{i:D4}",
                    Subject = "", Body = $"通知{i}", Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }

            await db.SaveChangesAsync();
        }

        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Run(first, "host-a"), Run(second, "host-b"));

        var ids = gateway.Received.Select(r => r.Body["messageId"]!.GetValue<string>()).ToList();
        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct().Count());
        await using var check = await first.Contexts.CreateDbContextAsync();
        Assert.Equal(60, await check.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
        Assert.Equal(60, await check.DeliveryAttempts.CountAsync(a => a.Outcome == DeliveryOutcome.Sent));
    }

    private static Task<int> Run(OutboxHost host, string worker) => Task.Run(() => host.Delivery.RunOnceAsync(worker));
}
