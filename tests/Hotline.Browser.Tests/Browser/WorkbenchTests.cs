using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The workbench in Chromium: unsigned browsers go to /login; an operator signs in through the form, sees the case on
/// the home page, opens its page and timeline; a unit user gets the not-found page for another unit's case; sign-out
/// ends the session; a wrong password is said; axe-core finds no WCAG 2.1 AA violation on the three pages.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class WorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Content = "工作台测试：小区门口占道经营，影响通行";

    private DesignerHost Host => fixture.Host;

    private Task<string> CreateCaseAsync() => WorkbenchPages.CreateCaseAsync(Host, Content);

    private static Task SignInAsync(WatchedPage page, string userName, string password) => WorkbenchPages.SignInAsync(page, userName, password);

    private static Task AssertAccessibleAsync(IPage page, string what) => WorkbenchPages.AssertAccessibleAsync(page, what);

    [Fact]
    public async Task Should_show_home_and_the_case_page_with_its_timeline_When_an_operator_signs_in_through_the_form()
    {
        var number = await CreateCaseAsync();
        var name = "wb-op-" + Guid.NewGuid().ToString("N")[..6];
        await Host.CreateUserAsync(name, ["operator"]);
        await using var page = await WatchedPage.OpenAsync(browser, Host);

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await page.Page.WaitForURLAsync(Host.Address + $"/login?returnUrl=%2Fcases%2F{number}");
        await AssertAccessibleAsync(page.Page, "/login");
        await page.Page.GotoAsync(Host.Address + "/");
        await page.Page.WaitForURLAsync(Host.Address + "/login?returnUrl=%2F");
        await SignInAsync(page, name, DesignerHost.UserPassword);
        // The site's address leads a signed-in operator to the intake desk; home lists their cases.
        await page.Page.WaitForURLAsync(Host.Address + "/intake");
        await page.Page.GotoAsync(Host.Address + "/");
        await Assertions.Expect(page.Page.Locator("#wb-display-name")).ToHaveTextAsync(name + " 测试");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "管理（流程设计）" })).ToHaveCountAsync(0);
        // Checked once the page is live: while the live page takes over from the first render, the head is rewritten.
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page.Page, "/");
        // The full-text case search.
        await page.Page.FillAsync("#wb-search", "没有这样的诉求");
        await page.Page.PressAsync("#wb-search", "Enter");
        await Assertions.Expect(page.Page.Locator(".wb-empty")).ToBeVisibleAsync();
        await page.Page.FillAsync("#wb-search", "占道经营");
        await page.Page.PressAsync("#wb-search", "Enter");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.Page.WaitForURLAsync(Host.Address + $"/cases/{number}");

        await Assertions.Expect(page.Page.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(page.Page.Locator("#wb-timeline")).ToContainTextAsync("受理");
        await Assertions.Expect(page.Page.Locator(".wb-content-full")).ToHaveTextAsync(Content);
        await Assertions.Expect(page.Page.Locator("#wb-phone")).ToHaveTextAsync("13812345678");
        await AssertAccessibleAsync(page.Page, "/cases/" + number);
        page.AssertClean();
        // Opened again from its address: rendered first on the server, then live; still one read and one audit row per view.
        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToContainTextAsync(number);
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityId == number && a.Actor == name && a.Action == Hotline.Domain.Audit.AuditActions.PhoneViewed));
    }

    [Fact]
    public async Task Should_show_the_not_found_page_with_no_case_data_When_a_unit_user_opens_another_units_case()
    {
        var number = await CreateCaseAsync();
        var name = "wb-unit-" + Guid.NewGuid().ToString("N")[..6];
        await Host.CreateUserAsync(name, ["unit"], "RX-PD");
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        page.ExpectedStatuses.Add(Host.Address + $"/cases/{number} 404");

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await SignInAsync(page, name, DesignerHost.UserPassword);
        await page.Page.WaitForURLAsync(Host.Address + $"/cases/{number}");

        await Assertions.Expect(page.Page.Locator("#wb-not-found")).ToBeVisibleAsync();
        var html = await page.Page.ContentAsync();
        Assert.DoesNotContain("占道经营", html, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", html, StringComparison.Ordinal);
        Assert.DoesNotContain("新华路", html, StringComparison.Ordinal);
        page.AssertClean();
    }

    [Fact]
    public async Task Should_need_a_new_sign_in_When_the_person_signed_out_and_goes_back()
    {
        var name = "wb-out-" + Guid.NewGuid().ToString("N")[..6];
        await Host.CreateUserAsync(name, ["dispatcher"]);
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.Page.GotoAsync(Host.Address + "/login");
        await SignInAsync(page, name, DesignerHost.UserPassword);
        // Signed in with no page asked for: the dispatcher's own desk.
        await page.Page.WaitForURLAsync(Host.Address + "/dispatch");

        await page.Page.ClickAsync("#wb-signout");
        await page.Page.WaitForURLAsync(Host.Address + "/login?message=signedOut");
        await page.Page.GoBackAsync();
        await page.Page.ReloadAsync();

        await page.Page.WaitForURLAsync(Host.Address + "/login?returnUrl=%2Fdispatch");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "hotline.session");
    }

    [Fact]
    public async Task Should_say_the_sign_in_failed_When_the_password_is_wrong()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.Page.GotoAsync(Host.Address + "/login");

        await SignInAsync(page, "admin", "not-the-password-1234");

        await Assertions.Expect(page.Page.Locator("#wb-message")).ToHaveTextAsync("用户名或密码错误，或账号已停用。");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "hotline.session");
    }

    [Fact]
    public async Task Should_send_an_idle_page_to_sign_in_When_the_person_types_after_the_idle_time_out()
    {
        var name = "wb-idle-" + Guid.NewGuid().ToString("N")[..6];
        await Host.CreateUserAsync(name, ["operator"]);
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.Page.GotoAsync(Host.Address + "/login");
        await SignInAsync(page, name, DesignerHost.UserPassword);
        await page.Page.WaitForURLAsync(Host.Address + "/intake");
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToHaveCountAsync(1);

        Host.Clock.Advance(TimeSpan.FromMinutes(31));
        // Waiting for the sign-in page starts before the key: the page may leave as soon as the 401 arrives, before
        // the answer reaches the test, and a wait started after that can miss the navigation.
        var signIn = page.Page.WaitForURLAsync(Host.Address + "/login?returnUrl=%2Fintake");
        var keepAlive = await page.Page.RunAndWaitForResponseAsync(() => page.Page.Keyboard.PressAsync("Tab"), r => r.Url.EndsWith("/account/keep-alive", StringComparison.Ordinal));

        Assert.Equal(401, keepAlive.Status);
        await signIn;
    }
}
