using System.Net;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The browser session's idle time-out (Hotline:Security:IdleTimeout, 30 minutes): it ends a session nobody used, the
/// person's requests and keep-alives restart it, the live connection's traffic does not, and API tokens have none.
/// </summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Should_end_the_browser_session_When_nobody_used_it_for_the_idle_time_out()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        using var before = await browser.GetAsync("/");
        host.Factory.Clock.Advance(IdleTimeout + TimeSpan.FromMinutes(1));
        using var page = await browser.GetAsync("/inbox");
        using var keepAlive = await browser.PostAsync("/account/keep-alive", null);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, keepAlive.StatusCode);
    }

    [Fact]
    public async Task Should_keep_the_session_When_the_person_works_within_each_idle_time_out()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var keepAlive = await browser.PostAsync("/account/keep-alive", null);
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var page = await browser.GetAsync("/");
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var later = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.NoContent, keepAlive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Should_not_count_the_live_connection_as_the_persons_activity_When_only_it_was_used()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var negotiate = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Should_keep_an_api_token_working_When_it_was_unused_longer_than_the_idle_time_out()
    {
        using var api = await host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        host.Factory.Clock.Advance(IdleTimeout + TimeSpan.FromMinutes(1));
        using var me = await api.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
