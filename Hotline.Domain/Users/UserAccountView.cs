namespace Hotline.Domain.Users;

/// <summary>An account as administrators and the audit log see it: everything but the password hash.</summary>
/// <param name="UserName">Login name.</param>
/// <param name="DisplayName">The name shown in timelines.</param>
/// <param name="Roles">Roles (<see cref="HotlineRoles"/>).</param>
/// <param name="UnitCode">The unit of a unit user.</param>
/// <param name="DistrictCode">The district of a sub-centre's account; null for the city centre.</param>
/// <param name="Disabled">Whether an administrator disabled it (it cannot sign in and its sessions do not work).</param>
/// <param name="MustChangePassword">Whether its password is a temporary one to change before signing in.</param>
/// <param name="FailedSignInAttempts">Wrong passwords since the last sign-in or lock-out.</param>
/// <param name="LockedUntil">Until when sign-in is refused after too many wrong passwords.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Version">Send it back with a change; a change with an older version is refused (409).</param>
public sealed record UserAccountView(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string? UnitCode, string? DistrictCode, bool Disabled, bool MustChangePassword,
    int FailedSignInAttempts, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, int Version, string? Email = null, string? Mobile = null)
{
    /// <summary>The view of <paramref name="account"/>.</summary>
    public static UserAccountView From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.UserName, account.DisplayName, [.. account.Roles], account.UnitCode, account.DistrictCode, !account.IsActive, account.MustChangePassword,
            account.FailedSignInAttempts, account.LockedUntil, account.CreatedAt, account.Version, account.Email, account.Mobile);
    }
}
