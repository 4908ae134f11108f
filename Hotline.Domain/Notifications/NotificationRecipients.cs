using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;
using Hotline.Domain.Users;

namespace Hotline.Domain.Notifications;

/// <summary>
/// The recipient keys of notifications: a unit's or a desk's inbox (<c>unit:RX-PD</c>, the code an inbox task carries),
/// a role (<c>role:supervisor</c>) or a person (<c>user:li</c>). The host derives a signed-in person's keys from their
/// claims; the writer addresses rows with the same functions.
/// </summary>
public static class NotificationRecipients
{
    /// <summary>The inbox of a unit or desk.</summary>
    public static string Unit(string code) => UnitPrefix + code;

    /// <summary>The unit or desk code of a <see cref="Unit"/> key; null for any other key.</summary>
    public static string? UnitCodeOf(string recipient) => Part(recipient, UnitPrefix);

    /// <summary>The role of a <see cref="Role"/> key; null for any other key.</summary>
    public static string? RoleOf(string recipient) => Part(recipient, RolePrefix);

    /// <summary>The user name of a <see cref="User"/> key; null for any other key.</summary>
    public static string? UserOf(string recipient) => Part(recipient, UserPrefix);

    private const string UnitPrefix = "unit:";
    private const string RolePrefix = "role:";
    private const string UserPrefix = "user:";

    private static string? Part(string recipient, string prefix)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient.StartsWith(prefix, StringComparison.Ordinal) ? recipient[prefix.Length..] : null;
    }

    /// <summary>Everyone with a role.</summary>
    public static string Role(string role) => RolePrefix + role;

    /// <summary>One person.</summary>
    public static string User(string name) => UserPrefix + name;

    /// <summary>The supervisors (督办), told of every yellow and red card.</summary>
    public static string Supervisors { get; } = Role(HotlineRoles.Supervisor);

    /// <summary>The leaders (领导), told of every level of the ladder a case climbs.</summary>
    public static string Leaders { get; } = Role(HotlineRoles.Leader);

    /// <summary>The citizen who raised a case (text messages to the case's telephone; never a bell).</summary>
    public const string Citizen = "citizen";

    /// <summary>The recipient key of a workflow's notice; null when it has nobody to go to (a unit notice on a case without a unit).</summary>
    public static string? Of(NotifiedData notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Recipient switch
        {
            NoticeRecipient.Citizen => Citizen,
            NoticeRecipient.LeadUnit or NoticeRecipient.UnitHead => notice.UnitCode is { } unit ? Unit(unit) : null,
            NoticeRecipient.Supervisor => Supervisors,
            NoticeRecipient.Leader => Leaders,
            NoticeRecipient.Dispatcher => Role(HotlineRoles.Dispatcher),
            _ => null,
        };
    }
}
