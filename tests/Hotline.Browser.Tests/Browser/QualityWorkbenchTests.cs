using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>A host that sends every closed case to the quality desk (三查 查工单, <c>Hotline:Quality:CaseShare</c> 1).</summary>
public sealed class QualityHostFixture : IAsyncLifetime
{
    public DesignerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DesignerHost.StartAsync(new DesignerHost { QualityCaseShare = "1" });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The quality desk (质检台) in Chromium: a supervisor sees a closed case with names and a masked number, fails its
/// check from the checklist, and the case page shows it back with its unit and why; axe-core finds no WCAG 2.1 AA
/// violation on /quality before and after.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class QualityWorkbenchTests(BrowserFixture browser, QualityHostFixture fixture) : IClassFixture<QualityHostFixture>
{
    private DesignerHost Host => fixture.Host;

    private static ILocator Row(WatchedPage page, string number) => page.Page.Locator("#wb-quality tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    [Fact]
    public async Task Should_send_the_case_back_for_re_handling_with_the_reason_When_the_checker_fails_the_check()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "质检测试：菜市场门口占道");
        await WorkbenchPages.ReplyAsync(Host, number, "已劝离。");
        await WorkbenchPages.CallBackSatisfiedAsync(Host, number);
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/quality", "supervisor");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "质检台" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("东湖区城管局");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("占道经营");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("已劝离。");
        await Assertions.Expect(Row(page, number)).Not.ToContainTextAsync("13812345678");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/quality");

        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = "质检", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-quality-title")).ToBeFocusedAsync();
        await page.Page.GetByLabel("答复完整").UncheckAsync();
        await page.Page.FillAsync("#wb-qc-note", "未说明处理时间");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "合格", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-qc-form-error")).ToHaveTextAsync("合格须所有检查项均通过。");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "不合格，退回重办", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-quality-status")).ToHaveTextAsync("质检不合格，工单已退回承办单位重办。");
        await Assertions.Expect(page.Page.Locator("h1")).ToBeFocusedAsync();
        await Assertions.Expect(Row(page, number)).ToHaveCountAsync(0);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/quality after a check");

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-status")).ToHaveTextAsync("已派单");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("质检不合格：答复不完整；未说明处理时间");
        page.AssertClean();
    }
}
