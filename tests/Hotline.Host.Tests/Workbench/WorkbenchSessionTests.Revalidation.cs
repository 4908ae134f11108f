using System.Security.Claims;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workbench.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// An open page's periodic check: it keeps its user while the session lives and the account still has the roles, unit
/// and district the page signed in with, and loses it once an administrator changes any of them (the page then signs in
/// again with what the account may do now).
/// </summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    [Theory]
    [InlineData("unit moved", "unit", "DH-SC", new[] { "unit" }, "DH-CG", null)]
    [InlineData("role added", "unit", "DH-SC", new[] { "unit", "supervisor" }, "DH-SC", null)]
    [InlineData("moved to a sub-centre", "dispatcher", null, new[] { "dispatcher" }, null, "990103")]
    public async Task Should_sign_an_open_page_out_When_an_administrator_changes_the_accounts_roles_unit_or_district(
        string change, string role, string? unit, string[] roles, string? unitCode, string? districtCode)
    {
        var (name, page) = await OpenPageAsync(role, unit);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var revalidation = (SessionRevalidation)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True(await revalidation.IsCurrentAsync(page, default));

        var renamed = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .UpdateAsync("admin", name, new AccountProfile(1, "改名", [role], unit));
        Assert.Equal(AccountChangeOutcome.Done, renamed.Outcome);
        // Its name is not a power: the page keeps its user.
        Assert.True(await revalidation.IsCurrentAsync(page, default));

        var changed = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .UpdateAsync("admin", name, new AccountProfile(2, "改名", roles, unitCode, districtCode));

        Assert.Equal((change, AccountChangeOutcome.Done), (change, changed.Outcome));
        Assert.False(await revalidation.IsCurrentAsync(page, default), change);
    }

    /// <summary>A new account of <paramref name="role"/> signed in for the workbench, and its page's user as the host builds it.</summary>
    private async Task<(string Name, ClaimsPrincipal Page)> OpenPageAsync(string role, string? unit)
    {
        var name = "reval-" + Guid.NewGuid().ToString("N")[..8];
        var users = host.Factory.Services.GetRequiredService<UserService>();
        await users.CreateAsync(new NewUser(name, name, HotlineFactory.UserPassword, [role], unit));
        var signIn = await users.SignInAsync(name, HotlineFactory.UserPassword, SessionKind.Browser);
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(HotlineRoles.SessionClaim, signIn.Token!.Token)];
        if (unit is not null)
            claims.Add(new Claim(HotlineRoles.UnitClaim, unit));
        var page = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        return (name, page);
    }
}
