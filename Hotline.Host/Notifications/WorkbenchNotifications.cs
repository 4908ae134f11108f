using System.Security.Claims;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Api;
using Hotline.Workbench.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notifications;

/// <summary>The bell's notifications: the person's own (<see cref="NotificationAudience"/>), read state per person.</summary>
internal sealed class WorkbenchNotifications(
    IDbContextFactory<HotlineDbContext> contexts, NotificationHub hub, IOptions<RoutingOptions> routing) : INotificationFeed
{
    /// <summary>The most unread counted (the bell shows 99+ beyond).</summary>
    private const int MaxCounted = 100;

    public async Task<NotificationSummary> SummaryAsync(ClaimsPrincipal user, int latest, CancellationToken cancellationToken)
    {
        var audience = AudienceOf(user);
        if (audience.Keys.Count == 0)
            return new(0, []);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = Caller.Name(user);
        var read = await db.NotificationReads.Where(r => r.UserName == name).Select(r => r.LastReadId).FirstOrDefaultAsync(cancellationToken);
        var mine = audience.Filter(db.Notifications.AsNoTracking());
        var unread = await mine.Where(n => n.Id > read).OrderByDescending(n => n.Id).Take(MaxCounted).CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.Id).Take(latest).ToListAsync(cancellationToken);
        return new(unread, [.. rows.Select(NotificationItem.Of)]);
    }

    public async Task MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var audience = AudienceOf(user);
        if (audience.Keys.Count == 0)
            return;
        try
        {
            await MarkReadAsync(audience, Caller.Name(user), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab of the same person marked at the same moment and added the row first: move it on.
            await MarkReadAsync(audience, Caller.Name(user), cancellationToken);
        }
    }

    private async Task MarkReadAsync(NotificationAudience audience, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newest = await audience.Filter(db.Notifications).MaxAsync(n => (long?)n.Id, cancellationToken);
        if (newest is not { } last)
            return;
        var read = await db.NotificationReads.FirstOrDefaultAsync(r => r.UserName == name, cancellationToken);
        if (read is null)
            db.NotificationReads.Add(new NotificationRead { UserName = name, LastReadId = last });
        else
            read.LastReadId = Math.Max(read.LastReadId, last);
        await db.SaveChangesAsync(cancellationToken);
    }

    public IDisposable Subscribe(ClaimsPrincipal user, Func<NotificationItem, Task> onNotification)
    {
        ArgumentNullException.ThrowIfNull(onNotification);
        return hub.Subscribe(AudienceOf(user), row => onNotification(NotificationItem.Of(row)));
    }

    private NotificationAudience AudienceOf(ClaimsPrincipal user) => NotificationAudience.Of(user, routing.Value.DefaultDispatchUnitCode);
}
