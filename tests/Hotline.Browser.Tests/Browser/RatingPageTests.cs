using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// 好差评 in Chromium at phone width (390×844), without signing in: a replied case's link shows the case and the reply
/// with no workbench menu, the citizen rates 满意 with a comment and is thanked; the same link then answers 404 with
/// 该评价链接已失效; axe-core finds no WCAG 2.1 AA violation on the form or the answers.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class RatingPageTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_record_the_rating_once_When_the_citizen_rates_through_the_link_on_a_phone()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "好差评测试：人行道被摊位占用");
        await WorkbenchPages.ReplyAsync(Host, number, "已责令摊主撤离，恢复通行。");
        var link = Host.Address + await WorkbenchPages.RatingPathAsync(Host, number);
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.Page.SetViewportSizeAsync(390, 844);

        await page.Page.GotoAsync(link);
        await Assertions.Expect(page.Page.Locator("#wb-rating-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.Page.Locator("#wb-rating-reply")).ToHaveTextAsync("已责令摊主撤离，恢复通行。");
        await Assertions.Expect(page.Page.Locator("nav, .wb-side, .wb-top")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("body")).Not.ToContainTextAsync("13812345678");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/rate at 390 px");
        await page.Page.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await page.Page.GetByLabel("意见或建议（选填，最多500字）").FillAsync("处理很及时，谢谢");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-rating-thanks")).ToHaveTextAsync("感谢您的评价！您的意见已记录。");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/rate thanked");

        page.ExpectedStatuses.Add(link + " 404");
        var again = await page.Page.GotoAsync(link);
        Assert.Equal(404, again?.Status);
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync("该评价链接已失效");
        await Assertions.Expect(page.Page.Locator("body")).Not.ToContainTextAsync(number);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/rate used");
        page.AssertClean();
    }
}
