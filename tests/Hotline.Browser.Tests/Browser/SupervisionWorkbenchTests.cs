using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The supervision board (督办台) in Chromium: a supervisor sees a case the fake clock has moved past its deadline under
/// 红牌, with the lead unit's name, who holds it and the escalation workflow's next checkpoint (一级提级督办); the case
/// number opens the case page; axe-core finds no WCAG 2.1 AA violation on /supervision.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class SupervisionWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_show_the_overdue_case_under_red_with_its_next_checkpoint_When_a_supervisor_opens_the_board()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "督办测试：路口占道经营");
        await WorkbenchPages.PastDeadlineAsync(Host, number);

        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/supervision", "supervisor");
        var row = page.Page.Locator("#wb-sv-red tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });
        await Assertions.Expect(page.Page.Locator("#wb-sv-red-title")).ToContainTextAsync("红牌");
        await Assertions.Expect(row).ToContainTextAsync("东湖区城管局");
        await Assertions.Expect(row).ToContainTextAsync("一级提级督办");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/supervision");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Page.WaitForURLAsync(Host.Address + $"/cases/{number}");
        page.AssertClean();
    }
}
