using System.Data;
using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Domain.Spreadsheets;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The daily report and the indicator tables as xlsx workbooks, one sheet per table, with Chinese headers: counts and
/// numerator/denominator as numbers, rates as percentages (86.67), names as text (never run as formulas).
/// </summary>
public static class IndicatorWorkbook
{
    /// <summary>The sheets of the daily report's workbook, in order.</summary>
    public static IReadOnlyList<string> DailySheets { get; } = ["受理量", "指标", "热点", "超期工单"];

    /// <summary>The word for city-wide figures in the indicator sheet's 范围 column.</summary>
    public const string CityWide = "全市";

    /// <summary>E.g. <c>每日一报-2026-03-20.xlsx</c>.</summary>
    public static string DailyFileName(DateOnly date) => $"每日一报-{Text(date)}.xlsx";

    /// <summary>E.g. <c>指标-2026-03-01至2026-03-31.xlsx</c> for [2026-03-01, 2026-04-01).</summary>
    public static string PeriodFileName(DateOnly from, DateOnly to) => $"指标-{Text(from)}至{Text(to.AddDays(-1))}.xlsx";

    /// <summary>Writes the daily report's sheets (受理量, 指标, 热点, 超期工单) to <paramref name="output"/>.</summary>
    public static async Task WriteDailyAsync(DailyReportBook book, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        var report = book.Report;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(report.TimeZone);
        using var volumes = Volumes(report);
        using var figures = Figures(book.Indicators);
        using var hotSpots = HotSpots(report);
        using var overdue = Overdue(report, zone);
        var sheets = new Dictionary<string, object>
        {
            [DailySheets[0]] = volumes, [DailySheets[1]] = figures, [DailySheets[2]] = hotSpots, [DailySheets[3]] = overdue,
        };
        await Spreadsheet.SaveAsync(output, sheets, cancellationToken: cancellationToken);
    }

    /// <summary>Writes the indicator table of a period (sheet 指标: city-wide, then each unit) to <paramref name="output"/>.</summary>
    public static async Task WritePeriodAsync(IndicatorReport indicators, Stream output, CancellationToken cancellationToken = default)
    {
        using var figures = Figures(indicators);
        await Spreadsheet.SaveAsync(output, new Dictionary<string, object> { [DailySheets[1]] = figures }, cancellationToken: cancellationToken);
    }

    private static DataTable Volumes(DailyReport report)
    {
        var table = Table("受理量", ("类别", typeof(string)), ("项目", typeof(string)), ("件数", typeof(int)));
        table.Rows.Add("合计", "受理总量", report.Registered);
        table.Rows.Add("合计", "直接办结", report.DirectAnswers);
        foreach (var line in report.ByChannel)
            table.Rows.Add("渠道", Enum.TryParse<CaseChannel>(line.Key, out var channel) ? CaseNames.Channel(channel) : line.Key, line.Count);
        foreach (var line in report.ByType)
            table.Rows.Add("类型", Enum.TryParse<CaseType>(line.Key, out var type) ? CaseNames.Type(type) : line.Key, line.Count);
        return table;
    }

    private static DataTable Figures(IndicatorReport indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var table = Table("指标", ("范围", typeof(string)), ("单位编码", typeof(string)), ("指标", typeof(string)),
            ("分子", typeof(int)), ("分母", typeof(int)), ("比率（%）", typeof(double)));
        var scopes = new[] { (Name: CityWide, Code: "", Figures: indicators.CityWide) }
            .Concat(indicators.Units.Select(u => (Name: u.UnitName ?? u.UnitCode, Code: u.UnitCode, u.Figures)));
        foreach (var scope in scopes)
        {
            foreach (var figure in IndicatorNames.Of(scope.Figures))
                table.Rows.Add(scope.Name, scope.Code, figure.Name, figure.Figure.Numerator, figure.Figure.Denominator, (object?)IndicatorNames.Percent(figure.Figure) ?? DBNull.Value);
        }

        return table;
    }

    private static DataTable HotSpots(DailyReport report)
    {
        var days = report.HotSpotRule.BaselineDays;
        var table = Table("热点", ("维度", typeof(string)), ("编码", typeof(string)), ("名称", typeof(string)), ("当日件数", typeof(int)),
            ($"前{days}日件数", typeof(int)), ($"前{days}日日均", typeof(double)));
        foreach (var spot in report.HotSpots)
        {
            var dimension = spot.Dimension == DailyReportService.SubjectDimension ? "诉求分类" : "区县";
            table.Rows.Add(dimension, spot.Code, spot.Name ?? spot.Code, spot.Count, spot.BaselineCount, spot.BaselineAverage);
        }

        return table;
    }

    private static DataTable Overdue(DailyReport report, TimeZoneInfo zone)
    {
        var table = Table("超期工单", ("工单编号", typeof(string)), ("诉求分类", typeof(string)), ("承办单位", typeof(string)),
            ("办理期限", typeof(string)), ("超期工作日", typeof(int)));
        foreach (var o in report.Overdue)
        {
            var deadline = TimeZoneInfo.ConvertTime(o.DeadlineAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            table.Rows.Add(o.Number, o.SubjectName ?? o.SubjectCode ?? "", o.LeadUnitName ?? o.LeadUnitCode ?? "", deadline, o.DaysOverdue);
        }

        return table;
    }

    private static DataTable Table(string name, params (string Header, Type Type)[] columns)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var (header, type) in columns)
            table.Columns.Add(header, type);
        return table;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
