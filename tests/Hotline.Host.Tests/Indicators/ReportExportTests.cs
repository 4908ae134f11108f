using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Host.Tests.Workbench;
using Hotline.Workbench.Reports;
using MiniExcelLibs;
using static Hotline.Host.Tests.Indicators.TimelineSeed;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// The xlsx exports of the daily report (<c>/api/reports/daily/export</c>, and <c>/reports/daily.xlsx</c> for the
/// workbench's page) and of a period's indicators (<c>/api/indicators/export</c>), opened with MiniExcel; and the
/// 每日一报 page's port. Friday 20 March 2026: three Web complaints about SR-ROAD in 990103 (a hot subject and a hot
/// district), one dispatched to U-CG; a direct answer; a case due on the 10th still with U-CG (8 working days overdue),
/// whose subject's name looks like a formula.
/// </summary>
public abstract class ReportExportTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"点击\")";
    private const string DailyExport = "/api/reports/daily/export?date=2026-03-20";

    private LifecycleHost _host = null!;
    private string _overdueNumber = "";

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 21, 9, 0, 0, China), OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "U-CG", Name = "城管局", Level = UnitLevel.CityDepartment, DistrictCode = "990103" });
        db.Add(new HandlingUnit { Code = "U-DH", Name = "东湖区", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new Subject { Code = "SR-ROAD", Name = "道路破损" });
        db.Add(new Subject { Code = "SR-EVIL", Name = Formula });
        var s = new TimelineSeed(db);
        var late = s.Register(L(3, 9), subject: "SR-EVIL");
        s.Dispatch(late, L(3, 9), "U-CG", Due(10)).Sign(late, L(3, 10), "U-CG", onTime: false);
        _overdueNumber = late.Number;
        var road = Enumerable.Range(0, 3).Select(i => s.Register(L(20, 9 + i), CaseChannel.Web)).ToList();
        s.Dispatch(road[0], L(20, 12), "U-CG", Due(27));
        s.DirectAnswer(L(20, 10));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<byte[]> XlsxAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<IDictionary<string, object>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }

    private static object?[] Cells(IDictionary<string, object> row) => [.. row.Values];

    [Fact]
    public async Task Should_export_one_sheet_per_table_with_the_days_figures_When_a_leader_exports_the_daily_report()
    {
        using var leader = await _host.Factory.CreateUserClientAsync("leader", [HotlineRoles.Leader]);

        using var response = await leader.GetAsync(new Uri(DailyExport, UriKind.Relative));

        var workbook = await XlsxAsync(response);
        Assert.Equal("每日一报-2026-03-20.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using (var stream = new MemoryStream(workbook))
            Assert.Equal(["受理量", "指标", "热点", "超期工单"], MiniExcel.GetSheetNames(stream));
        var volumes = Rows(workbook, "受理量").Select(Cells).ToList();
        Assert.Equal(["合计", "受理总量", 4.0], volumes[0]);
        Assert.Equal(["合计", "直接办结", 1.0], volumes[1]);
        Assert.Contains(["渠道", "网站", 3.0], volumes);
        Assert.Contains(["类型", "投诉", 3.0], volumes);
        var figures = Rows(workbook, "指标");
        Assert.Equal(["范围", "单位编码", "指标", "分子", "分母", "比率（%）"], figures[0].Keys);
        Assert.Contains(["全市", null, "直接办结率", 1.0, 4.0, 25.0], figures.Select(Cells));
        Assert.Contains(["城管局", "U-CG", "退单率", 0.0, 1.0, 0.0], figures.Select(Cells));
        Assert.Contains(["全市", null, "满意率", 0.0, 0.0, null], figures.Select(Cells));
        Assert.Equal(
            [["诉求分类", "SR-ROAD", "道路破损", 3.0, 0.0, 0.0], ["区县", "990103", "东湖区", 3.0, 0.0, 0.0]],
            Rows(workbook, "热点").Select(Cells));
        var overdue = Assert.Single(Rows(workbook, "超期工单"));
        Assert.Equal([_overdueNumber, Formula, "城管局", "2026-03-10 17:30", 8.0], Cells(overdue));
        // Text cells are strings, never formulas: no <f> element anywhere in the workbook.
        using var zip = new ZipArchive(new MemoryStream(workbook));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain(":f>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_export_the_indicator_table_of_the_period_When_a_supervisor_asks()
    {
        using var supervisor = await _host.Factory.CreateUserClientAsync("supervisor", [HotlineRoles.Supervisor]);

        using var response = await supervisor.GetAsync(new Uri("/api/indicators/export?from=2026-03-01&to=2026-04-01", UriKind.Relative));

        var workbook = await XlsxAsync(response);
        Assert.Equal("指标-2026-03-01至2026-03-31.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using (var stream = new MemoryStream(workbook))
            Assert.Equal(["指标"], MiniExcel.GetSheetNames(stream));
        var rows = Rows(workbook, "指标").Select(Cells).ToList();
        // Registered in March: 5 cases, one answered directly; U-CG: 2 dispatches, one sign-for late.
        Assert.Equal(["全市", null, "按期办结率", 0.0, 0.0, null], rows[0]);
        Assert.Contains(["全市", null, "直接办结率", 1.0, 5.0, 20.0], rows);
        Assert.Contains(["城管局", "U-CG", "签收及时率", 0.0, 1.0, 0.0], rows);
        Assert.Contains(["全市", null, "好差评满意率", 0.0, 0.0, null], rows);
        Assert.Equal(22, rows.Count);
    }

    [Theory]
    [InlineData(DailyExport)]
    [InlineData("/reports/daily.xlsx?date=2026-03-20")]
    [InlineData("/api/indicators/export?from=2026-03-01&to=2026-04-01")]
    public async Task Should_answer_403_When_a_unit_user_exports(string url)
    {
        using var unit = await _host.Factory.CreateUserClientAsync("cg-user", [HotlineRoles.Unit], "U-CG");

        using var response = await unit.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/daily/export", "date")]
    [InlineData("/api/reports/daily/export?date=2026-02-30", "date")]
    [InlineData("/reports/daily.xlsx?date=yesterday", "date")]
    [InlineData("/api/indicators/export?from=2026-03-01&to=2026-03-01", "to")]
    [InlineData("/api/indicators/export?from=2026-03-01&to=2026-04-01&unitCode=U-NONE", "unitCode")]
    public async Task Should_answer_400_naming_the_field_When_the_export_query_is_invalid(string url, string field)
    {
        using var leader = await _host.Factory.CreateUserClientAsync("leader", [HotlineRoles.Leader]);

        using var response = await leader.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Should_give_the_page_the_report_with_names_and_the_days_indicators_When_a_dispatcher_opens_it()
    {
        var dispatcher = WorkbenchPeople.Person("pd-wang", HotlineRoles.Dispatcher);

        var answer = await WorkbenchPeople.UseAsync<IWorkbenchReports, DailyReportAnswer?>(_host.Factory, r => r.DailyAsync(dispatcher, "2026-03-20", default));
        var wrongDate = await WorkbenchPeople.UseAsync<IWorkbenchReports, DailyReportAnswer?>(_host.Factory, r => r.DailyAsync(dispatcher, "2026-13-01", default));
        var unit = await WorkbenchPeople.UseAsync<IWorkbenchReports, DailyReportAnswer?>(
            _host.Factory, r => r.DailyAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "U-CG"), "2026-03-20", default));

        var book = answer!.Book!;
        Assert.Equal(4, book.Report.Registered);
        Assert.Equal(["道路破损", "东湖区"], book.Report.HotSpots.Select(h => h.Name));
        Assert.Equal((1, 4), (book.Indicators.CityWide.DirectAnswer.Numerator, book.Indicators.CityWide.DirectAnswer.Denominator));
        Assert.Equal(("城管局", 8), (book.Report.Overdue.Single().LeadUnitName, book.Report.Overdue.Single().DaysOverdue));
        Assert.Null(wrongDate!.Book);
        Assert.Contains("2026-13-01", wrongDate.DateProblem, StringComparison.Ordinal);
        Assert.Null(unit);
    }
}

/// <summary>The report exports on SQLite.</summary>
public sealed class SqliteReportExportTests : ReportExportTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The report exports on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlReportExportTests : ReportExportTests
{
    protected override bool OnPostgreSql => true;
}
