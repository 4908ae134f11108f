using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The supervision board (督办台) in Chromium: a supervisor sees a case the fake clock has moved past its deadline under
/// 红牌 as soon as the red card reaches the supervisors (the open board reloads), with the lead unit's name and the
/// escalation workflow's next checkpoint (一级提级督办); under 一级 once the clock passes that checkpoint; the case number
/// states how the graph counts it (办理期限后 3 个工作日); the supervisor gives an instruction (督办意见) from the row and
/// the lead unit sees it on its task; the case number opens the case page; axe-core finds no WCAG 2.1 AA violation on
/// /supervision.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SupervisionWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private static ILocator Row(WatchedPage page, string level, string number) =>
        page.Page.Locator($"#wb-sv-{level} tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    [Fact]
    public async Task Should_show_the_overdue_case_under_red_then_level_1_When_the_clock_passes_its_deadline_and_the_next_checkpoint()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "督办测试：路口占道经营");
        await using (var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/supervision", "supervisor"))
        {
            // The red card reaches the supervisors: the open board reloads by itself.
            await WorkbenchPages.PastDeadlineAsync(Host, number);
            var red = Row(page, "red", number);
            await Assertions.Expect(red).ToContainTextAsync("东湖区城管局", new() { Timeout = 2000 });
            await Assertions.Expect(page.Page.Locator("#wb-sv-red-title")).ToContainTextAsync("红牌");
            await Assertions.Expect(red).ToContainTextAsync("一级提级督办");
            await WorkbenchPages.AssertAccessibleAsync(page.Page, "/supervision");
            page.AssertClean();
        }

        // A working day later the session has ended: the next day's board, signed in again.
        await WorkbenchPages.PastTimerAsync(Host, number, "wait-level1");
        await using var next = await WorkbenchPages.OpenAsAsync(browser, Host, "/supervision", "supervisor");
        var level1 = Row(next, "level1", number);
        await Assertions.Expect(level1).ToContainTextAsync("二级 13710 督办");
        await Assertions.Expect(level1).ToContainTextAsync("办理期限后 3 个工作日");
        await Assertions.Expect(Row(next, "red", number)).ToHaveCountAsync(0);

        // 督办意见: from the board's row, by keyboard-reachable button and form.
        await level1.GetByRole(AriaRole.Button, new() { Name = $"下达督办意见 {number}" }).ClickAsync();
        await next.Page.GetByLabel("督办意见", new() { Exact = true }).FillAsync("请三日内联系市民并书面反馈进展");
        await WorkbenchPages.AssertAccessibleAsync(next.Page, "/supervision");
        await next.Page.Locator("#wb-instruction-submit").ClickAsync();
        await Assertions.Expect(next.Page.Locator("#wb-sv-done")).ToContainTextAsync($"已向承办单位下达督办意见：{number}");
        await Assertions.Expect(Row(next, "level1", number)).ToContainTextAsync("请三日内联系市民并书面反馈进展");
        await WorkbenchPages.DocsScreenshotAsync(next.Page, "supervision.png");

        await Row(next, "level1", number).GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await next.Page.WaitForURLAsync(Host.Address + $"/cases/{number}");
        next.AssertClean();

        // The lead unit sees it on its task.
        await using var unit = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG");
        await Assertions.Expect(unit.Page.Locator($"[data-instruction='{number}']")).ToContainTextAsync("请三日内联系市民并书面反馈进展");
        unit.AssertClean();
    }
}
