using System.Runtime.CompilerServices;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The operator's intake desk (受理台) in Chromium: a complaint filed by keyboard alone (the caller's earlier case shown,
/// Ctrl+Enter, the number announced, the form cleared); 并案 with a duplicate candidate, with axe-core clean on the page
/// with its panels filled (and the README's screenshot); a direct answer from the knowledge panel.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class IntakeWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private async Task<WatchedPage> OpenIntakeAsync([CallerMemberName] string name = "")
    {
        var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/intake", "operator", null, name);
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToHaveTextAsync("受理台");
        return page;
    }

    private async Task AddArticleAsync(string id, string title)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        db.KnowledgeArticles.Add(new KnowledgeArticle
        {
            Id = id, Title = title, Question = "占道经营归哪个部门管？", Answer = "占道经营由属地城管部门处理，可拨打12345登记。", SubjectCode = "SR-ROAD", Keywords = "占道",
            UpdatedAt = DesignerHost.Monday,
        });
        await db.SaveChangesAsync();
    }

    private static async Task FillAsync(IPage page, string phone, string content)
    {
        await page.FillAsync("#wb-intake-phone", phone);
        await page.FillAsync("#wb-intake-name", "王芳");
        await page.SelectOptionAsync("#wb-intake-type", "Complaint");
        await page.SelectOptionAsync("#wb-intake-subject", "SR-ROAD");
        await page.SelectOptionAsync("#wb-intake-district", "990103");
        await page.FillAsync("#wb-intake-address", "东湖区新华路1号");
        await page.FillAsync("#wb-intake-content", content);
    }

    private static async Task<string> SavedNumberAsync(IPage page, string announcement)
    {
        var status = page.Locator("#wb-intake-status");
        await Assertions.Expect(status).ToContainTextAsync(announcement);
        return (await status.Locator("a").TextContentAsync())!;
    }

    [Fact]
    public async Task Should_file_a_complaint_entirely_by_keyboard_When_the_operator_takes_a_call()
    {
        var earlier = await WorkbenchPages.CreateCaseAsync(Host, "受理测试：早先的占道投诉", "13811112222");
        await using var page = await OpenIntakeAsync();
        var keys = page.Page.Keyboard;
        await Assertions.Expect(page.Page.Locator("#wb-intake-phone")).ToBeFocusedAsync();

        await keys.TypeAsync("13811112222");
        await Assertions.Expect(page.Page.Locator("#wb-intake-history")).ToContainTextAsync(earlier);
        await keys.PressAsync("Tab");
        await keys.TypeAsync("王芳");
        await keys.PressAsync("Tab");
        await keys.PressAsync("Tab");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await Assertions.Expect(page.Page.Locator("#wb-intake-type")).ToHaveValueAsync("Complaint");
        await keys.PressAsync("Tab");
        await keys.PressAsync("ArrowDown");
        await Assertions.Expect(page.Page.Locator("#wb-intake-subject")).ToHaveValueAsync("SR-ROAD");
        await keys.PressAsync("Tab");
        await keys.PressAsync("ArrowDown");
        await Assertions.Expect(page.Page.Locator("#wb-intake-district")).ToHaveValueAsync("990103");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("东湖区新华路9号");
        await keys.PressAsync("Tab");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("新华路9号门口又有人占道摆摊");
        await keys.PressAsync("Control+Enter");

        var number = await SavedNumberAsync(page.Page, "已登记工单");
        Assert.NotEqual(earlier, number);
        await Assertions.Expect(page.Page.Locator("#wb-intake-phone")).ToHaveValueAsync("");
        await Assertions.Expect(page.Page.Locator("#wb-intake-content")).ToHaveValueAsync("");
        await Assertions.Expect(page.Page.Locator("#wb-intake-phone")).ToBeFocusedAsync();
        await Assertions.Expect(page.Page.Locator("#wb-intake-today")).ToContainTextAsync(number);
        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-phone")).ToHaveTextAsync("13811112222");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_merge_the_call_into_the_open_case_When_the_operator_picks_merge_for_a_duplicate()
    {
        var earlier = await WorkbenchPages.CreateCaseAsync(Host, "并案测试：早先的占道投诉", "13833334444");
        await AddArticleAsync("KB-WB-MERGE", "占道经营的处理部门");
        await using var page = await OpenIntakeAsync();

        await FillAsync(page.Page, "13833334444", "新华路1号门口占道经营，请处理");
        var candidate = page.Page.Locator($"#wb-intake-duplicates li[data-case='{earlier}']");
        await Assertions.Expect(candidate).ToContainTextAsync("同一来电人");
        await Assertions.Expect(page.Page.Locator("#wb-intake-history")).ToContainTextAsync(earlier);
        await Assertions.Expect(page.Page.Locator("#wb-intake-knowledge")).ToContainTextAsync("占道经营的处理部门");
        await Assertions.Expect(page.Page.Locator("#wb-intake-knowledge-words")).ToHaveValueAsync("新华路1号门口占道经营，请处理");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/intake with its panels filled");
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "intake.png");

        await candidate.GetByRole(AriaRole.Radio, new() { Name = "并案" }).CheckAsync();
        await page.Page.ClickAsync("#wb-intake-save");

        var number = await SavedNumberAsync(page.Page, "（已并案）");
        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-status")).ToHaveTextAsync("已并案");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = earlier }).First).ToBeVisibleAsync();
        page.AssertClean();
    }

    [Fact]
    public async Task Should_close_the_case_from_the_knowledge_panel_When_the_operator_answers_directly()
    {
        await AddArticleAsync("KB-WB-ANSWER", "占道经营找谁");
        await using var page = await OpenIntakeAsync();

        await FillAsync(page.Page, "13855556666", "请问占道经营归哪个部门管？");
        await page.Page.SelectOptionAsync("#wb-intake-type", "Consultation");
        await page.Page.SelectOptionAsync("#wb-intake-subject", "SR-ROAD");
        var article = page.Page.Locator("#wb-intake-knowledge li[data-article='KB-WB-ANSWER']");
        await article.GetByRole(AriaRole.Button, new() { Name = "用“占道经营找谁”直接办结" }).ClickAsync();

        var number = await SavedNumberAsync(page.Page, "（直接办结）");
        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-status")).ToHaveTextAsync("直接办结");
        page.AssertClean();
    }
}
