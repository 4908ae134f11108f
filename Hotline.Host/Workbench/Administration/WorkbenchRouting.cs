using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Routing;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// The routing screen through the routing API's own code: <see cref="RoutingRuleAdministration"/> for the matrix,
/// <see cref="RoutingApi.AskAsync"/> (the same <see cref="RoutingService"/> the workflows route by) for the simulator.
/// </summary>
internal sealed class WorkbenchRouting(IServiceScopeFactory scopes) : IWorkbenchRouting
{
    /// <summary>The most rules the matrix shows.</summary>
    private const int Most = 10_000;

    private static readonly Dictionary<string, string[]> NotAllowed = new() { ["subjectCode"] = ["There is no such subject."] };

    public async Task<IReadOnlyList<RoutingRule>> ListAsync(ClaimsPrincipal user, RoutingRuleFilter filter, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return [];
        return await AdminPorts.UseAsync<RoutingRuleAdministration, List<RoutingRule>>(scopes,
            async rules => (await rules.ListAsync(filter, 1, Most, cancellationToken)).Items);
    }

    public Task<Change<RoutingRule>> SaveAsync(ClaimsPrincipal user, string? id, RoutingRuleFields fields, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return Task.FromResult(Change<RoutingRule>.NotFound());
        return AdminPorts.UseAsync<RoutingRuleAdministration, Change<RoutingRule>>(scopes, rules => id is null
            ? rules.CreateAsync(Caller.Name(user), fields, cancellationToken)
            : rules.UpdateAsync(Caller.Name(user), id, fields, cancellationToken));
    }

    public Task<Change<RoutingRule>> DeleteAsync(ClaimsPrincipal user, string id, int version, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return Task.FromResult(Change<RoutingRule>.NotFound());
        return AdminPorts.UseAsync<RoutingRuleAdministration, Change<RoutingRule>>(scopes, rules => rules.DeleteAsync(Caller.Name(user), id, version, cancellationToken));
    }

    public async Task<RoutingSimulation> SimulateAsync(ClaimsPrincipal user, string? subjectCode, string? districtCode, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return new(null, NotAllowed);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (errors, result) = await RoutingApi.AskAsync(subjectCode, districtCode, services.GetRequiredService<RoutingService>(),
            services.GetRequiredService<HotlineDbContext>(), cancellationToken);
        return new(result, errors);
    }
}
