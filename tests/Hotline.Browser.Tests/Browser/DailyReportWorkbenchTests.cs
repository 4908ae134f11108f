using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// 每日一报 in Chromium: a day seeded with the fake clock (a case left past its deadline, one answered in time, one
/// registered that day), opened by a leader on the default day (yesterday): the figures shown, printed to PDF through
/// Chromium as A4 with exactly one page per section, exported to an xlsx workbook that MiniExcel opens with the four
/// sheets; axe-core finds no WCAG 2.1 AA violation.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class DailyReportWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_show_print_one_page_per_section_and_export_the_day_When_a_leader_opens_yesterdays_report()
    {
        var overdue = await WorkbenchPages.CreateCaseAsync(Host, "日报测试：井盖缺失未处理");
        var answered = await WorkbenchPages.CreateCaseAsync(Host, "日报测试：路灯不亮已答复", phone: "13812340001");
        await WorkbenchPages.ReplyAsync(Host, answered, "已修复");
        await WorkbenchPages.PastDeadlineAsync(Host, overdue);
        var day = DateOnly.FromDateTime(Host.Clock.GetUtcNow().ToOffset(China).DateTime);
        var today = await WorkbenchPages.CreateCaseAsync(Host, "日报测试：当天受理", phone: "13812340002");
        // The next morning: the report opens on yesterday, the deadline's day.
        Host.Clock.Advance(new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(9, 0)), China) - Host.Clock.GetUtcNow());

        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/reports/daily", "leader");
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Page.Locator("#wb-rp-date")).ToHaveValueAsync(date);
        await Assertions.Expect(page.Page.Locator("#wb-rp-registered")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Page.Locator("#wb-rp-overdue-count")).ToHaveTextAsync("1");
        var row = page.Page.Locator($"#wb-rp-overdue-cases tr[data-case='{overdue}']");
        await Assertions.Expect(row).ToContainTextAsync("东湖区城管局");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = overdue })).ToHaveAttributeAsync("href", $"/cases/{overdue}");
        await Assertions.Expect(page.Page.Locator($"#wb-rp-overdue-cases tr[data-case='{answered}'], #wb-rp-overdue-cases tr[data-case='{today}']")).ToHaveCountAsync(0);
        // That day's indicators: the case registered that day went to DH-CG; 1 of 1 dispatches, none returned.
        await Assertions.Expect(page.Page.Locator("#wb-rp-figures tr[data-scope='city'] td[data-figure='completion']")).ToContainTextAsync("0/1");
        await Assertions.Expect(page.Page.Locator("#wb-rp-figures tr[data-scope='DH-CG'] th")).ToHaveTextAsync("东湖区城管局");
        await Assertions.Expect(page.Page.Locator("#wb-rp-figures tr[data-scope='DH-CG'] td[data-figure='return']")).ToContainTextAsync("0/1");
        await Assertions.Expect(page.Page.Locator("#wb-rp-next")).ToHaveAttributeAsync("href", $"/reports/daily?date={day.AddDays(1):yyyy-MM-dd}");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/reports/daily");

        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });
        // One page per section, each headed by the centre, the page and the date, then the section's heading.
        using (var pdf = PdfDocument.Open(await page.Page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true })))
        {
            var headings = await page.Page.Locator("section.wb-rp-section h2").AllTextContentsAsync();
            Assert.Equal(5, headings.Count);
            Assert.Equal(headings.Count, pdf.NumberOfPages);
            foreach (var (heading, number) in headings.Select((h, i) => (h, i + 1)))
            {
                var text = Printed(pdf.GetPage(number).Text);
                Assert.Matches("^" + Pattern($"12345政务服务便民热线 · 每日一报 · {date}"), text);
                Assert.Matches(Pattern(heading), text);
            }
        }

        await page.Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#wb-rp-export"));
        Assert.Equal($"每日一报-{date}.xlsx", download.SuggestedFilename);
        await using var workbook = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await workbook.CopyToAsync(copy);
        copy.Position = 0;
        Assert.Equal(["受理量", "指标", "热点", "超期工单"], MiniExcel.GetSheetNames(copy));
        copy.Position = 0;
        var late = Assert.Single(MiniExcel.Query(copy, useHeaderRow: true, sheetName: "超期工单").Cast<IDictionary<string, object>>());
        Assert.Equal((overdue, "东湖区城管局"), ((string)late["工单编号"], (string)late["承办单位"]));
        page.AssertClean();
    }

    /// <summary>A page's text without spaces, compatibility characters folded (NFKC: ⽇ is 日, （ is ().</summary>
    private static string Printed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// <paramref name="expected"/> as printed: Chromium's CJK font maps some ideographs to radicals of the CJK Radicals
    /// Supplement (⺠ for 民), which NFKC leaves alone, so any of those stands for an ideograph.
    /// </summary>
    private static string Pattern(string expected) =>
        string.Concat(Printed(expected).Select(c => c is >= '\u4E00' and <= '\u9FFF' ? $"[{c}\u2E80-\u2EFF]" : Regex.Escape(c.ToString())));
}
