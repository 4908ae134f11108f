using System.Security.Claims;
using Hotline.Domain.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Hotline.Workbench.Account;

/// <summary>
/// Keeps an open page's sign-in honest: every <see cref="WorkbenchOptions.SessionCheckInterval"/> the circuit asks
/// whether its session's token still lives; once it was revoked (signed out in another tab), expired or its account
/// disabled, the page loses its user and sends the browser to sign in.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, UserService users, IOptions<WorkbenchOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.FindFirstValue(HotlineRoles.SessionClaim) is { } token
        && await users.FindByTokenAsync(token, cancellationToken) is not null;
}
