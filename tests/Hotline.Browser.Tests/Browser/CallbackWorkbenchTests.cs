using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The callback desk (回访台) in Chromium: a callback agent sees a replied case with the citizen's number, the lead unit's
/// name and the reply; records 满意·已解决 from the keyboard and the case page shows it closed; records 不满意 and the
/// case is back in the unit's inbox; axe-core finds no WCAG 2.1 AA violation on /callbacks at desktop and 375 px.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class CallbackWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private static ILocator Row(WatchedPage page, string number) => page.Page.Locator("#wb-callbacks tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    private async Task<string> RepliedCaseAsync(string content)
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, content);
        await WorkbenchPages.ReplyAsync(Host, number, "已责令摊主撤离，恢复通行。");
        return number;
    }

    [Fact]
    public async Task Should_close_the_case_When_the_agent_records_satisfied_and_resolved_from_the_keyboard()
    {
        var number = await RepliedCaseAsync("回访测试：路口早餐摊占道");
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/callbacks", "callback-agent");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "回访台" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("13812345678");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("东湖区城管局");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("已责令摊主撤离，恢复通行。");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("第 1 次");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/callbacks");

        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = "回访", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-callback-title")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.TypeAsync("市民表示满意");
        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "满意·已解决", Exact = true })).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "满意·未解决", Exact = true })).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Shift+Tab");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#wb-callback-status")).ToHaveTextAsync("已记录回访结果，工单已办结。");
        await Assertions.Expect(page.Page.Locator("h1")).ToBeFocusedAsync();
        await Assertions.Expect(Row(page, number)).ToHaveCountAsync(0);

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("回访");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_send_the_case_back_to_the_units_inbox_When_the_citizen_is_unsatisfied()
    {
        var number = await RepliedCaseAsync("回访测试：夜市摊位噪音");
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/callbacks", "callback-agent");
        await page.Page.SetViewportSizeAsync(375, 740);
        await Assertions.Expect(Row(page, number)).ToBeVisibleAsync();
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/callbacks at 375 px");

        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = "回访", Exact = true }).ClickAsync();
        await page.Page.FillAsync("#wb-callback-note", "摊位又摆出来了");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "不满意·未解决", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-callback-status")).ToContainTextAsync("工单已退回承办单位重办");
        await Assertions.Expect(Row(page, number)).ToHaveCountAsync(0);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/callbacks at 375 px after a result");
        page.AssertClean();

        await using var unit = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG");
        await Assertions.Expect(unit.Page.Locator("#wb-inbox tbody tr", new() { Has = unit.Page.GetByRole(AriaRole.Link, new() { Name = number }) })).ToHaveCountAsync(1);
        unit.AssertClean();
    }
}
