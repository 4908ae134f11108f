using System.Collections.Concurrent;
using Hotline.Domain.Notifications;

namespace Hotline.Host.Notifications;

/// <summary>
/// This host's subscribers (the open workbench pages) by audience: <see cref="NotificationPoller"/> hands it each new
/// row, it calls the callbacks of the subscribers the row is for (<see cref="NotificationAudience.Gets"/>). A callback
/// runs on its own, so a slow page does not hold up the others or the poller.
/// </summary>
public sealed class NotificationHub(ILogger<NotificationHub> logger)
{
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private long _next;

    /// <summary>How many pages listen.</summary>
    public int Count => _subscriptions.Count;

    /// <summary>Calls <paramref name="callback"/> for each new row for <paramref name="audience"/> until disposed.</summary>
    public IDisposable Subscribe(NotificationAudience audience, Func<Notification, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(callback);
        var id = Interlocked.Increment(ref _next);
        _subscriptions[id] = new Subscription(audience, callback);
        return new Unsubscriber(() => _subscriptions.TryRemove(id, out _));
    }

    /// <summary>Delivers <paramref name="rows"/> to their subscribers.</summary>
    public void Publish(IEnumerable<Notification> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            foreach (var subscription in _subscriptions.Values.Where(s => s.Audience.Gets(row)))
                _ = DeliverAsync(subscription, row);
        }
    }

    private async Task DeliverAsync(Subscription subscription, Notification row)
    {
        try
        {
            await Task.Run(() => subscription.Callback(row));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A closed page may fail to render; the others still get theirs.
            logger.LogDebug(e, "A subscriber failed to take notification {Id}.", row.Id);
        }
    }

    private sealed record Subscription(NotificationAudience Audience, Func<Notification, Task> Callback);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
