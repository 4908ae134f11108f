using Hotline.Domain.Audit;
using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>The audit log as administrators read it, newest first, filtered and paged: <c>GET /api/admin/audit</c> and the 审计日志 screen.</summary>
internal static class AuditQuery
{
    /// <summary>A page of the rows matching <paramref name="filter"/> (local dates by the hotline's calendar), and how many match.</summary>
    public static async Task<(List<AuditEntry> Rows, int Total)> ListAsync(HotlineDbContext db, CalendarService calendars, AuditFilter filter, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.EntityType is { Length: > 0 } entityType)
            query = query.Where(e => e.EntityType == entityType);
        if (filter.EntityId is { Length: > 0 } entityId)
            query = query.Where(e => e.EntityId == entityId);
        if (filter.Actor is { Length: > 0 } actor)
            query = query.Where(e => e.Actor == actor);
        var (start, end) = await CasesApi.DayRangeAsync(calendars, filter.From, filter.To, cancellationToken);
        if (start is not null)
            query = query.Where(e => e.At >= start);
        if (end is not null)
            query = query.Where(e => e.At < end);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
