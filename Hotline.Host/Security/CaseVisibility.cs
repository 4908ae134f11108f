using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Security;

/// <summary>
/// Which cases a caller may see: the one rule every list, detail, search and case operation filters through. A case
/// the caller may not see is answered exactly like one that does not exist (404). The city centre's staff see every
/// case; a sub-centre's staff (分中心, <see cref="Caller.DistrictCode"/>) their district's only; a unit's user the cases
/// its unit leads or was given a task for; an integrator the cases it submitted.
/// </summary>
public static class CaseVisibility
{
    /// <summary>The case with this id or number if <paramref name="user"/> may see it; null otherwise (answer 404).</summary>
    public static async Task<Case?> FindAsync(HotlineDbContext db, ClaimsPrincipal user, string idOrNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = Filter(db, user, db.Cases.AsNoTracking());
        return Guid.TryParse(idOrNumber, out var id)
            ? await cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await cases.FirstOrDefaultAsync(c => c.Number == idOrNumber, cancellationToken);
    }

    /// <summary>The cases of <paramref name="cases"/> that <paramref name="user"/> may see.</summary>
    public static IQueryable<Case> Filter(HotlineDbContext db, ClaimsPrincipal user, IQueryable<Case> cases)
    {
        if (Caller.IsCentre(user))
            return Caller.DistrictCode(user) is { } district ? cases.Where(c => c.DistrictCode == district) : cases;
        if (Caller.IsUnitUser(user))
        {
            var unit = Caller.UnitCode(user);
            // The unit's cases as one set of ids (those it leads, and those it had a task for), each side read through
            // its index: "lead = unit OR EXISTS (task)" would read every case to test the OR.
            var ids = db.Cases.Where(c => c.LeadUnitCode == unit).Select(c => c.Id)
                .Union(db.InboxTasks.Where(t => t.UnitCode == unit && t.CaseId != null).Select(t => t.CaseId!.Value));
            return cases.Where(c => ids.Contains(c.Id));
        }

        var name = Caller.Name(user);
        return user.IsInRole(HotlineRoles.Integrator) ? cases.Where(c => c.SubmittedBy == name) : cases.Where(_ => false);
    }
}
