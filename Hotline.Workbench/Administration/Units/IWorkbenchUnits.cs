using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Routing;

namespace Hotline.Workbench.Administration.Units;

/// <summary>
/// The unit tree as <c>/api/admin/units</c> edits it: the host implements this port with the same
/// <see cref="UnitAdministration"/> (versions, refusals, audit) and the reassign-tasks service. Administrators only.
/// </summary>
public interface IWorkbenchUnits
{
    /// <summary>Every unit with its counts, by level and code; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<UnitView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Creates a unit (<paramref name="code"/> null) or changes the unit <paramref name="code"/>; not found for anyone but an administrator.</summary>
    Task<Change<UnitView>> SaveAsync(ClaimsPrincipal user, string? code, UnitFields fields, CancellationToken cancellationToken);

    /// <summary>Moves the cases whose handling task waits at <paramref name="code"/> to <paramref name="toUnitCode"/>.</summary>
    Task<UnitReassignment> ReassignAsync(ClaimsPrincipal user, string code, string? toUnitCode, string? reason, CancellationToken cancellationToken);
}

/// <summary>What moving a unit's open work did.</summary>
/// <param name="Moved">The numbers of the cases moved.</param>
/// <param name="NotMoved">The cases that stayed, each "number: reason".</param>
/// <param name="OpenTasksLeft">Open tasks still at the unit.</param>
/// <param name="Errors">The bad fields (toUnitCode, reason); empty when it ran.</param>
public sealed record UnitReassignment(IReadOnlyList<string> Moved, IReadOnlyList<string> NotMoved, int OpenTasksLeft, IReadOnlyDictionary<string, string[]> Errors);
