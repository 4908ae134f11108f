using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The workbench's session without a browser: the sign-in page, the redirect of unsigned browsers, the cookie that
/// opens pages but never the API, return addresses kept on this site, anti-forgery, sign-out ending the session.
/// </summary>
public abstract partial class WorkbenchSessionTests<THost>(THost host) : IClassFixture<THost> where THost : SeededApiHost
{
    private const string Cookie = "hotline.session";

    /// <summary>
    /// A client that keeps the cookies it is given, whatever their expiry: the host's clock is fake (March 2026), so a
    /// cookie container would drop the session cookie as expired.
    /// </summary>
    private HttpClient Browser()
    {
        var client = host.Factory.CreateDefaultClient(new CookieJar());
        return client;
    }

    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (value.Length == 0)
                    _cookies.Remove(name);
                else
                    _cookies[name] = value;
            }

            return response;
        }
    }

    /// <summary>Opens /login (for its anti-forgery token and cookie) and posts the form.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl = "/", bool withToken = true)
    {
        var page = await browser.GetStringAsync("/login");
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl };
        if (withToken)
            fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await browser.PostAsync("/account/signin", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task Should_render_the_sign_in_form_with_an_antiforgery_token_When_login_is_opened()
    {
        using var browser = Browser();
        using var response = await browser.GetAsync("/login?returnUrl=%2Fcases%2FX");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/account/signin\">", html, StringComparison.Ordinal);
        Assert.Matches(AntiforgeryToken(), html);
        Assert.Contains("name=\"returnUrl\" value=\"/cases/X\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/login?returnUrl=%2F")]
    [InlineData("/cases/20260302-000001", "/login?returnUrl=%2Fcases%2F20260302-000001")]
    public async Task Should_redirect_to_the_sign_in_page_When_an_unsigned_browser_opens_a_workbench_page(string path, string login)
    {
        using var browser = Browser();
        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(login, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_open_the_pages_but_not_the_api_When_a_browser_sends_the_session_cookie()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        using var home = await browser.GetAsync("/");
        using var api = await browser.GetAsync("/api/cases");
        using var elsa = await browser.GetAsync("/elsa/api/workflow-definitions");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Cookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; path=/;", cookie + ";", StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsa.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/account/signout")]
    public async Task Should_return_to_the_home_page_When_the_return_address_is_not_a_local_page(string returnUrl)
    {
        using var browser = Browser();
        using var response = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_refuse_the_sign_in_and_start_no_session_When_the_form_has_no_antiforgery_token()
    {
        using var browser = Browser();
        using var response = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(Cookie + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_send_back_to_the_sign_in_page_with_the_message_and_no_session_When_the_password_is_wrong()
    {
        using var browser = Browser();
        using var response = await SignInAsync(browser, "admin", "not-the-password-0000", "/cases/X");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fcases%2FX&message=signInFailed", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(Cookie + "=", StringComparison.Ordinal)));
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("用户名或密码错误", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_revoke_the_token_When_the_person_signs_out()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        var token = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Cookie + "=", StringComparison.Ordinal))[(Cookie.Length + 1)..].Split(';')[0];
        var home = await browser.GetStringAsync("/");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(home).Groups[1].Value };
        using var signOut = await browser.PostAsync("/account/signout", new FormUrlEncodedContent(form));
        using var api = host.Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var afterwards = await api.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/login?message=signedOut", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task Should_show_the_pages_in_English_and_remember_it_When_the_language_is_switched()
    {
        using var browser = Browser();
        using var switched = await browser.GetAsync("/account/language?culture=en&returnUrl=%2Flogin");
        var english = await browser.GetStringAsync("/login");
        using var back = await browser.GetAsync("/account/language?culture=zh-CN&returnUrl=https%3A%2F%2Fevil.example%2F");
        var chinese = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/login"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/login", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", english, StringComparison.Ordinal);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
        Assert.Contains(">登录</button>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ask_for_a_new_password_and_then_sign_in_with_it_When_the_password_is_a_temporary_one()
    {
        var name = "wb-temp-" + Guid.NewGuid().ToString("N")[..8];
        var users = host.Factory.Services.GetRequiredService<Hotline.Domain.Users.UserService>();
        await users.CreateAsync(new Hotline.Domain.Users.NewUser(name, name, HotlineFactory.UserPassword, ["operator"], null));
        await using (var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            await db.UserAccounts.Where(u => u.UserName == name).ExecuteUpdateAsync(u => u.SetProperty(a => a.MustChangePassword, true));
        using var browser = Browser();

        using var refused = await SignInAsync(browser, name, HotlineFactory.UserPassword);
        var page = await browser.GetStringAsync("/password");
        using var changed = await browser.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = name, ["currentPassword"] = HotlineFactory.UserPassword, ["newPassword"] = "a-new-password-4821",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));
        using var signedIn = await SignInAsync(browser, name, "a-new-password-4821");

        Assert.Equal("/login?returnUrl=%2F&message=passwordChangeRequired", refused.Headers.Location!.OriginalString);
        Assert.Equal("/login?message=passwordChanged", changed.Headers.Location!.OriginalString);
        Assert.Equal("/intake", signedIn.Headers.Location!.OriginalString);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Cookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_show_the_not_found_page_without_the_case_When_a_unit_user_opens_another_units_case()
    {
        var list = await host.Admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/cases");
        var number = list!["items"]![0]!["number"]!.GetValue<string>();
        var content = list["items"]![0]!["content"]!.GetValue<string>();
        var name = "wb-unit-" + Guid.NewGuid().ToString("N")[..8];
        var users = host.Factory.Services.GetRequiredService<Hotline.Domain.Users.UserService>();
        await users.CreateAsync(new Hotline.Domain.Users.NewUser(name, name, HotlineFactory.UserPassword, ["unit"], "DH-SC"));
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, name, HotlineFactory.UserPassword);
        using var admin = Browser();
        using var adminSignIn = await SignInAsync(admin, "admin", HotlineFactory.AdminPassword);

        using var refused = await browser.GetAsync($"/cases/{number}");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var shownHtml = await admin.GetStringAsync($"/cases/{number}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("wb-not-found", refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(content[..10], System.Net.WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Contains(content[..10], System.Net.WebUtility.HtmlDecode(shownHtml), StringComparison.Ordinal);
        Assert.Contains("wb-timeline", shownHtml, StringComparison.Ordinal);
    }
}

public sealed class SqliteWorkbenchSessionTests(SqliteSeededApiHost host) : WorkbenchSessionTests<SqliteSeededApiHost>(host);

public sealed class PostgreSqlWorkbenchSessionTests(PostgreSqlSeededApiHost host) : WorkbenchSessionTests<PostgreSqlSeededApiHost>(host);
