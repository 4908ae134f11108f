using System.Globalization;
using Hotline.Domain.Indicators;
using Hotline.Workbench.Cases;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Dashboard;

/// <summary>The dashboard's day-by-day charts: intake by channel and by type (stacked bars), district hot spots (heat map).</summary>
public static class VolumeCharts
{
    /// <summary>The bar colour of links and primaries (AA contrast), and the heat map's scale.</summary>
    internal static readonly string[] Palette = ["#003eb3", "#08979c", "#d46b08", "#531dab", "#389e0d", "#c41d7f", "#a8071a", "#614700"];

    /// <summary>Cases registered per day, by channel; a bar opens <c>/cases?from=D&amp;to=D&amp;channel=X</c>.</summary>
    public static DashboardChart ByChannel(DashboardData data) =>
        Volume("wb-chart-volume-channel", Texts.T("dbVolumeChannel"), data, d => d.ByChannel, "channel", key => Texts.T($"channel{key}"));

    /// <summary>Cases registered per day, by type; a bar opens <c>/cases?from=D&amp;to=D&amp;type=T</c>.</summary>
    public static DashboardChart ByType(DashboardData data) =>
        Volume("wb-chart-volume-type", Texts.T("dbVolumeType"), data, d => d.ByType, "type",
            key => Enum.TryParse<Hotline.Domain.Cases.CaseType>(key, out var type) ? CaseLabels.Of(type) : key);

    /// <summary>Cases per district and day, hot spots (the daily report's rule) outlined; a cell opens that district's cases of the day.</summary>
    public static DashboardChart HotSpots(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var days = data.Volumes.Days;
        var districts = data.Districts.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var cells = days.SelectMany((day, x) => day.ByDistrict.Select(line => (Day: day, X: x, Y: districts.FindIndex(d => d.Key == line.Key), line.Key, line.Count,
            Hot: day.HotDistricts.Any(h => h.Code == line.Key),
            Href: Link(data, ("districtCode", line.Key), ("from", CaseLinks.Date(day.Date)), ("to", CaseLinks.Date(day.Date)))))).ToList();
        var max = cells.Count == 0 ? 1 : cells.Max(c => c.Count);
        var option = new
        {
            tooltip = new { position = "top" },
            grid = new { left = 120, right = 24, top = 16, bottom = 72 },
            xAxis = new { type = "category", data = days.Select(d => Short(d.Date)).ToArray(), splitArea = new { show = true } },
            yAxis = new { type = "category", data = districts.Select(d => d.Value).ToArray(), splitArea = new { show = true } },
            visualMap = new { min = 0, max, calculable = false, orient = "horizontal", left = "center", bottom = 0, inRange = new { color = new[] { "#f0f5ff", "#003eb3" } } },
            series = new[]
            {
                new
                {
                    id = "districts", name = Texts.T("dbCount"), type = "heatmap", label = new { show = true },
                    data = cells.Select(c => new
                    {
                        value = new[] { c.X, c.Y, c.Count }, href = c.Href,
                        itemStyle = c.Hot ? (object)new { borderColor = "#a8071a", borderWidth = 3 } : new { },
                    }).ToArray(),
                },
            },
        };
        var rows = cells.OrderBy(c => c.X).ThenBy(c => c.Y).Select(c => (IReadOnlyList<ChartCell>)
        [
            new ChartCell(CaseLinks.Date(c.Day.Date)), new ChartCell(districts[c.Y].Value),
            new ChartCell(c.Count.ToString(CultureInfo.InvariantCulture), c.Href),
            new ChartCell(c.Hot ? Texts.T("dbHot") : ""),
        ]).ToList();
        return new DashboardChart("wb-chart-hotspots", Texts.T("dbHotSpots"), option,
            new ChartTable([Texts.T("dbDate"), Texts.T("district"), Texts.T("dbCount"), Texts.T("dbHot")], rows));
    }

    /// <summary>The case list of <paramref name="filters"/>, within the unit chosen if any.</summary>
    internal static string Link(DashboardData data, params (string Name, string? Value)[] filters) => CaseLinks.To([.. filters, ("unitCode", data.UnitCode)]);

    private static string Short(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static DashboardChart Volume(
        string id, string title, DashboardData data, Func<DayVolume, IReadOnlyList<VolumeLine>> lines, string field, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(data);
        var days = data.Volumes.Days;
        var keys = days.SelectMany(lines).Where(l => l.Count > 0).Select(l => l.Key).Distinct(StringComparer.Ordinal)
            .OrderBy(k => lines(days[0]).ToList().FindIndex(l => l.Key == k)).ToList();
        int Count(DayVolume day, string key) => lines(day).FirstOrDefault(l => l.Key == key)?.Count ?? 0;
        string Href(DayVolume day, string key) => Link(data, (field, key), ("from", CaseLinks.Date(day.Date)), ("to", CaseLinks.Date(day.Date)));
        var option = new
        {
            color = Palette,
            tooltip = new { trigger = "axis" },
            legend = new { top = 0 },
            grid = new { left = 48, right = 24, top = 48, bottom = 32 },
            xAxis = new { type = "category", data = days.Select(d => Short(d.Date)).ToArray() },
            yAxis = new { type = "value", minInterval = 1 },
            series = keys.Select(k => new
            {
                id = k, name = label(k), type = "bar", stack = "total",
                data = days.Select(d => new { value = Count(d, k), href = Href(d, k) }).ToArray(),
            }).ToArray(),
        };
        var rows = days.Where(d => d.Registered > 0).Select(d => (IReadOnlyList<ChartCell>)
        [
            new ChartCell(CaseLinks.Date(d.Date)), new ChartCell(d.Registered.ToString(CultureInfo.InvariantCulture)),
            .. keys.Select(k => Count(d, k) is var n && n > 0 ? new ChartCell(n.ToString(CultureInfo.InvariantCulture), Href(d, k)) : new ChartCell("0")),
        ]).ToList();
        return new DashboardChart(id, title, option, new ChartTable([Texts.T("dbDate"), Texts.T("dbTotal"), .. keys.Select(label)], rows));
    }
}
