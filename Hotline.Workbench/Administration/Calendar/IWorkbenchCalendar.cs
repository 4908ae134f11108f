using System.Security.Claims;
using Hotline.Domain.Calendar;

namespace Hotline.Workbench.Administration.Calendar;

/// <summary>
/// The working-day calendar for the 节假日历 screen, as <c>/api/calendar</c> reads and saves it: the host implements this
/// port with the same <see cref="CalendarService"/> (its validation, its refresh of provisional deadlines). Administrators only.
/// </summary>
public interface IWorkbenchCalendar
{
    /// <summary>The stored years, in order; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<CalendarYear>> YearsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The years deadlines may need that are not loaded; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<CalendarWarning>> WarningsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Validates and saves <paramref name="year"/> as <paramref name="user"/>; null (nothing saved) for anyone but an administrator.</summary>
    Task<CalendarSaveResult?> SaveAsync(ClaimsPrincipal user, CalendarYear year, CancellationToken cancellationToken);
}
