using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.CaseQuery;
using Hotline.Workbench.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The <c>/cases</c> list through <c>GET /api/cases</c>'s own code: <see cref="CaseListFilter"/> reads and applies the
/// filters, <see cref="CaseVisibility"/> decides what the person may see, <see cref="CasesApi.VisibleInOrderAsync"/> orders and counts.
/// </summary>
internal sealed class WorkbenchCaseQuery(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, TimeProvider clock) : IWorkbenchCaseQuery
{
    public async Task<FilteredCases> ListAsync(
        ClaimsPrincipal user, IReadOnlyDictionary<string, string?> filters, int page, int pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = CaseListFilter.Parse(name => filters.GetValueOrDefault(name), errors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, [filter.SubjectCode], [filter.UnitCode], [filter.DistrictCode], cancellationToken);
        var applied = new AppliedFilters(filter.Status, filter.Type, filter.Channel, names.Subject(filter.SubjectCode), names.District(filter.DistrictCode),
            names.Unit(filter.UnitCode), filter.From, filter.To, filter.Overdue);
        if (errors.Count > 0)
            return new FilteredCases([], ListTotal.Exact(0), applied, errors);
        var query = await filter.ApplyAsync(db.Cases.AsNoTracking(), calendars, clock, cancellationToken);
        var (items, total) = await WorkbenchCases.PageAsync(await CasesApi.VisibleInOrderAsync(db, user, query, null, cancellationToken), user, page, pageSize, cancellationToken);
        return new FilteredCases(items, total, applied, errors);
    }
}
