using System.Security.Claims;
using System.Security.Cryptography;
using Hotline.Domain.Administration;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Users;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// The account screen through the account API's own code, <see cref="UserAdministration"/>. A password reset draws the
/// temporary password here (the API takes one from the caller) and hands it to the screen once.
/// </summary>
internal sealed class WorkbenchUsers(IServiceScopeFactory scopes) : IWorkbenchUsers
{
    /// <summary>The most accounts the list shows.</summary>
    private const int Most = 10_000;

    /// <summary>Letters and digits that cannot be mistaken for one another when read aloud or copied.</summary>
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<UserAccountView>> ListAsync(ClaimsPrincipal user, UserFilter filter, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return [];
        return await AdminPorts.UseAsync<UserAdministration, List<UserAccountView>>(scopes, async accounts =>
        {
            var (items, _) = await accounts.ListAsync(filter.Role, filter.UnitCode, filter.DistrictCode, filter.Disabled, 1, Most, cancellationToken);
            return [.. items.Select(UserAccountView.From)];
        });
    }

    public Task<Change<UserAccountView>> SaveAsync(ClaimsPrincipal user, string userName, AccountProfile profile, CancellationToken cancellationToken) =>
        ChangeAsync(user, accounts => accounts.UpdateAsync(Caller.Name(user), userName, profile, cancellationToken));

    public Task<Change<UserAccountView>> SetDisabledAsync(ClaimsPrincipal user, string userName, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(user, accounts => accounts.SetDisabledAsync(Caller.Name(user), userName, disabled, cancellationToken));

    public async Task<PasswordReset> ResetPasswordAsync(ClaimsPrincipal user, string userName, CancellationToken cancellationToken)
    {
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, UserService.MinPasswordLength + 2);
        var change = await ChangeAsync(user, accounts => accounts.ResetPasswordAsync(Caller.Name(user), userName, password, cancellationToken));
        return new(change, change.Outcome == ChangeOutcome.Done ? password : null);
    }

    private async Task<Change<UserAccountView>> ChangeAsync(ClaimsPrincipal user, Func<UserAdministration, Task<AccountChange>> change)
    {
        if (!AdminPorts.Allowed(user))
            return Change<UserAccountView>.NotFound();
        var result = await AdminPorts.UseAsync(scopes, change);
        var outcome = result.Outcome switch
        {
            AccountChangeOutcome.Done => ChangeOutcome.Done,
            AccountChangeOutcome.NotFound => ChangeOutcome.NotFound,
            AccountChangeOutcome.Invalid => ChangeOutcome.Invalid,
            AccountChangeOutcome.Stale => ChangeOutcome.Stale,
            _ => ChangeOutcome.Refused,
        };
        return new(outcome, result.Account is { } account ? UserAccountView.From(account) : null, result.Errors, result.Reason);
    }
}
