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
    public static string Unit(string code) => "unit:" + code;

    /// <summary>Everyone with a role.</summary>
    public static string Role(string role) => "role:" + role;

    /// <summary>One person.</summary>
    public static string User(string name) => "user:" + name;

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
