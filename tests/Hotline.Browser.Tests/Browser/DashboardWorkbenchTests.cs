using System.Text.Json;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The leader's dashboard (领导驾驶舱) in Chromium over a seeded March: five complaints on the 2nd and 3rd by phone, web and
/// WeChat, led by two units, all past their deadline. The volume chart's ECharts option holds the seeded counts per day and channel; the
/// indicator chart's data and tooltip the numerator and denominator of a unit; a click on a bar's pixel opens /cases with
/// exactly the cases behind it; axe-core finds no WCAG 2.1 AA violation on /dashboard or /cases.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class DashboardWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    /// <summary>The ECharts option of the chart element <paramref name="id"/>, as ECharts holds it.</summary>
    private static async Task<JsonElement> OptionAsync(IPage page, string id) =>
        await page.EvaluateAsync<JsonElement>($"() => JSON.parse(JSON.stringify(echarts.getInstanceByDom(document.getElementById('{id}')).getOption()))");

    private static int[] Counts(JsonElement option, string seriesId) =>
        option.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("id").GetString() == seriesId)
            .GetProperty("data").EnumerateArray().Select(d => d.GetProperty("value").GetInt32()).ToArray();

    [Fact]
    public async Task Should_chart_the_seeded_month_and_open_the_cases_behind_a_clicked_bar()
    {
        await using (var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
        {
            db.AddRange(
                new HandlingUnit { Code = "XQ-JT", Name = "西区交通局", Level = UnitLevel.District, DistrictCode = "990104" },
                new RoutingRule { Id = "R-ROAD-XQ", SubjectCode = "SR-ROAD", DistrictCode = "990104", LeadUnitCode = "XQ-JT", Priority = 10 });
            await db.SaveChangesAsync();
        }

        string[] phoneOnMonday = [await WorkbenchPages.CreateCaseThroughAsync(Host, "驾驶舱：新华路占道经营", "Phone"),
            await WorkbenchPages.CreateCaseThroughAsync(Host, "驾驶舱：东湖路口摊贩", "Phone")];
        await WorkbenchPages.CreateCaseThroughAsync(Host, "驾驶舱：西区公交站占道", "Web", "990104");
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await WorkbenchPages.CreateCaseThroughAsync(Host, "驾驶舱：夜市占道", "WeChat");
        var last = await WorkbenchPages.CreateCaseThroughAsync(Host, "驾驶舱：西区人行道停车", "Phone", "990104");
        await WorkbenchPages.PastDeadlineAsync(Host, last);

        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/dashboard", "leader");
        await page.Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await Assertions.Expect(page.Page.Locator(".wb-db-chart[data-rendered=true]")).ToHaveCountAsync(6);

        // Day index 1 is 2 March, 2 is 3 March.
        var volume = await OptionAsync(page.Page, "wb-chart-volume-channel");
        Assert.Equal((2, 1), (Counts(volume, "Phone")[1], Counts(volume, "Phone")[2]));
        Assert.Equal((1, 0), (Counts(volume, "Web")[1], Counts(volume, "Web")[2]));
        Assert.Equal((0, 1), (Counts(volume, "WeChat")[1], Counts(volume, "WeChat")[2]));
        Assert.Equal(31, Counts(volume, "Phone").Length);
        var overdue = (await OptionAsync(page.Page, "wb-chart-overdue")).GetProperty("series")[0].GetProperty("data").EnumerateArray()
            .Select(d => (d.GetProperty("unitCode").GetString(), d.GetProperty("value").GetInt32(), d.GetProperty("href").GetString()));
        Assert.Equal([("DH-CG", 3, "/cases?unitCode=DH-CG&overdue=true"), ("XQ-JT", 2, "/cases?unitCode=XQ-JT&overdue=true")], overdue);

        // 退单率: every dispatch counts in the denominator; none was returned.
        await page.Page.SelectOptionAsync("#wb-db-indicator", "Return");
        await page.Page.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.getElementById('wb-chart-indicators')).getOption().series[0].id === 'Return'");
        var dhcg = (await OptionAsync(page.Page, "wb-chart-indicators")).GetProperty("series")[0].GetProperty("data").EnumerateArray()
            .Single(d => d.GetProperty("unitCode").GetString() == "DH-CG");
        Assert.Equal(("东湖区城管局", 0, 3), (dhcg.GetProperty("name").GetString(), dhcg.GetProperty("numerator").GetInt32(), dhcg.GetProperty("denominator").GetInt32()));
        var tip = await page.Page.EvaluateAsync<string>(
            "() => { const c = echarts.getInstanceByDom(document.getElementById('wb-chart-indicators')); " +
            "const i = c.getOption().series[0].data.findIndex(d => d.unitCode === 'DH-CG'); c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i }); " +
            "const divs = document.querySelectorAll('#wb-chart-indicators > div'); return divs[divs.length - 1].textContent; }");
        Assert.Contains("东湖区城管局", tip, StringComparison.Ordinal);
        Assert.Contains("退单率：0%（0/3）", tip, StringComparison.Ordinal);

        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/dashboard");
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "dashboard.png");

        // One unit: its cases only (no web case of DH-CG), and its name among the list's filters.
        await page.Page.SelectOptionAsync("#wb-db-unit", "DH-CG");
        await page.Page.ClickAsync("button[type=submit]:has-text('查看')");
        await page.Page.WaitForURLAsync(Host.Address + "/dashboard?month=2026-03&unit=DH-CG");
        await page.Page.WaitForFunctionAsync(
            "() => !echarts.getInstanceByDom(document.getElementById('wb-chart-volume-channel')).getOption().series.some(s => s.id === 'Web')");
        Assert.Equal((2, 1), (Counts(await OptionAsync(page.Page, "wb-chart-volume-channel"), "Phone")[1], Counts(await OptionAsync(page.Page, "wb-chart-volume-channel"), "WeChat")[2]));

        // A real click on the middle of Monday's phone bar (the bottom of the stack, 0 to 2).
        var chart = page.Page.Locator("#wb-chart-volume-channel");
        await chart.ScrollIntoViewIfNeededAsync();
        var pixel = await page.Page.EvaluateAsync<double[]>(
            "() => echarts.getInstanceByDom(document.getElementById('wb-chart-volume-channel')).convertToPixel({ seriesId: 'Phone' }, [1, 1])");
        var box = (await chart.BoundingBoxAsync())!;
        await page.Page.Mouse.ClickAsync(box.X + (float)pixel[0], box.Y + (float)pixel[1]);
        await page.Page.WaitForURLAsync(Host.Address + "/cases?channel=Phone&from=2026-03-02&to=2026-03-02&unitCode=DH-CG");
        await Assertions.Expect(page.Page.Locator("#wb-cq-applied")).ToContainTextAsync("电话");
        await Assertions.Expect(page.Page.Locator("#wb-cq-applied")).ToContainTextAsync("2026-03-02 至 2026-03-02");
        await Assertions.Expect(page.Page.Locator("#wb-cq-applied")).ToContainTextAsync("承办单位：东湖区城管局");
        await Assertions.Expect(page.Page.Locator("#wb-cq-total")).ToHaveTextAsync("共 2 件");
        var listed = await page.Page.Locator("table.wb-table tbody tr td:first-child a").AllTextContentsAsync();
        Assert.Equal(phoneOnMonday.Order(), listed.Order());
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/cases");
        page.AssertClean();
    }
}
