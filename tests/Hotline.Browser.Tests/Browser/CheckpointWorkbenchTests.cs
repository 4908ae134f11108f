using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The 13710 checkpoints as work in Chromium: the fake clock takes a case through level 2 and its 1d checkpoint; the lead
/// unit files its progress report (反馈进展) in /inbox; the supervisor sees it on /supervision and closes the item (销号):
/// the case leaves the level-2 group. axe-core finds no WCAG 2.1 AA violation on either page with its form open.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class CheckpointWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Report = "已约谈商户并限期清理，明日复查";

    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_take_the_units_report_and_close_the_item_on_the_board_When_the_case_reaches_the_13710_track()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "督办测试：进展反馈与销号");
        await WorkbenchPages.PastDeadlineAsync(Host, number);
        foreach (var wait in new[] { "wait-level1", "wait-level2", "wait-1d" })
            await WorkbenchPages.PastTimerAsync(Host, number, wait);

        await using (var unit = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG"))
        {
            var task = unit.Page.Locator("#wb-inbox tbody tr", new() { Has = unit.Page.GetByRole(AriaRole.Link, new() { Name = number }), HasText = "反馈办理进展" });
            await task.GetByRole(AriaRole.Button, new() { Name = "反馈进展", Exact = true }).ClickAsync();
            await unit.Page.GetByLabel("办理进展（1 至 1000 字）").FillAsync(Report);
            await WorkbenchPages.AssertAccessibleAsync(unit.Page, "/inbox with the progress report form");
            await unit.Page.ClickAsync("#wb-action-submit");
            await Assertions.Expect(task).ToHaveCountAsync(0);
            unit.AssertClean();
        }

        await using var board = await WorkbenchPages.OpenAsAsync(browser, Host, "/supervision", "supervisor");
        var row = board.Page.Locator("#wb-sv-level2 tbody tr", new() { Has = board.Page.GetByRole(AriaRole.Link, new() { Name = number }) });
        await Assertions.Expect(row).ToContainTextAsync(Report);
        await Assertions.Expect(row).ToContainTextAsync("东湖区城管局");
        await row.GetByRole(AriaRole.Button, new() { Name = $"销号 {number}" }).ClickAsync();
        await board.Page.GetByLabel("销号说明（可不填）").FillAsync("商户已清理，复查无误");
        await WorkbenchPages.AssertAccessibleAsync(board.Page, "/supervision with the 销号 form");
        await board.Page.Locator("#wb-decision-submit").ClickAsync();

        await Assertions.Expect(board.Page.Locator("#wb-sv-done")).ToContainTextAsync($"工单 {number} 已销号");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        board.AssertClean();
    }
}
