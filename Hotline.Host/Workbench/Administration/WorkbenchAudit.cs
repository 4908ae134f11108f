using System.Security.Claims;
using Hotline.Domain.Audit;
using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Audit;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench.Administration;

/// <summary>The 审计日志 screen's port: the audit API's own query (<see cref="AuditQuery"/>), for administrators only.</summary>
internal sealed class WorkbenchAudit(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars) : IWorkbenchAudit
{
    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> ListAsync(ClaimsPrincipal user, AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.Administrator))
            return ([], 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (rows, total) = await AuditQuery.ListAsync(db, calendars, filter, Math.Max(page, 1), IWorkbenchAudit.PageSize, cancellationToken);
        return (rows, total);
    }
}
