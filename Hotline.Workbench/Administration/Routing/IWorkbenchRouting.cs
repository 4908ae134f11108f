using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Routing;

namespace Hotline.Workbench.Administration.Routing;

/// <summary>
/// The routing matrix as <c>/api/admin/routing/rules</c> edits it and the simulator as <c>/api/admin/routing/simulate</c>
/// answers: the host implements this port with the same <see cref="RoutingRuleAdministration"/> and
/// <see cref="RoutingService"/>. Administrators only.
/// </summary>
public interface IWorkbenchRouting
{
    /// <summary>The rules matching <paramref name="filter"/>, by subject, district and priority; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<RoutingRule>> ListAsync(ClaimsPrincipal user, RoutingRuleFilter filter, CancellationToken cancellationToken);

    /// <summary>Creates a rule (<paramref name="id"/> null) or changes the rule <paramref name="id"/>.</summary>
    Task<Change<RoutingRule>> SaveAsync(ClaimsPrincipal user, string? id, RoutingRuleFields fields, CancellationToken cancellationToken);

    /// <summary>Deletes the rule <paramref name="id"/> at <paramref name="version"/>.</summary>
    Task<Change<RoutingRule>> DeleteAsync(ClaimsPrincipal user, string id, int version, CancellationToken cancellationToken);

    /// <summary>Where a case of <paramref name="subjectCode"/> in <paramref name="districtCode"/> would go, and which rule matched.</summary>
    Task<RoutingSimulation> SimulateAsync(ClaimsPrincipal user, string? subjectCode, string? districtCode, CancellationToken cancellationToken);
}

/// <summary>The simulator's answer, or the bad fields.</summary>
/// <param name="Result">Where the case would go; null when a field is bad.</param>
/// <param name="Errors">The bad fields (subjectCode, districtCode).</param>
public sealed record RoutingSimulation(RoutingResult? Result, IReadOnlyDictionary<string, string[]> Errors);
