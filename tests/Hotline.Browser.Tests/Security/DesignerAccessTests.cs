using System.Net;
using System.Net.Http.Headers;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Host.Designer;

namespace Hotline.Browser.Tests.Security;

/// <summary>
/// Who reaches /designer and /elsa/api: only signed-in administrators. Anonymous visitors get 401 (a page: the sign-in
/// form), other people 403; the session cookie is HttpOnly, SameSite=Strict, shared with the workbench (path /) and never counts on
/// the API. Plain HTTP against the real socket, no browser.
/// </summary>
public sealed class DesignerAccessTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Cookie = "hotline.session";
    private DesignerHost Host => fixture.Host;

    private static HttpRequestMessage Get(string path, string? session = null, bool html = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (html)
            request.Headers.Accept.ParseAdd("text/html");
        if (session is not null)
            request.Headers.Add("Cookie", $"{Cookie}={session}");
        return request;
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName, string password, string returnUrl = "/designer/instances", string? origin = null)
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "designer/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl }),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static string? SessionFrom(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(Cookie + "=", StringComparison.Ordinal)).Select(c => c[(Cookie.Length + 1)..c.IndexOf(';', StringComparison.Ordinal)]).FirstOrDefault()
            : null;

    private async Task<string> UnitTokenAsync()
    {
        var name = "unit-" + Guid.NewGuid().ToString("N")[..8];
        await Host.CreateUserAsync(name, ["unit"], "DH-CG");
        return await Host.TokenAsync(name, DesignerHost.UserPassword);
    }

    [Theory]
    [InlineData("designer/")]
    [InlineData("designer/definitions/category-deadlines")]
    [InlineData("designer/instances")]
    [InlineData("designer/instances/abc")]
    public async Task Should_answer_401_with_the_sign_in_form_When_an_anonymous_visitor_opens_a_designer_page(string path)
    {
        using var client = Host.Client();
        using var response = await client.SendAsync(Get(path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<form class=\"hd-card\" method=\"post\" action=\"login\"", body, StringComparison.Ordinal);
        Assert.Contains($"name=\"returnUrl\" value=\"/{path}\"", body, StringComparison.Ordinal);
        Assert.Contains("登录", body, StringComparison.Ordinal);
        Assert.DoesNotContain("elsa-workflow", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("designer/_framework/blazor.webassembly.js")]
    [InlineData("designer/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("designer/Elsa.Studio.Host.CustomElements.styles.css")]
    [InlineData("designer/hotline/designer.js")]
    [InlineData("elsa/api/workflow-definitions")]
    [InlineData("elsa/api/descriptors/activities")]
    public async Task Should_answer_401_When_an_anonymous_client_asks_for_a_studio_file_or_the_elsa_api(string path)
    {
        using var client = Host.Client();
        using var response = await client.SendAsync(Get(path, html: false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("designer/")]
    [InlineData("designer/definitions/category-deadlines")]
    [InlineData("designer/_framework/blazor.webassembly.js")]
    [InlineData("designer/hotline/designer.js")]
    public async Task Should_answer_403_When_a_unit_user_opens_the_designer_with_a_session(string path)
    {
        var token = await UnitTokenAsync();
        using var client = Host.Client();
        using var response = await client.SendAsync(Get(path, token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("elsa-workflow", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elsa/api/workflow-definitions")]
    [InlineData("elsa/api/descriptors/activities")]
    [InlineData("elsa/api/workflow-definitions/by-definition-id/category-deadlines?versionOptions=Latest")]
    public async Task Should_answer_403_When_a_unit_user_calls_the_elsa_api(string path)
    {
        using var client = Host.Client("Bearer", await UnitTokenAsync());
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_403_and_keep_no_session_When_a_unit_user_signs_in_to_the_designer()
    {
        var name = "unit-" + Guid.NewGuid().ToString("N")[..8];
        await Host.CreateUserAsync(name, ["unit"], "DH-CG");

        using var response = await SignInAsync(name, DesignerHost.UserPassword);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(SessionFrom(response));
        Assert.Contains("不是管理员", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_401_and_keep_no_session_When_the_password_is_wrong()
    {
        using var response = await SignInAsync("admin", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(SessionFrom(response));
    }

    [Fact]
    public async Task Should_set_an_HttpOnly_SameSite_Strict_cookie_for_the_pages_expiring_with_the_token_When_an_administrator_signs_in()
    {
        using var response = await SignInAsync("admin", DesignerHost.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/instances", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Cookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; path=/;", cookie + ";", StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", cookie, StringComparison.Ordinal); // plain HTTP here; Secure over HTTPS
        // The token lives 10 hours (Hotline:Security:TokenLifetime); so does the cookie.
        Assert.Contains("; max-age=36000", cookie, StringComparison.Ordinal);
        Assert.Contains("; expires=mon, 02 mar 2026 11:00:00 gmt", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_render_the_studio_element_with_the_api_address_and_the_session_token_When_an_administrator_opens_the_editor()
    {
        using var signIn = await SignInAsync("admin", DesignerHost.AdminPassword);
        var session = SessionFrom(signIn)!;
        using var client = Host.Client();

        using var response = await client.SendAsync(Get("designer/definitions/category-deadlines", session));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<elsa-workflow-definition-editor definition-id=\"category-deadlines\" remote-endpoint=\"{Host.Address}/elsa/api\" access-token=\"{session}\"></elsa-workflow-definition-editor>", body, StringComparison.Ordinal);
        Assert.Contains("<base href=\"/designer/\">", body, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("connect-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("googleapis", body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_count_the_session_cookie_When_it_is_sent_to_the_elsa_api()
    {
        using var signIn = await SignInAsync("admin", DesignerHost.AdminPassword);
        using var client = Host.Client();

        using var response = await client.SendAsync(Get("elsa/api/workflow-definitions", SessionFrom(signIn), html: false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_revoke_the_session_When_the_administrator_signs_out()
    {
        using var signIn = await SignInAsync("admin", DesignerHost.AdminPassword);
        var session = SessionFrom(signIn)!;
        using var client = Host.Client();
        using var logout = new HttpRequestMessage(HttpMethod.Post, "designer/logout");
        logout.Headers.Add("Cookie", $"{Cookie}={session}");

        using var response = await client.SendAsync(logout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/login", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Cookie + "=;", StringComparison.Ordinal) && (c + ";").Contains("path=/;", StringComparison.OrdinalIgnoreCase));
        using var after = await client.SendAsync(Get("designer/", session));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var api = Host.Client("Bearer", session);
        using var apiAfter = await api.GetAsync("elsa/api/workflow-definitions");
        Assert.Equal(HttpStatusCode.Unauthorized, apiAfter.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_sign_in_When_it_is_posted_from_another_site()
    {
        using var response = await SignInAsync("admin", DesignerHost.AdminPassword, origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(SessionFrom(response));
    }

    [Theory]
    [InlineData("https://evil.example/designer/")]
    [InlineData("//evil.example/designer/")]
    [InlineData("/designer/../api/cases")]
    [InlineData("/api/cases")]
    public async Task Should_return_inside_the_designer_only_When_the_return_address_points_elsewhere(string returnUrl)
    {
        using var response = await SignInAsync("admin", DesignerHost.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("workflows/definitions/case-lifecycle/edit", "/designer/definitions/case-lifecycle")]
    [InlineData("workflows/instances/abc123/view", "/designer/instances/abc123")]
    [InlineData("diagnostics/structured-logs?workflowInstanceId=abc123", "/designer/instances/abc123")]
    public async Task Should_send_the_studios_own_addresses_to_the_designer_screens_When_a_studio_link_leaves_the_designer(string path, string screen)
    {
        using var client = Host.Client();
        using var response = await client.SendAsync(Get(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(screen, response.Headers.Location!.OriginalString);
        using var inside = await client.SendAsync(Get("designer/" + path));
        Assert.Equal(HttpStatusCode.Unauthorized, inside.StatusCode);
    }

    [Fact]
    public async Task Should_serve_studio_files_precompressed_with_their_content_type_and_cache_fingerprinted_ones_as_immutable()
    {
        using var signIn = await SignInAsync("admin", DesignerHost.AdminPassword);
        var session = SessionFrom(signIn)!;
        var wasm = Directory.GetFiles(Path.Combine(Repository.Root, "Hotline.Designer/node_modules/@elsa-workflows/elsa-studio-wasm/_framework"), "Elsa.Api.Client.*.wasm").Single();
        using var client = Host.Client();
        using var request = Get("designer/_framework/" + Path.GetFileName(wasm), session, html: false);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/wasm", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(new FileInfo(wasm + ".br").Length, (await response.Content.ReadAsByteArrayAsync()).Length);
        // A hash in its name: a second visit takes it from the browser's cache without asking.
        Assert.Equal(StudioFiles.ImmutableCaching, response.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        using var again = Get("designer/_framework/" + Path.GetFileName(wasm), session, html: false);
        again.Headers.AcceptEncoding.ParseAdd("gzip, br");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        // No hash in the name (dotnet.js names the fingerprinted files; a library's stylesheet): kept but revalidated;
        // gzip when the browser does not take Brotli.
        foreach (var unversioned in new[] { "_framework/dotnet.js", "_content/MudBlazor/MudBlazor.min.css" })
        {
            using var plain = Get("designer/" + unversioned, session, html: false);
            plain.Headers.AcceptEncoding.ParseAdd("gzip");
            using var answer = await client.SendAsync(plain);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var caching = answer.Headers.CacheControl!;
            Assert.True(caching.NoCache && caching.Private && caching.MaxAge is null, $"{unversioned}: {caching}");
            Assert.Equal("gzip", Assert.Single(answer.Content.Headers.ContentEncoding));
            Assert.NotNull(answer.Headers.ETag);
        }

        using var outside = await client.SendAsync(Get("designer/_framework/..%2F..%2Fpackage.json", session, html: false));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public void Should_call_every_hashed_studio_file_fingerprinted_and_no_other_When_the_package_is_listed()
    {
        var package = Path.Combine(Repository.Root, "Hotline.Designer/node_modules/@elsa-workflows/elsa-studio-wasm");
        var files = Directory.GetFiles(package, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package, f).Replace('\\', '/'))
            .Where(f => f.StartsWith("_framework/", StringComparison.Ordinal) || f.StartsWith("_content/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal))
            .ToList();

        var framework = files.Where(f => f.StartsWith("_framework/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["_framework/blazor.webassembly.js", "_framework/dotnet.js"], framework.Where(f => !StudioFiles.IsFingerprinted(f)).Order(StringComparer.Ordinal));
        Assert.True(framework.Count > 100, $"{framework.Count} files in _framework");
        Assert.True(StudioFiles.IsFingerprinted("_content/BlazorMonaco/lib/monaco-editor/min/vs/editor.api-i0YVFWkl.js"));
        Assert.True(StudioFiles.IsFingerprinted("_content/Elsa.Studio.Workflows/Elsa.Studio.Workflows.3ifuhex2gd.bundle.scp.css"));
        foreach (var unversioned in new[] { "_content/MudBlazor/MudBlazor.min.js", "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
                     "_content/BlazorMonaco/lib/monaco-editor/min/vs/language/json/monaco.contribution.js", "_content/Elsa.Studio.Workflows.Designer/designer.entry.js",
                     "_content/BlazorMonaco/lib/monaco-editor/min/vs/nls.messages.ja.js" })
        {
            Assert.Contains(unversioned, files);
            Assert.False(StudioFiles.IsFingerprinted(unversioned), unversioned);
        }
    }
}
