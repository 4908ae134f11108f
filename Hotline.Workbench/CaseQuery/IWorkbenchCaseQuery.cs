using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Workbench.Cases;

namespace Hotline.Workbench.CaseQuery;

/// <summary>
/// The case list behind <c>/cases?…</c> (工单查询, where every dashboard chart leads): the host reads the filters with
/// <c>GET /api/cases</c>'s own parser and query, and the person's visibility rule, so the page and the API list the same cases.
/// </summary>
public interface IWorkbenchCaseQuery
{
    /// <summary>
    /// The cases <paramref name="user"/> may see that match <paramref name="filters"/> (query-string names and values:
    /// status, type, channel, subjectCode, districtCode, unitCode, from, to, overdue), newest first.
    /// </summary>
    Task<FilteredCases> ListAsync(ClaimsPrincipal user, IReadOnlyDictionary<string, string?> filters, int page, int pageSize, CancellationToken cancellationToken);
}

/// <summary>A page of the matching cases, the filters applied (names, not codes) and any filter refused, by field.</summary>
public sealed record FilteredCases(IReadOnlyList<CaseSummary> Items, ListTotal Total, AppliedFilters Applied, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>The filters a list applies, with subject, district and unit by name.</summary>
public sealed record AppliedFilters(
    CaseStatus? Status, CaseType? Type, CaseChannel? Channel, string? Subject, string? District, string? Unit, DateOnly? From, DateOnly? To, bool? Overdue);
