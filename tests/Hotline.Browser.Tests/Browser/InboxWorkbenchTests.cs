using System.Runtime.CompilerServices;
using System.Diagnostics;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The unit inbox (承办工作台) in Chromium: a unit's user sees a routed case's task, signs for it and answers it through
/// the page (the task leaves the list, the case page shows the answer); a return with a reason; an extension request, a
/// sub-dispatch and an assisting unit's opinion (refusals in Chinese; the README's screenshots are saved here); axe-core finds no WCAG
/// 2.1 AA violation on /inbox at desktop and phone (375 px) width; and the render figure with 1,000 open tasks.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class InboxWorkbenchTests(BrowserFixture browser, HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private async Task<WatchedPage> OpenInboxAsync(string unitCode, [CallerMemberName] string name = "")
    {
        var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", unitCode, name);
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToHaveTextAsync("承办工作台");
        return page;
    }

    private static ILocator Row(WatchedPage page, string number) => page.Page.Locator("#wb-inbox tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });

    private static async Task ActAsync(WatchedPage page, string number, string action, string text)
    {
        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await page.Page.FillAsync("#wb-action-text", text);
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(Row(page, number)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Should_sign_for_and_answer_a_routed_task_through_the_page_When_a_unit_user_works_the_inbox()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "承办测试：路边摊占用盲道");
        await using var page = await OpenInboxAsync("DH-CG");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "承办工作台" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("距签收时限");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/inbox");

        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("已签收");
        await Assertions.Expect(Row(page, number)).ToContainTextAsync("距办结时限");
        await page.Page.SetViewportSizeAsync(375, 740);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/inbox at 375 px");
        var card = await Row(page, number).BoundingBoxAsync();
        Assert.True(card!.Width <= 375, $"The task's card is {card.Width} px wide at 375 px.");
        await ActAsync(page, number, "办结", "已责令摊主撤离盲道。");

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("提交办理结果");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_return_the_case_with_the_reason_When_the_unit_says_it_is_not_theirs()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "退单测试：小区内部绿化问题");
        await using var page = await OpenInboxAsync("DH-CG");

        await Row(page, number).GetByRole(AriaRole.Button, new() { Name = "退单", Exact = true }).ClickAsync();
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(page.Page.Locator("#wb-inbox-error")).ToHaveTextAsync("请填写理由。");
        await page.Page.FillAsync("#wb-action-text", "属物业管理范围，非城管职责。");
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(Row(page, number)).ToHaveCountAsync(0);

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("退单");
        page.AssertClean();
    }

    /// <summary>Seeds a subordinate of DH-CG (二级派单) and a subject whose rule adds DH-ZJ as the assisting unit (协办).</summary>
    private async Task SeedAssistAndSubordinateAsync()
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = "DH-CG-XH", Name = "新华街道城管中队", Level = UnitLevel.Town, DistrictCode = "990103", ParentCode = "DH-CG" },
            new HandlingUnit { Code = "DH-ZJ", Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-SITE", Name = "工地扬尘", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-SITE", SubjectCode = "SR-SITE", DistrictCode = "990103", LeadUnitCode = "DH-CG", AssistingUnitCodes = ["DH-ZJ"], Priority = 10 });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_request_an_extension_sub_dispatch_and_give_an_assisting_opinion_through_the_page_When_units_work_their_inboxes()
    {
        await SeedAssistAndSubordinateAsync();
        var assisted = await WorkbenchPages.CreateCaseAsync(Host, "协办测试：工地夜间扬尘", subjectCode: "SR-SITE");
        var passed = await WorkbenchPages.CreateCaseAsync(Host, "二级派单测试：新华路口占道");

        await using (var assistant = await OpenInboxAsync("DH-ZJ"))
        {
            await Row(assistant, assisted).GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
            await ActAsync(assistant, assisted, "协办意见", "建议住建部门同步约谈施工单位。");
        }

        await using var page = await OpenInboxAsync("DH-CG");
        await Row(page, assisted).GetByRole(AriaRole.Button, new() { Name = "延期", Exact = true }).ClickAsync();
        await page.Page.FillAsync("#wb-action-days", "5");
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(page.Page.Locator("#wb-inbox-error")).ToHaveTextAsync("请填写理由。");
        await page.Page.FillAsync("#wb-action-text", "需协调住建部门联合执法。");
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(page.Page.Locator("#wb-action-form")).ToHaveCountAsync(0);
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "inbox.png");

        await Row(page, passed).GetByRole(AriaRole.Button, new() { Name = "二级派单", Exact = true }).ClickAsync();
        await page.Page.SelectOptionAsync("#wb-action-unit", "DH-CG-XH");
        await page.Page.FillAsync("#wb-action-text", "请新华中队现场处理。");
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(Row(page, passed)).ToHaveCountAsync(0);

        await page.Page.GotoAsync(Host.Address + $"/cases/{passed}");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("二级派单");
        await page.Page.GotoAsync(Host.Address + $"/cases/{assisted}");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("协办意见");
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("申请延期");
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "case.png");
        page.AssertClean();
    }

    /// <summary>A benchmark, not a timed test: the figure goes to the test's output (run with --logger "console;verbosity=detailed").</summary>
    [Fact]
    public async Task Should_show_the_first_page_of_a_thousand_open_tasks_When_the_unit_has_that_many()
    {
        const string unit = "BENCH-1K";
        await using (var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
        {
            var now = Host.Clock.GetUtcNow();
            db.HandlingUnits.Add(new HandlingUnit { Code = unit, Name = "基准测试单位", Level = UnitLevel.District, DistrictCode = "990103" });
            db.InboxTasks.AddRange(Enumerable.Range(0, 1000).Select(i => new InboxTask
            {
                TaskId = $"bench-{i:D4}", UnitCode = unit, Kind = InboxTaskKind.Handle, TaskName = $"办理 {i:D4}", Status = InboxTaskStatus.Open,
                PossibleOutcomes = InboxRules.DefaultOutcomes("handle"), DueAt = now.AddHours(1000 - i), SignDueAt = now.AddHours(2), CreatedAt = now,
                WorkflowInstanceId = $"bench-{i:D4}", BookmarkId = $"bench-{i:D4}",
            }));
            await db.SaveChangesAsync();
        }

        await using var page = await OpenInboxAsync(unit);
        var watch = Stopwatch.StartNew();
        await page.Page.GotoAsync(Host.Address + "/inbox");
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToBeVisibleAsync();
        watch.Stop();

        await Assertions.Expect(page.Page.Locator("#wb-inbox tbody tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Page.Locator("#wb-inbox tbody tr").First).ToContainTextAsync("办理 0999");
        output.WriteLine($"/inbox with 1,000 open tasks: {watch.ElapsedMilliseconds} ms to a live page (first request, server render, circuit).");
    }
}
