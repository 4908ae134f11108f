using System.Security.Claims;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>What the workbench's port tests share: a signed-in person, and a port called in its own scope (as a circuit does).</summary>
internal static class WorkbenchPeople
{
    /// <summary>A person with one role (and a unit for a unit's user, a district for a sub-centre's staff).</summary>
    public static ClaimsPrincipal Person(string name, string role, string? unitCode = null, string? districtCode = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (unitCode is not null)
            claims.Add(new(HotlineRoles.UnitClaim, unitCode));
        if (districtCode is not null)
            claims.Add(new(HotlineRoles.DistrictClaim, districtCode));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Calls the port <typeparamref name="TPort"/> in a scope of its own.</summary>
    public static async Task<T> UseAsync<TPort, T>(HotlineFactory factory, Func<TPort, Task<T>> use) where TPort : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TPort>());
    }
}
