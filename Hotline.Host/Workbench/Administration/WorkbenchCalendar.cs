using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Users;
using Hotline.Workbench.Administration.Calendar;

namespace Hotline.Host.Workbench.Administration;

/// <summary>The 节假日历 screen's port: <see cref="CalendarService"/>, as <c>/api/calendar</c> uses it, for administrators only.</summary>
internal sealed class WorkbenchCalendar(CalendarService calendar) : IWorkbenchCalendar
{
    public async Task<IReadOnlyList<CalendarYear>> YearsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsInRole(HotlineRoles.Administrator) ? await calendar.ListYearsAsync(cancellationToken) : [];

    public async Task<IReadOnlyList<CalendarWarning>> WarningsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsInRole(HotlineRoles.Administrator) ? await calendar.GetWarningsAsync(cancellationToken) : [];

    public async Task<CalendarSaveResult?> SaveAsync(ClaimsPrincipal user, CalendarYear year, CancellationToken cancellationToken) =>
        user.IsInRole(HotlineRoles.Administrator) && user.Identity?.Name is { Length: > 0 } name
            ? await calendar.SaveYearAsync(year, name, cancellationToken: cancellationToken)
            : null;
}
