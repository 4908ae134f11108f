using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// 通知模板 in Chromium: an administrator opens the yellow card's template, writes new words with a placeholder inserted
/// by its button, sees the preview, switches e-mail off and saves; a placeholder the kind does not fill is refused at the
/// field; 恢复默认 brings the shipped words back. axe-core finds no WCAG 2.1 AA violation.
/// </summary>
public sealed partial class AdministrationRecordsTests
{
    [Fact]
    public async Task Should_save_the_yellow_cards_words_and_restore_the_default_When_an_administrator_edits_them_on_the_notice_templates_screen()
    {
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/admin/notices", "administrator");
        var p = page.Page;
        await p.ClickAsync("button[data-kind=Yellow]");
        await Assertions.Expect(p.Locator("#wb-nt-form-title")).ToHaveTextAsync("黄牌");

        await p.FillAsync("#wb-nt-subject", "黄牌预警");
        await p.FillAsync("#wb-nt-body", "请抓紧办理工单");
        await p.ClickAsync("button[data-placeholder='工单号']");
        await Assertions.Expect(p.Locator("#wb-nt-body")).ToHaveValueAsync("请抓紧办理工单{工单号}");
        await Assertions.Expect(p.Locator("#wb-nt-body")).ToBeFocusedAsync();
        await Assertions.Expect(p.Locator("#wb-nt-preview-body")).ToHaveTextAsync("请抓紧办理工单20260302-000123");
        await p.UncheckAsync("#wb-nt-email");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/notices with the yellow card's template open");
        await p.ClickAsync("#wb-nt-save");
        await Assertions.Expect(p.Locator("p.wb-admin-status[role=status]")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(p.Locator("button[data-kind=Yellow] + .wb-admin-hint")).ToHaveTextAsync("已修改 · 短信");

        await p.FillAsync("#wb-nt-body", "{评价链接}");
        await p.ClickAsync("#wb-nt-save");
        await Assertions.Expect(p.Locator("p.wb-admin-status[role=alert]")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#wb-nt-body")).ToHaveAttributeAsync("aria-invalid", "true");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/notices with a refused placeholder");

        await p.ClickAsync("#wb-nt-reset");
        await Assertions.Expect(p.Locator("p.wb-admin-status[role=status]")).ToHaveTextAsync("已恢复默认模板。");
        await Assertions.Expect(p.Locator("#wb-nt-body")).ToHaveValueAsync("【12345热线】工单{工单号}即将到期，已亮黄牌，请抓紧办理。");
        await Assertions.Expect(p.Locator("#wb-nt-email")).ToBeCheckedAsync();
        page.AssertClean();
    }
}
