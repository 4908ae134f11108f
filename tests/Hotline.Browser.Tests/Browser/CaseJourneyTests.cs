using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// A case's whole journey through the workbench alone, four people in four browser pages: the operator files a
/// complaint at the intake desk; the routed unit's open inbox shows it live (no reload), the unit signs for it and
/// answers; the dispatcher accepts the answer at the dispatch desk (审核办结); the callback agent records 满意·已解决; the
/// case page shows the case closed with each step in its timeline.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    private DesignerHost Host => fixture.Host;

    private static ILocator Row(WatchedPage page, string table, string number) =>
        page.Page.Locator($"#{table} tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    [Fact]
    public async Task Should_close_the_case_When_operator_unit_dispatcher_and_callback_agent_each_do_their_step_in_the_workbench()
    {
        await using var unit = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG");
        await using var operatorPage = await WorkbenchPages.OpenAsAsync(browser, Host, "/intake", "operator");

        var number = await FileComplaintAsync(operatorPage);
        await Assertions.Expect(Row(unit, "wb-inbox", number)).ToBeVisibleAsync(WithinASecond);

        await Row(unit, "wb-inbox", number).GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(unit, "wb-inbox", number)).ToContainTextAsync("已签收");
        await Row(unit, "wb-inbox", number).GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        await unit.Page.FillAsync("#wb-action-text", "已联系城管中队，摊位已清理，盲道恢复通行。");
        await unit.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(Row(unit, "wb-inbox", number)).ToHaveCountAsync(0);

        await using var dispatcher = await WorkbenchPages.OpenAsAsync(browser, Host, "/dispatch", "dispatcher");
        await dispatcher.Page.GetByRole(AriaRole.Tab, new() { Name = "审核办结" }).ClickAsync();
        await Assertions.Expect(Row(dispatcher, "wb-desk", number)).ToContainTextAsync("盲道恢复通行");
        await Row(dispatcher, "wb-desk", number).GetByRole(AriaRole.Button, new() { Name = "审核通过并答复", Exact = true }).ClickAsync();
        await dispatcher.Page.ClickAsync("#wb-desk-submit");
        await Assertions.Expect(Row(dispatcher, "wb-desk", number)).ToHaveCountAsync(0);

        await using var agent = await WorkbenchPages.OpenAsAsync(browser, Host, "/callbacks", "callback-agent");
        await Assertions.Expect(Row(agent, "wb-callbacks", number)).ToContainTextAsync("盲道恢复通行");
        await Row(agent, "wb-callbacks", number).GetByRole(AriaRole.Button, new() { Name = "回访", Exact = true }).ClickAsync();
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "满意·已解决", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.Page.Locator("#wb-callback-status")).ToHaveTextAsync("已记录回访结果，工单已办结。");

        await operatorPage.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(operatorPage.Page.Locator("#wb-status")).ToHaveTextAsync("已办结");
        var timeline = operatorPage.Page.Locator("#wb-timeline");
        foreach (var step in new[] { "受理", "签收", "提交办理结果", "审核办结", "答复市民", "回访" })
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        foreach (var page in new[] { unit, operatorPage, dispatcher, agent })
            page.AssertClean();
    }

    /// <summary>The operator types the call in and saves with Ctrl+Enter; returns the number announced.</summary>
    private static async Task<string> FileComplaintAsync(WatchedPage page)
    {
        await page.Page.FillAsync("#wb-intake-phone", "13955556666");
        await page.Page.FillAsync("#wb-intake-name", "李强");
        await page.Page.SelectOptionAsync("#wb-intake-type", "Complaint");
        await page.Page.SelectOptionAsync("#wb-intake-subject", "SR-ROAD");
        await page.Page.SelectOptionAsync("#wb-intake-district", "990103");
        await page.Page.FillAsync("#wb-intake-address", "东湖区新华路20号");
        await page.Page.FillAsync("#wb-intake-content", "全程测试：新华路20号门口摊位占用盲道");
        await page.Page.Keyboard.PressAsync("Control+Enter");
        var status = page.Page.Locator("#wb-intake-status");
        await Assertions.Expect(status).ToContainTextAsync("已登记工单");
        return (await status.Locator("a").TextContentAsync())!;
    }
}
