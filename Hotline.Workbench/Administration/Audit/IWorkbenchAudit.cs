using System.Security.Claims;
using Hotline.Domain.Audit;

namespace Hotline.Workbench.Administration.Audit;

/// <summary>
/// The audit log for the 审计日志 screen, as <c>GET /api/admin/audit</c> reads it: the host implements this port with the
/// same query (newest first, local dates). Administrators only: anyone else reads nothing.
/// </summary>
public interface IWorkbenchAudit
{
    /// <summary>Rows a page.</summary>
    public const int PageSize = 20;

    /// <summary>Page <paramref name="page"/> (from 1) of the rows matching <paramref name="filter"/>, and how many match.</summary>
    Task<(IReadOnlyList<AuditEntry> Rows, int Total)> ListAsync(ClaimsPrincipal user, AuditFilter filter, int page, CancellationToken cancellationToken);
}
