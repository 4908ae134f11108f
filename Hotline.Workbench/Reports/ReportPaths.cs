namespace Hotline.Workbench.Reports;

/// <summary>The daily report's addresses: the page and the workbook its 导出 Excel link downloads (served by the host).</summary>
public static class ReportPaths
{
    /// <summary>The 每日一报 page (<c>?date=YYYY-MM-DD</c>).</summary>
    public const string Daily = "/reports/daily";

    /// <summary>The day's workbook (<c>?date=YYYY-MM-DD</c>), on a page path so that the session cookie signs it in.</summary>
    public const string DailyWorkbook = "/reports/daily.xlsx";
}
