using System.Security.Claims;
using Hotline.Domain.Persistence;
using Hotline.Workbench.Administration;
using Hotline.Workbench.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench.Administration;

/// <summary>The administration forms' choices from the reference tables; districts named as <see cref="ReferenceNames"/> names them.</summary>
internal sealed class WorkbenchReference(IDbContextFactory<HotlineDbContext> contexts) : IWorkbenchReference
{
    public async Task<AdminChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return AdminChoices.None;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new UnitChoice(u.Code, u.Name)).ToListAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Code).Select(s => new UnitChoice(s.Code, s.Name)).ToListAsync(cancellationToken);
        var districts = (await ReferenceNames.DistrictUnits(db).Select(u => new { u.DistrictCode, u.Name }).ToListAsync(cancellationToken))
            .DistinctBy(u => u.DistrictCode).Select(u => new UnitChoice(u.DistrictCode, u.Name)).ToList();
        return new(units, subjects, districts);
    }
}
