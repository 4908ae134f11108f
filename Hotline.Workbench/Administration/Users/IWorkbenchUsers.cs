using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Users;

namespace Hotline.Workbench.Administration.Users;

/// <summary>
/// Accounts as <c>/api/admin/users</c> administers them: the host implements this port with the same
/// <see cref="UserAdministration"/> (versions, the last administrator, audit). Administrators only.
/// </summary>
public interface IWorkbenchUsers
{
    /// <summary>The accounts matching <paramref name="filter"/>, by login name; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<UserAccountView>> ListAsync(ClaimsPrincipal user, UserFilter filter, CancellationToken cancellationToken);

    /// <summary>Changes an account's display name, roles, unit and district at the version read.</summary>
    Task<Change<UserAccountView>> SaveAsync(ClaimsPrincipal user, string userName, AccountProfile profile, CancellationToken cancellationToken);

    /// <summary>Disables or enables an account.</summary>
    Task<Change<UserAccountView>> SetDisabledAsync(ClaimsPrincipal user, string userName, bool disabled, CancellationToken cancellationToken);

    /// <summary>Sets a new temporary password, to be changed at the next sign-in; answers it once.</summary>
    Task<PasswordReset> ResetPasswordAsync(ClaimsPrincipal user, string userName, CancellationToken cancellationToken);
}

/// <summary>Filters of the account list; null means any.</summary>
public sealed record UserFilter(string? Role, string? UnitCode, string? DistrictCode, bool? Disabled);

/// <summary>A password reset: the change, and the temporary password when it was set (shown once, kept nowhere).</summary>
public sealed record PasswordReset(Change<UserAccountView> Change, string? TemporaryPassword);
