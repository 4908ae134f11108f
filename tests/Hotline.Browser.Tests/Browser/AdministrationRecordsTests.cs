using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The administration screens B in Chromium: an administrator adds the year 2027 in the 节假日历 view (New Year's Day marked
/// 休 by a click and named, a Saturday made 班 by keyboard), saves it, and the calendar API counts those days; then opens
/// 知识库 (with a new article's form), 数据导入 and 审计日志. axe-core finds no WCAG 2.1 AA violation on any of the four.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class AdministrationRecordsTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_count_the_marked_holiday_and_make_up_day_When_an_administrator_adds_a_calendar_year_in_the_calendar_view()
    {
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/admin/calendar", "administrator");
        var p = page.Page;
        await p.FillAsync("#wb-cal-new", "2027");
        await p.ClickAsync("#wb-cal-add");
        await Assertions.Expect(p.Locator("#wb-cal-year-title")).ToContainTextAsync("2027");

        await p.ClickAsync("#wb-cal-2027-01-01");
        await Assertions.Expect(p.Locator("#wb-cal-2027-01-01")).ToContainTextAsync("休");
        await p.FillAsync("#wb-cal-holiday-0", "元旦");
        await p.Locator("#wb-cal-2027-01-09").FocusAsync();
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.Locator("#wb-cal-2027-01-09")).ToHaveClassAsync(Holiday());
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.Locator("#wb-cal-2027-01-09")).ToContainTextAsync("班");
        await p.FillAsync("#wb-cal-source", "国务院办公厅关于2027年部分节假日安排的通知（测试）");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/calendar with a year open");
        await p.ClickAsync("#wb-cal-save");
        await Assertions.Expect(p.Locator("#wb-cal-status")).ToContainTextAsync("2027 年已保存");

        using var client = Host.Client();
        var days = await client.GetFromJsonAsync<WorkingDays>("api/calendar/working-days?from=2027-01-01&to=2027-01-10");
        Assert.Equal(["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-09"], days!.Days);
        Assert.False(days.Provisional);
        await Assertions.Expect(p.Locator("#wb-cal-years tr[data-year='2027']")).ToBeVisibleAsync();

        foreach (var (path, heading) in new[] { ("/admin/knowledge", "知识库"), ("/admin/import", "数据导入"), ("/admin/audit", "审计日志") })
        {
            await p.GotoAsync(Host.Address + path);
            await Assertions.Expect(p.Locator("h1[data-live=true]")).ToHaveTextAsync(heading);
            if (path == "/admin/knowledge")
            {
                await p.ClickAsync("#wb-kb-new");
                await Assertions.Expect(p.Locator("#wb-kb-form-title")).ToBeVisibleAsync();
            }

            await WorkbenchPages.AssertAccessibleAsync(p, path);
        }

        page.AssertClean();
    }

    [GeneratedRegex("wb-cal-holiday")]
    private static partial Regex Holiday();

    private sealed record WorkingDays(string[] Days, bool Provisional);
}
