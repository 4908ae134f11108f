namespace Hotline.Domain.Calendar;

/// <summary>
/// Told when a calendar year has been saved, e.g. to recompute the provisional deadlines that assumed Monday to
/// Friday for it. Register implementations in DI (any lifetime: each notification runs in its own scope).
/// </summary>
public interface ICalendarYearListener
{
    /// <summary>
    /// <paramref name="year"/> was saved (new or corrected); <see cref="CalendarService"/> already answers with it.
    /// An exception is logged and does not undo the save or stop other listeners.
    /// </summary>
    Task OnYearLoadedAsync(int year, CancellationToken cancellationToken = default);
}
