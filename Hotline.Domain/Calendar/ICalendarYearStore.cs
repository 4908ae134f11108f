using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Calendar;

/// <summary>
/// Where calendar years are kept: the database in the host (<see cref="EfCalendarYearStore"/>). A port so that
/// <see cref="CalendarService"/>'s caching, seeding and notification are testable without one.
/// </summary>
public interface ICalendarYearStore
{
    /// <summary>Every stored year.</summary>
    Task<IReadOnlyList<CalendarYear>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="years"/> if no year is stored yet; does nothing otherwise (another host may have seeded first).</summary>
    Task SeedAsync(IReadOnlyList<CalendarYear> years, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="year"/>, replacing the stored version of that year; true if the year is new.</summary>
    Task<bool> SaveAsync(CalendarYear year, CancellationToken cancellationToken = default);
}

/// <summary>Calendar years in <see cref="HotlineDbContext"/>'s <c>CalendarYears</c> table.</summary>
public sealed class EfCalendarYearStore(IDbContextFactory<HotlineDbContext> contexts) : ICalendarYearStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CalendarYear>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SeedAsync(IReadOnlyList<CalendarYear> years, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<CalendarYear>().AnyAsync(cancellationToken))
            return;
        db.Set<CalendarYear>().AddRange(years);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host (or request) seeded between the check and the insert; its rows are the same data.
        }
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(CalendarYear year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        // PUT replaces the whole year, so the last save wins by design; two first saves of one year race on the key,
        // and the loser replaces the winner's row like any later save would.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year.Year, cancellationToken);
            if (stored is null)
                db.Set<CalendarYear>().Add(Copy(year, new CalendarYear()));
            else
                Copy(year, stored);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return stored is null;
            }
            catch (DbUpdateException) when (stored is null && attempt == 0)
            {
            }
        }
    }

    private static CalendarYear Copy(CalendarYear from, CalendarYear to)
    {
        to.Year = from.Year;
        to.Holidays = [.. from.Holidays];
        to.MakeUpWorkingDays = [.. from.MakeUpWorkingDays];
        to.Source = from.Source;
        to.LoadedAt = from.LoadedAt;
        to.LoadedBy = from.LoadedBy;
        return to;
    }
}
