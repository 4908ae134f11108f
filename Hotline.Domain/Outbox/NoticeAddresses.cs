using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Outbox;

/// <summary>Where a recipient key's notices go outside the workbench.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Address">The e-mail address or mobile number.</param>
public sealed record NoticeAddress(OutboxChannel Channel, string Address);

/// <summary>
/// The addresses of recipient keys (<see cref="NotificationRecipients"/>): a unit's contact telephone and e-mail
/// (<see cref="Routing.HandlingUnit"/>), and for a role or a person the e-mail and mobile of the active accounts (a
/// sub-centre's staff only for their district's cases).
/// </summary>
public sealed class NoticeAddresses
{
    private readonly Dictionary<string, Routing.HandlingUnit> units;
    private readonly List<UserAccount> users;

    private NoticeAddresses(Dictionary<string, Routing.HandlingUnit> units, List<UserAccount> users)
    {
        this.units = units;
        this.users = users;
    }

    /// <summary>Loads what <paramref name="recipients"/> need (with <paramref name="async"/> false, synchronously).</summary>
    public static async Task<NoticeAddresses> LoadAsync(HotlineDbContext db, IReadOnlyCollection<string> recipients, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipients);
        var unitCodes = recipients.Select(NotificationRecipients.UnitCodeOf).OfType<string>().Distinct().ToList();
        var units = db.HandlingUnits.AsNoTracking().Where(u => unitCodes.Contains(u.Code) && (u.ContactPhone != null || u.ContactEmail != null));
        var needUsers = recipients.Any(r => NotificationRecipients.UnitCodeOf(r) is null);
        var users = db.UserAccounts.AsNoTracking().Where(u => needUsers && u.IsActive && (u.Email != null || u.Mobile != null));
        return async
            ? new(await units.ToDictionaryAsync(u => u.Code, cancellationToken), await users.ToListAsync(cancellationToken))
            : new(units.ToDictionary(u => u.Code), [.. users]);
    }

    /// <summary>The addresses of <paramref name="recipient"/> for a case in <paramref name="districtCode"/>.</summary>
    public IEnumerable<NoticeAddress> Of(string recipient, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (NotificationRecipients.UnitCodeOf(recipient) is { } code)
            return units.TryGetValue(code, out var unit) ? Addresses(unit.ContactEmail, unit.ContactPhone) : [];
        return users.Where(u => Matches(u, recipient) && (u.DistrictCode is null || districtCode is null || u.DistrictCode == districtCode))
            .SelectMany(u => Addresses(u.Email, u.Mobile));
    }

    private static bool Matches(UserAccount user, string recipient) =>
        recipient == NotificationRecipients.User(user.UserName) || user.Roles.Any(r => recipient == NotificationRecipients.Role(r));

    private static IEnumerable<NoticeAddress> Addresses(string? email, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(email))
            yield return new NoticeAddress(OutboxChannel.Email, email.Trim());
        if (Cases.PhoneNumbers.Normalize(phone) is { } mobile)
            yield return new NoticeAddress(OutboxChannel.Sms, mobile);
    }
}
