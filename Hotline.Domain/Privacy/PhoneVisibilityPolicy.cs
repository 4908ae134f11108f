using System.Security.Claims;

namespace Hotline.Domain.Privacy;

/// <summary>
/// Who may see a citizen's full telephone number. Operators (who register the call), callback agents (who call the
/// citizen back) and administrators see it; handling units, integrators and everyone else see it masked
/// (<see cref="PersonalDataMasker.MaskPhone"/>). Units reach the citizen through the centre, which keeps citizens' numbers from
/// spreading to every office a case passes through.
/// </summary>
public static class PhoneVisibilityPolicy
{
    /// <summary>The 话务员 role.</summary>
    public const string OperatorRole = Users.HotlineRoles.Operator;

    /// <summary>The 回访员 role.</summary>
    public const string CallbackAgentRole = Users.HotlineRoles.CallbackAgent;

    /// <summary>The 管理员 role.</summary>
    public const string AdministratorRole = Users.HotlineRoles.Administrator;

    /// <summary>The roles that see full numbers.</summary>
    public static IReadOnlyList<string> FullNumberRoles { get; } = [OperatorRole, CallbackAgentRole, AdministratorRole];

    /// <summary>Whether any of <paramref name="roles"/> sees full numbers (role names compare case-insensitively).</summary>
    public static bool CanSeeFullNumber(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(r => FullNumberRoles.Contains(r, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether the user is in a role that sees full numbers.</summary>
    public static bool CanSeeFullNumber(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FullNumberRoles.Any(user.IsInRole);
    }

    /// <summary>The number as <paramref name="user"/> may see it: full or masked.</summary>
    public static string? Show(string? phone, ClaimsPrincipal user) => CanSeeFullNumber(user) ? phone : PersonalDataMasker.MaskPhone(phone);

    /// <summary>
    /// What the caller said (a case's content or address) as <paramref name="user"/> may see it: as written, or with its
    /// telephone numbers masked — a number shown masked beside the case must not be readable in its text.
    /// </summary>
    public static string? ShowText(string? text, string? phone, ClaimsPrincipal user) =>
        text is null || CanSeeFullNumber(user) ? text : PersonalDataMasker.MaskTelephoneNumbers(text, phone);

    /// <summary>The number as someone with <paramref name="roles"/> may see it: full or masked.</summary>
    public static string? Show(string? phone, IEnumerable<string> roles) => CanSeeFullNumber(roles) ? phone : PersonalDataMasker.MaskPhone(phone);
}
