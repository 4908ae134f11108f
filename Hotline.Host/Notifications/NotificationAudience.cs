using System.Security.Claims;
using Hotline.Domain.Notifications;
using Hotline.Domain.Users;
using Hotline.Host.Api;

namespace Hotline.Host.Notifications;

/// <summary>
/// Whose notifications a signed-in person gets, from their claims only (<see cref="Caller"/>): a unit's user their
/// unit's inbox; the centre's staff their roles, and a dispatcher the dispatch desk's and a callback agent the callback
/// desk's inbox, a supervisor the quality desk's; everyone their own name. A sub-centre's staff member (<see cref="Caller.DistrictCode"/>) gets only
/// their district's. Integrators get none.
/// </summary>
public sealed record NotificationAudience(IReadOnlySet<string> Keys, string? DistrictCode)
{
    /// <summary>The audience of <paramref name="user"/>; <paramref name="dispatchDesk"/> is the dispatch desk's inbox code.</summary>
    public static NotificationAudience Of(ClaimsPrincipal user, string dispatchDesk)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (Caller.IsUnitUser(user))
            keys.Add(NotificationRecipients.Unit(Caller.UnitCode(user)!));
        else if (Caller.IsCentre(user))
        {
            keys.UnionWith(HotlineRoles.All.Where(user.IsInRole).Select(NotificationRecipients.Role));
            if (user.IsInRole(HotlineRoles.Dispatcher))
                keys.Add(NotificationRecipients.Unit(dispatchDesk));
            if (user.IsInRole(HotlineRoles.CallbackAgent))
                keys.Add(NotificationRecipients.Unit(InboxApi.CallbackDeskCode));
            if (user.IsInRole(HotlineRoles.Supervisor))
                keys.Add(NotificationRecipients.Unit(Hotline.Domain.Quality.QualityChecklist.DeskCode));
            if (user.IsInRole(HotlineRoles.Supervisor) || user.IsInRole(HotlineRoles.Leader))
                keys.Add(NotificationRecipients.Unit(Hotline.Domain.Escalation.SupervisionDecisions.DeskCode));
        }

        if (keys.Count > 0 && Caller.Name(user) is { Length: > 0 } name)
            keys.Add(NotificationRecipients.User(name));
        return new(keys, Caller.IsUnitUser(user) ? null : Caller.DistrictCode(user));
    }

    /// <summary>Whether <paramref name="row"/> is for this audience.</summary>
    public bool Gets(Notification row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Keys.Contains(row.Recipient) && (DistrictCode is null || row.DistrictCode == DistrictCode);
    }

    /// <summary>The rows of <paramref name="rows"/> for this audience, as a query.</summary>
    public IQueryable<Notification> Filter(IQueryable<Notification> rows)
    {
        var keys = Keys.ToList();
        var district = DistrictCode;
        var mine = rows.Where(n => keys.Contains(n.Recipient));
        return district is null ? mine : mine.Where(n => n.DistrictCode == district);
    }
}
