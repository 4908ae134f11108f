using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The intake volume of a period day by day (the leader's dashboard): each local day's registered cases (<c>Registered</c>
/// events of counted cases, as <see cref="DailyReportService"/> counts its volumes) by channel, type and district, and the
/// districts that were hot spots that day by the daily report's rule. One query over the period and the baseline days
/// before it, grouped by local day in memory.
/// </summary>
public sealed class VolumeSeriesService(IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, IOptions<IndicatorOptions> options)
{
    /// <summary>
    /// The days of [<paramref name="from"/>, <paramref name="to"/>) (at most <see cref="IndicatorService.MaxPeriodDays"/>);
    /// only the cases now led by <paramref name="unitCode"/> and in <paramref name="districtCode"/> when given.
    /// </summary>
    public async Task<VolumeSeries> BuildAsync(DateOnly from, DateOnly to, string? unitCode = null, string? districtCode = null, CancellationToken cancellationToken = default)
    {
        if (to <= from || to.DayNumber - from.DayNumber > IndicatorService.MaxPeriodDays)
            throw new ArgumentOutOfRangeException(nameof(to), $"The period is 1 to {IndicatorService.MaxPeriodDays} days, 'to' excluded.");
        var settings = options.Value;
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var zone = calendar.Hours.TimeZone;
        var start = IndicatorService.StartOfDay(from.AddDays(-settings.HotSpotBaselineDays), zone);
        var end = IndicatorService.StartOfDay(to, zone);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = (await db.CaseEvents.AsNoTracking()
                .Where(e => e.Kind == CaseEventKind.Registered && e.At >= start && e.At < end)
                .Join(db.Cases.Where(TimelineReader.Counted), e => e.CaseId, c => c.Id, (e, c) => new { e.At, c.Channel, c.Type, c.DistrictCode, c.LeadUnitCode })
                .Where(r => (districtCode == null || r.DistrictCode == districtCode) && (unitCode == null || r.LeadUnitCode == unitCode))
                .ToListAsync(cancellationToken))
            .Select(r => (Date: calendar.DateOf(r.At), r.Channel, r.Type, r.DistrictCode))
            .ToList();
        var rule = new HotSpotRule(settings.HotSpotMultiplier, settings.HotSpotMinimumCount, settings.HotSpotBaselineDays);
        var days = new List<DayVolume>();
        for (var date = from; date < to; date = date.AddDays(1))
        {
            var day = date;
            var today = rows.Where(r => r.Date == day).ToList();
            var before = rows.Where(r => r.Date < day && r.Date >= day.AddDays(-rule.BaselineDays)).Select(r => r.DistrictCode);
            days.Add(new DayVolume(
                day,
                today.Count,
                [.. Enum.GetValues<CaseChannel>().Select(c => new VolumeLine(c.ToString(), today.Count(r => r.Channel == c)))],
                [.. Enum.GetValues<CaseType>().Select(t => new VolumeLine(t.ToString(), today.Count(r => r.Type == t)))],
                [.. today.Select(r => r.DistrictCode).OfType<string>().GroupBy(d => d, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new VolumeLine(g.Key, g.Count()))],
                DailyReportService.HotSpots(DailyReportService.DistrictDimension, today.Select(r => r.DistrictCode), before, rule)));
        }

        return new VolumeSeries(from, to, zone.Id, rule, days);
    }
}
