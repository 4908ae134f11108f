using System.Security.Claims;
using Hotline.Domain.Notifications;

namespace Hotline.Workbench.Notifications;

/// <summary>
/// A person's notifications as the host keeps them: only those addressed to their own unit or desk, roles, name (and,
/// for a sub-centre's staff, their district's cases). The host implements this port; the workbench holds no such rule.
/// </summary>
public interface INotificationFeed
{
    /// <summary>The unread count and the latest notifications of <paramref name="user"/>, newest first.</summary>
    Task<NotificationSummary> SummaryAsync(ClaimsPrincipal user, int latest, CancellationToken cancellationToken);

    /// <summary>Marks everything <paramref name="user"/> can see as read.</summary>
    Task MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="onNotification"/> (on a background thread) for each new notification <paramref name="user"/>
    /// may see, within about the host's poll interval of its commit, whichever host wrote it; dispose to stop.
    /// </summary>
    IDisposable Subscribe(ClaimsPrincipal user, Func<NotificationItem, Task> onNotification);
}

/// <summary>A notification as shown: its words are <see cref="TextKey"/> with <see cref="Arguments"/>.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string? CaseNumber, string TextKey, IReadOnlyList<string> Arguments, DateTimeOffset CreatedAt)
{
    /// <summary>The view of a stored row.</summary>
    public static NotificationItem Of(Notification row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Kind, row.CaseNumber, row.TextKey, row.Arguments, row.CreatedAt);
    }
}

/// <summary>What the bell shows.</summary>
public sealed record NotificationSummary(int Unread, IReadOnlyList<NotificationItem> Latest);
