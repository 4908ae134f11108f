using System.Globalization;
using Hotline.Domain.Indicators;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Dashboard;

/// <summary>The dashboard's charts per unit: one of the ten indicators, the monthly ranking, the overdue cases.</summary>
public static class UnitCharts
{
    /// <summary>The indicators in the order of <see cref="IndicatorFigures"/>, by name (the words' key is <c>ind.Name</c>).</summary>
    public static IReadOnlyList<(string Key, Func<IndicatorFigures, Figure> Figure)> Indicators { get; } =
    [
        ("OnTimeCompletion", f => f.OnTimeCompletion), ("Completion", f => f.Completion), ("Satisfaction", f => f.Satisfaction),
        ("Resolution", f => f.Resolution), ("Callback", f => f.Callback), ("TimelySignFor", f => f.TimelySignFor), ("Return", f => f.Return),
        ("Extension", f => f.Extension), ("Rehandle", f => f.Rehandle), ("DirectAnswer", f => f.DirectAnswer),
        ("CitizenSatisfaction", f => f.CitizenSatisfaction),
    ];

    /// <summary>One indicator per unit (rate in %), numerator and denominator in the tooltip; a bar opens the unit's cases of the month.</summary>
    public static DashboardChart Indicator(DashboardData data, string key)
    {
        ArgumentNullException.ThrowIfNull(data);
        var figure = Indicators.FirstOrDefault(i => i.Key == key).Figure ?? Indicators[0].Figure;
        var name = Texts.T($"ind.{key}");
        var units = data.Indicators.Units.Select(u => (u.UnitCode, Name: u.UnitName ?? u.UnitCode, Figure: figure(u.Figures), Href: MonthLink(data, u.UnitCode))).ToList();
        var option = new
        {
            color = VolumeCharts.Palette,
            tooltip = new { trigger = "item" },
            grid = new { left = 48, right = 24, top = 24, bottom = 64 },
            xAxis = new { type = "category", data = units.Select(u => u.Name).ToArray(), axisLabel = new { interval = 0, rotate = 20 } },
            yAxis = new { type = "value", min = 0, max = 100, axisLabel = new { formatter = "{value}%" } },
            series = new[]
            {
                new
                {
                    id = key, name, type = "bar",
                    data = units.Select(u => new
                    {
                        name = u.Name, unitCode = u.UnitCode, value = Percent(u.Figure.Rate), numerator = u.Figure.Numerator, denominator = u.Figure.Denominator, href = u.Href,
                    }).ToArray(),
                },
            },
        };
        var rows = units.Select(u => (IReadOnlyList<ChartCell>)
        [
            new ChartCell(u.Name, u.Href), new ChartCell(Number(u.Figure.Numerator)), new ChartCell(Number(u.Figure.Denominator)),
            new ChartCell(Percent(u.Figure.Rate) is { } p ? $"{p.ToString(CultureInfo.InvariantCulture)}%" : "—"),
        ]).ToList();
        return new DashboardChart("wb-chart-indicators", Texts.T("dbIndicators"), option,
            new ChartTable([Texts.T("leadUnit"), Texts.T("dbNumerator"), Texts.T("dbDenominator"), name], rows), Figures: true);
    }

    /// <summary>The month's ranking, best first (score bars); a bar opens the unit's cases of the month.</summary>
    public static DashboardChart Ranking(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var units = data.Ranking.Units.Select(u => (u.Rank, u.UnitCode, Name: u.UnitName ?? u.UnitCode, u.Score, Href: MonthLink(data, u.UnitCode))).ToList();
        var option = new
        {
            color = VolumeCharts.Palette,
            tooltip = new { trigger = "item" },
            grid = new { left = 160, right = 32, top = 16, bottom = 32 },
            xAxis = new { type = "value", min = 0, max = 100 },
            yAxis = new { type = "category", inverse = true, data = units.Select(u => u.Name).ToArray() },
            series = new[]
            {
                new { id = "score", name = Texts.T("dbScore"), type = "bar", data = units.Select(u => new { value = u.Score, unitCode = u.UnitCode, href = u.Href }).ToArray() },
            },
        };
        var rows = units.Select(u => (IReadOnlyList<ChartCell>)
        [
            new ChartCell(Number(u.Rank)), new ChartCell(u.Name, u.Href),
            new ChartCell(u.Score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "—"),
        ]).ToList();
        return new DashboardChart("wb-chart-ranking", Texts.T("dbRanking"), option,
            new ChartTable([Texts.T("dbRank"), Texts.T("leadUnit"), Texts.T("dbScore")], rows));
    }

    /// <summary>Open cases past their deadline now, per lead unit; a bar opens <c>/cases?unitCode=U&amp;overdue=true</c>.</summary>
    public static DashboardChart Overdue(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var units = data.Overdue.Select(u => (u.UnitCode, u.UnitName, u.Count, Href: CaseLinks.To(("unitCode", u.UnitCode), ("overdue", "true")))).ToList();
        var option = new
        {
            color = new[] { "#a8071a" },
            tooltip = new { trigger = "item" },
            grid = new { left = 48, right = 24, top = 24, bottom = 64 },
            xAxis = new { type = "category", data = units.Select(u => u.UnitName).ToArray(), axisLabel = new { interval = 0, rotate = 20 } },
            yAxis = new { type = "value", minInterval = 1 },
            series = new[]
            {
                new { id = "overdue", name = Texts.T("dbCount"), type = "bar", data = units.Select(u => new { value = u.Count, unitCode = u.UnitCode, href = u.Href }).ToArray() },
            },
        };
        var rows = units.Select(u => (IReadOnlyList<ChartCell>)[new ChartCell(u.UnitName, u.Href), new ChartCell(Number(u.Count), u.Href)]).ToList();
        return new DashboardChart("wb-chart-overdue", Texts.T("dbOverdue"), option, new ChartTable([Texts.T("leadUnit"), Texts.T("dbCount")], rows));
    }

    private static string MonthLink(DashboardData data, string unitCode) =>
        CaseLinks.To(("unitCode", unitCode), ("from", CaseLinks.Date(data.From)), ("to", CaseLinks.Date(data.To.AddDays(-1))));

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 2, MidpointRounding.AwayFromZero) : null;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
