using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Users;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// What the administration ports share: administrators only, and each call in a scope of its own (the domain's
/// administration services are scoped, like a request; a circuit lives much longer than one change).
/// </summary>
internal static class AdminPorts
{
    /// <summary>Whether <paramref name="user"/> may use the administration screens.</summary>
    public static bool Allowed(ClaimsPrincipal user) => user.IsInRole(HotlineRoles.Administrator);

    /// <summary>Calls <typeparamref name="TService"/> in a new scope.</summary>
    public static async Task<T> UseAsync<TService, T>(IServiceScopeFactory scopes, Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The same change with its record shown as <paramref name="view"/> makes it.</summary>
    public static async Task<Change<TView>> ViewAsync<T, TView>(Change<T> change, Func<T, Task<TView>> view)
        where T : class
        where TView : class =>
        new(change.Outcome, change.Entity is { } entity ? await view(entity) : null, change.Errors, change.Reason);
}
