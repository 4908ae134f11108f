using Microsoft.Extensions.Options;

namespace Hotline.Domain.Calendar;

/// <summary>
/// The working-day calendar as stored: loads the years (seeding the shipped 2025 and 2026 into an empty store),
/// keeps them in memory, saves new or corrected years and tells <see cref="ICalendarYearListener"/>s about them.
/// </summary>
public sealed class CalendarService(
    ICalendarYearStore store,
    IOptions<CalendarOptions> options,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    ILogger<CalendarService> logger) : IDisposable
{
    /// <summary>The <see cref="CalendarYear.LoadedBy"/> of the shipped years seeded into a new database.</summary>
    public const string SeedLoadedBy = "seed";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>The calendar of every stored year, read at most <see cref="CalendarOptions.RefreshInterval"/> ago.</summary>
    public async Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Calendar;

    /// <summary>The stored years, in order.</summary>
    public async Task<IReadOnlyList<CalendarYear>> ListYearsAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Years;

    /// <summary>The stored year <paramref name="year"/>, or null.</summary>
    public async Task<CalendarYear?> FindYearAsync(int year, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Years.FirstOrDefault(y => y.Year == year);

    /// <summary>
    /// Validates and saves <paramref name="year"/> (replacing a stored version), stamped with the clock's time and
    /// <paramref name="loadedBy"/>; then refreshes the calendar and notifies the listeners.
    /// </summary>
    /// <returns>The validation errors (nothing saved), or none and whether the year is new.</returns>
    public async Task<CalendarSaveResult> SaveYearAsync(CalendarYear year, string loadedBy, int? workingDaysInYear = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentException.ThrowIfNullOrWhiteSpace(loadedBy);
        var errors = CalendarYearValidator.Validate(year, workingDaysInYear);
        if (errors.Count > 0)
            return new CalendarSaveResult(errors, Created: false);

        await GetSnapshotAsync(cancellationToken); // seeds an empty store first, so a first save does not suppress the seed
        year.LoadedAt = clock.GetUtcNow();
        year.LoadedBy = loadedBy;
        var created = await store.SaveAsync(year, cancellationToken);
        logger.LogInformation("Calendar year {Year} saved by {LoadedBy} ({Holidays} holidays, {MakeUpDays} make-up working days).",
            year.Year, loadedBy, year.Holidays.Count, year.MakeUpWorkingDays.Count);
        await RefreshAsync(cancellationToken);
        await NotifyAsync(year.Year, cancellationToken);
        return new CalendarSaveResult(errors, created);
    }

    /// <summary>
    /// Years that deadlines may reach but that have no calendar: this year, and next year from November (when the
    /// State Council publishes it). Deadlines reaching into them are provisional until an administrator saves them.
    /// </summary>
    public async Task<IReadOnlyList<CalendarWarning>> GetWarningsAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await GetCalendarAsync(cancellationToken);
        var today = calendar.DateOf(clock.GetUtcNow());
        var needed = today.Month >= 11 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        return [.. needed.Where(y => !calendar.IsLoaded(y)).Select(y => new CalendarWarning(y,
            $"The working-day calendar for {y} is not loaded. Deadlines reaching into {y} assume Monday to Friday and are provisional; " +
            $"save the year from the State Council's holiday notice (PUT /api/calendar/years/{y}) and they are recomputed."))];
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < options.Value.RefreshInterval)
            return snapshot;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < options.Value.RefreshInterval)
                return snapshot;
            return await ReadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await ReadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var years = await store.LoadAllAsync(cancellationToken);
        if (years.Count == 0)
        {
            await store.SeedAsync(ShippedCalendar.Load(clock.GetUtcNow(), SeedLoadedBy), cancellationToken);
            years = await store.LoadAllAsync(cancellationToken);
            logger.LogInformation("Seeded the working-day calendar with the shipped years {Years}.", string.Join(", ", years.Select(y => y.Year)));
        }

        var ordered = years.OrderBy(y => y.Year).ToList();
        var snapshot = new Snapshot(new WorkingDayCalendar(ordered, options.Value.ToWorkingHours()), ordered, clock.GetUtcNow());
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private async Task NotifyAsync(int year, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var listener in scope.ServiceProvider.GetServices<ICalendarYearListener>())
        {
            try
            {
                await listener.OnYearLoadedAsync(year, cancellationToken);
            }
#pragma warning disable CA1031 // The year is saved whatever a listener does; its failure is logged for the operator.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Calendar listener {Listener} failed for year {Year}.", listener.GetType().Name, year);
            }
        }
    }

    private sealed record Snapshot(WorkingDayCalendar Calendar, IReadOnlyList<CalendarYear> Years, DateTimeOffset ReadAt);
}

/// <summary>The outcome of <see cref="CalendarService.SaveYearAsync"/>.</summary>
/// <param name="Errors">Validation errors keyed by field; empty when the year was saved.</param>
/// <param name="Created">Whether the saved year is new (rather than a correction).</param>
public sealed record CalendarSaveResult(IReadOnlyDictionary<string, string[]> Errors, bool Created)
{
    /// <summary>Whether the year was saved.</summary>
    public bool Saved => Errors.Count == 0;
}

/// <summary>A year that deadlines may need but that has no calendar.</summary>
/// <param name="Year">The missing year.</param>
/// <param name="Message">What it means and what to do, for administrators.</param>
public sealed record CalendarWarning(int Year, string Message);
