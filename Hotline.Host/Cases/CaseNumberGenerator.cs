using System.Globalization;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Cases;

/// <summary>
/// Gives out case numbers <c>yyyyMMdd-nnnnnn</c>: the local date in the hotline's time zone and a per-day counter.
/// </summary>
/// <remarks>
/// The counter row of the day is read and written back incremented, with the old value as the concurrency token; a
/// writer that lost the race (or lost the insert of a new day's row to another writer) reads again and retries. This
/// works the same on SQLite (one writer at a time) and PostgreSQL (concurrent transactions, read committed) without
/// provider-specific SQL. Each number is committed in its own short transaction before the case is saved, so a case
/// that then fails to save leaves a gap in the day's numbers; numbers are unique, not gapless.
/// </remarks>
public sealed class CaseNumberGenerator(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<CaseOptions> options)
{
    /// <summary>The largest number of a day (six digits).</summary>
    public const int MaxPerDay = 999_999;

    /// <summary>How many times a number is tried for before giving up; each lost race means another writer succeeded.</summary>
    public const int MaxAttempts = 200;

    private readonly TimeZoneInfo _timeZone = options.Value.ResolveTimeZone();

    /// <summary>The next number for today.</summary>
    public Task<string> NextAsync(CancellationToken cancellationToken = default) => NextAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>The next number for the local date of <paramref name="at"/>.</summary>
    public async Task<string> NextAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var day = TimeZoneInfo.ConvertTime(at, _timeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var counter = await db.CaseNumberCounters.FirstOrDefaultAsync(c => c.Day == day, cancellationToken);
            if (counter is null)
            {
                counter = new CaseNumberCounter { Day = day, LastNumber = 1 };
                db.Add(counter);
            }
            else if (counter.LastNumber >= MaxPerDay)
            {
                throw new InvalidOperationException($"All {MaxPerDay} case numbers of {day} are used.");
            }
            else
            {
                counter.LastNumber++;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Format(day, counter.LastNumber);
            }
            catch (DbUpdateException)
            {
                // DbUpdateConcurrencyException: another writer incremented first. Otherwise: another writer inserted
                // the day's row first (a key violation), or SQLite stayed busy past its timeout. Read again.
            }
        }

        throw new InvalidOperationException($"No case number for {day} after {MaxAttempts} attempts: too many concurrent writers.");
    }

    /// <summary>Formats a number: <c>20261121-000123</c>.</summary>
    public static string Format(string day, int number) => $"{day}-{number.ToString("D6", CultureInfo.InvariantCulture)}";
}
