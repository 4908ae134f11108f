using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Units;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// The unit screen through the unit API's own code: <see cref="UnitAdministration"/> for the list and every change
/// (version, refusals, audit), <see cref="UnitTaskReassignment"/> for moving a unit's open work.
/// </summary>
internal sealed class WorkbenchUnits(IServiceScopeFactory scopes, IDbContextFactory<HotlineDbContext> contexts) : IWorkbenchUnits
{
    /// <summary>The most units the tree loads.</summary>
    private const int Most = 10_000;

    public async Task<IReadOnlyList<UnitView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return [];
        return await AdminPorts.UseAsync<UnitAdministration, List<UnitView>>(scopes,
            async units => (await units.ListAsync(new UnitFilter(null, null, null, null), 1, Most, cancellationToken)).Items);
    }

    public Task<Change<UnitView>> SaveAsync(ClaimsPrincipal user, string? code, UnitFields fields, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return Task.FromResult(Change<UnitView>.NotFound());
        return AdminPorts.UseAsync<UnitAdministration, Change<UnitView>>(scopes, async units =>
        {
            var change = code is null
                ? await units.CreateAsync(Caller.Name(user), fields, cancellationToken)
                : await units.UpdateAsync(Caller.Name(user), code, fields, cancellationToken);
            return await AdminPorts.ViewAsync(change, unit => units.ViewAsync(unit, cancellationToken));
        });
    }

    public async Task<UnitReassignment> ReassignAsync(ClaimsPrincipal user, string code, string? toUnitCode, string? reason, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return new([], [], 0, new Dictionary<string, string[]> { ["code"] = [$"There is no unit '{code}'."] });
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var outcome = await UnitTaskReassignment.ReassignAsync(code, new(toUnitCode, reason), user, contexts,
            services.GetRequiredService<CaseOperations>(), services.GetRequiredService<AuditLog>(), cancellationToken);
        if (outcome.Result is not { } result)
            return new([], [], 0, outcome.Errors ?? new Dictionary<string, string[]> { ["code"] = [$"There is no unit '{code}'."] });
        return new(result.Moved, [.. result.NotMoved.Select(n => $"{n.Number}: {n.Reason}")], result.OpenTasksLeft, new Dictionary<string, string[]>());
    }
}
