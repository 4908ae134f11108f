using System.Security.Claims;
using Hotline.Domain.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Hotline.Workbench.Account;

/// <summary>
/// Keeps an open page's sign-in honest: every <see cref="WorkbenchOptions.SessionCheckInterval"/> the circuit asks
/// whether its session's token still lives and whether its account still has the roles, unit and district the page
/// signed in with; once the token was revoked (signed out in another tab), expired or its account disabled, or an
/// administrator changed what the account may do, the page loses its user and sends the browser to sign in.
/// </summary>
/// <remarks>
/// The API reads the account on every request, so a change confines it at once; a page's circuit holds the claims of
/// its first request for as long as it stays open (up to the token's lifetime), and without this check a demoted
/// administrator, a unit user moved to another unit or a city user moved to a sub-centre kept their old powers there.
/// </remarks>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, UserService users, IOptions<WorkbenchOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether <paramref name="user"/>'s session lives and its account still has the user's roles, unit and district.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.FindFirstValue(HotlineRoles.SessionClaim) is { } token
        && await users.FindByTokenAsync(token, cancellationToken) is { } account
        && string.Equals(user.FindFirstValue(HotlineRoles.UnitClaim), account.UnitCode, StringComparison.Ordinal)
        && string.Equals(user.FindFirstValue(HotlineRoles.DistrictClaim), account.DistrictCode, StringComparison.Ordinal)
        && user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal).SetEquals(account.Roles);
}
