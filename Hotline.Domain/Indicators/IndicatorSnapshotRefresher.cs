using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Indicators;

/// <summary>
/// Makes the indicator snapshots (<see cref="IndicatorSnapshotStore"/>) of the last
/// <see cref="IndicatorOptions.SnapshotMonths"/> ended calendar months and of yesterday, for the whole city and for each
/// district a user account works in, so the first leader to open a month's figures or the daily report does not wait for
/// the timeline to be read: a minute after start-up, then every day shortly after midnight (the hotline's time zone).
/// A snapshot that still agrees with the timeline is left as it is, so a run after the first costs two counts a period.
/// </summary>
public sealed class IndicatorSnapshotRefresher(
    IndicatorSnapshotStore store, IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, TimeProvider clock,
    IOptions<IndicatorOptions> options, ILogger<IndicatorSnapshotRefresher> logger) : BackgroundService
{
    /// <summary>How long after start-up the first run waits (the host's own start-up work goes first).</summary>
    internal static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(1);

    /// <summary>How long after local midnight the daily run starts (the day's last events are written).</summary>
    internal static readonly TimeSpan AfterMidnight = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SnapshotMonths == 0)
            return;
        try
        {
            await Task.Delay(StartDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunSafelyAsync(stoppingToken);
                var zone = (await calendars.GetCalendarAsync(stoppingToken)).Hours.TimeZone;
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
                var next = IndicatorService.StartOfDay(today.AddDays(1), zone) + AfterMidnight;
                await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Makes the snapshots that are missing or out of date; returns how many it made. One run at a time: a second waits, then finds them made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await MakeAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<int> MakeAsync(CancellationToken cancellationToken)
    {
        var zone = (await calendars.GetCalendarAsync(cancellationToken)).Hours.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        List<string> districts;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            districts = await db.UserAccounts.AsNoTracking().Where(u => u.IsActive && u.DistrictCode != null)
                .Select(u => u.DistrictCode!).Distinct().ToListAsync(cancellationToken);
        }

        var made = await RefreshAsync(today.AddDays(-1), today, zone, districts, cancellationToken);
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 1; i <= options.Value.SnapshotMonths; i++)
            made += await RefreshAsync(month.AddMonths(-i), month.AddMonths(1 - i), zone, districts, cancellationToken);
        return made;
    }

    private Task<int> RefreshAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, IReadOnlyCollection<string> districts, CancellationToken cancellationToken) =>
        store.RefreshAsync(from, to, IndicatorService.StartOfDay(from, zone), IndicatorService.StartOfDay(to, zone), districts, cancellationToken);

    private async Task RunSafelyAsync(CancellationToken stoppingToken)
    {
        try
        {
            var made = await RunAsync(stoppingToken);
            if (made > 0)
                logger.LogInformation("Made {Count} indicator snapshots.", made);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The figures are still computed when asked for; the next run tries again.
            logger.LogWarning(e, "The indicator snapshots could not be made.");
        }
    }
}
