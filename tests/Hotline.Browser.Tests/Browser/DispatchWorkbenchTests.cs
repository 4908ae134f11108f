using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The dispatch desk (派单台) in Chromium: a dispatcher dispatches an unrouted case to a unit chosen by name and the
/// unit's inbox then has it; a return is reviewed and re-dispatched, then reassigned from the case page; an extension
/// is approved (the case's deadline becomes the one the desk showed) and an answer sent back with a reason; axe-core
/// finds no WCAG 2.1 AA violation on /dispatch at desktop and phone width.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class DispatchWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private async Task<WatchedPage> OpenAsync(string path, string role, string heading, string? unitCode = null)
    {
        var page = await WorkbenchPages.OpenAsAsync(browser, Host, path, role, unitCode);
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToHaveTextAsync(heading);
        return page;
    }

    private Task<WatchedPage> OpenDeskAsync() => OpenAsync("/dispatch", "dispatcher", "派单台");

    private static ILocator Row(WatchedPage page, string table, string number) =>
        page.Page.Locator($"#{table} tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    private static async Task ChooseTabAsync(WatchedPage page, string tab)
    {
        await page.Page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToHaveAttributeAsync("aria-selected", "true");
    }

    private static async Task SubmitAsync(WatchedPage page, string number, string? text = null)
    {
        if (text is not null)
            await page.Page.FillAsync("#wb-desk-text", text);
        await page.Page.ClickAsync("#wb-desk-submit");
        await Assertions.Expect(Row(page, "wb-desk", number)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("#wb-desk-done")).ToHaveTextAsync("已提交。");
    }

    /// <summary>The unit DH-CG completes its pending task of the case, as its inbox would.</summary>
    private async Task UnitActsAsync(string number, string outcome, JsonObject result)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        var task = await db.InboxTasks.SingleAsync(t => t.CaseId == caseId && t.UnitCode == "DH-CG" && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor));
        await Host.Services.GetRequiredService<InboxService>().CompleteAsync(task.TaskId, new InboxActor("cg-user", "城管经办人", "DH-CG"), outcome, result);
    }

    private async Task EnsureUnitAsync(string code, string name)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        if (await db.HandlingUnits.AnyAsync(u => u.Code == code))
            return;
        db.HandlingUnits.Add(new HandlingUnit { Code = code, Name = name, Level = UnitLevel.District, DistrictCode = "990103" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_put_the_case_in_the_units_inbox_When_the_desk_dispatches_an_unrouted_case()
    {
        var number = await WorkbenchPages.CreateUnroutedCaseAsync(Host, "派单测试：无人认领的井盖缺失");
        await using var page = await OpenDeskAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "派单台" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "wb-desk", number)).ToContainTextAsync("派单测试：无人认领的井盖缺失");
        await Assertions.Expect(Row(page, "wb-desk", number)).ToContainTextAsync("占道经营");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/dispatch");

        await Row(page, "wb-desk", number).GetByRole(AriaRole.Button, new() { Name = "派单", Exact = true }).ClickAsync();
        await page.Page.FillAsync("#wb-desk-unit", "东湖区城管局");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/dispatch with the dispatch form");
        await SubmitAsync(page, number, "请城管局尽快处理。");
        await page.Page.SetViewportSizeAsync(375, 740);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/dispatch at 375 px");
        page.AssertClean();

        await using var unit = await OpenAsync("/inbox", "unit", "承办工作台", "DH-CG");
        await Assertions.Expect(Row(unit, "wb-inbox", number)).ToContainTextAsync("距签收时限");
        unit.AssertClean();
    }

    [Fact]
    public async Task Should_send_the_case_to_the_unit_chosen_When_a_return_is_approved_and_reassign_it_from_the_case_page()
    {
        await EnsureUnitAsync("DH-ZJ", "东湖区住建局");
        var number = await WorkbenchPages.CreateCaseAsync(Host, "退单审核测试：楼道内违章搭建");
        await UnitActsAsync(number, "Returned", new JsonObject { ["reason"] = "违章搭建属住建部门管辖" });
        await using var page = await OpenDeskAsync();

        await ChooseTabAsync(page, "退单审核");
        await Assertions.Expect(Row(page, "wb-desk", number)).ToContainTextAsync("违章搭建属住建部门管辖");
        await Assertions.Expect(Row(page, "wb-desk", number)).ToContainTextAsync("东湖区城管局");
        await Row(page, "wb-desk", number).GetByRole(AriaRole.Button, new() { Name = "同意退单并改派", Exact = true }).ClickAsync();
        await page.Page.ClickAsync("#wb-desk-submit");
        await Assertions.Expect(page.Page.Locator("#wb-desk-error")).ToHaveTextAsync("请填写单位。");
        await page.Page.FillAsync("#wb-desk-unit", "东湖区住建局");
        await SubmitAsync(page, number);

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator(".wb-facts")).ToContainTextAsync("东湖区住建局");
        await page.Page.ClickAsync("#wb-op-Reassign");
        await page.Page.FillAsync("#wb-ops-unit", "东湖区城管局");
        await page.Page.ClickAsync("#wb-ops-submit");
        await Assertions.Expect(page.Page.Locator("#wb-ops-error")).ToContainTextAsync("reason");
        await page.Page.FillAsync("#wb-ops-reason", "经现场核实仍由城管局办理");
        await page.Page.ClickAsync("#wb-ops-submit");
        await Assertions.Expect(page.Page.Locator("#wb-ops-done")).ToHaveTextAsync("操作已完成。");
        await Assertions.Expect(page.Page.Locator(".wb-facts")).ToContainTextAsync("东湖区城管局");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_move_the_deadline_to_the_one_shown_When_an_extension_is_approved_and_send_an_answer_back_with_a_reason()
    {
        var extended = await WorkbenchPages.CreateCaseAsync(Host, "延期审核测试：河道淤积需清淤");
        await UnitActsAsync(extended, "ExtensionRequested", new JsonObject { ["days"] = 5, ["reason"] = "需协调水务部门" });
        var answered = await WorkbenchPages.CreateCaseAsync(Host, "审核办结测试：夜间施工噪声");
        await UnitActsAsync(answered, "Completed", new JsonObject { ["answer"] = "已处理" });
        await using var page = await OpenDeskAsync();

        await ChooseTabAsync(page, "延期审核");
        await Assertions.Expect(Row(page, "wb-desk", extended)).ToContainTextAsync("需协调水务部门");
        var shown = await Row(page, "wb-desk", extended).Locator(".wb-desk-extended").InnerTextAsync();
        var before = await Row(page, "wb-desk", extended).Locator(".wb-desk-current").InnerTextAsync();
        Assert.NotEqual(before, shown);
        await Row(page, "wb-desk", extended).GetByRole(AriaRole.Button, new() { Name = "同意延期", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#wb-desk-days")).ToHaveValueAsync("5");
        await SubmitAsync(page, extended);

        await ChooseTabAsync(page, "审核办结");
        await Assertions.Expect(Row(page, "wb-desk", answered)).ToContainTextAsync("已处理");
        await Row(page, "wb-desk", answered).GetByRole(AriaRole.Button, new() { Name = "退回重办", Exact = true }).ClickAsync();
        await page.Page.ClickAsync("#wb-desk-submit");
        await Assertions.Expect(page.Page.Locator("#wb-desk-error")).ToHaveTextAsync("请填写理由。");
        await SubmitAsync(page, answered, "答复过于简单，请说明处理过程和结果。");

        await page.Page.GotoAsync(Host.Address + $"/cases/{extended}");
        await Assertions.Expect(page.Page.Locator(".wb-deadline")).ToHaveTextAsync(shown);
        page.AssertClean();
    }
}
