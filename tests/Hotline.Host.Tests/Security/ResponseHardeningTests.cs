using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Hotline.Host.Security;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Security;

/// <summary>
/// What every answer carries whatever its path or status (nosniff, no referrer, no framing; a deny-all CSP on the
/// API's data), API JSON that no browser can read as HTML, and bodies that are JSON or 415.
/// </summary>
public sealed class ResponseHardeningTests(SqliteSeededApiHost host) : IClassFixture<SqliteSeededApiHost>
{
    [Theory]
    [InlineData("/api/calendar/years", true, true)]
    [InlineData("/api/cases", true, true)]
    [InlineData("/api/cases", false, true)]
    [InlineData("/api/cases/20260302-999999", true, true)]
    [InlineData("/open311/v2/services.json", false, true)]
    [InlineData("/open311/v2/services.xml", false, true)]
    [InlineData("/open311/v2/requests/nope.json", false, true)]
    [InlineData("/designer/login", false, false)]
    [InlineData("/openapi/v1.json", false, false)]
    public async Task Should_send_the_security_headers_When_any_path_answers(string path, bool signedIn, bool dataPolicy)
    {
        using var client = signedIn ? null : host.Factory.CreateClient();
        using var response = await (client ?? host.Admin).GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : null;
        if (dataPolicy)
            Assert.Equal(SecurityHeaders.DataContentSecurityPolicy, policy);
        else
            Assert.NotEqual(SecurityHeaders.DataContentSecurityPolicy, policy);
    }

    [Fact]
    public async Task Should_escape_html_characters_but_keep_Chinese_readable_When_the_API_answers_JSON()
    {
        using var response = await host.Admin.PostAsJsonAsync("/api/cases", new
        {
            channel = "Web", type = "Complaint", subjectCode = "SR-ROAD", districtCode = "990103", address = "新华路<b>1</b>号",
            content = "占道经营<script>alert('x')</script> & 噪音",
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" & ", text, StringComparison.Ordinal);
        Assert.Contains(@"占道经营\u003Cscript\u003Ealert(\u0027x\u0027)\u003C/script\u003E \u0026 噪音", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/cases", "text/plain")]
    [InlineData("POST", "/api/cases", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/api/cases", null)]
    [InlineData("POST", "/api/auth/token", "text/plain")]
    [InlineData("POST", "/api/auth/token", null)]
    [InlineData("POST", "/api/users", "application/xml")]
    [InlineData("PUT", "/api/calendar/years/2027", "text/plain")]
    [InlineData("PUT", "/api/calendar/years/2027", null)]
    public async Task Should_answer_415_When_a_JSON_endpoint_gets_a_body_of_another_type(string method, string path, string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"userName":"admin","password":"x"}"""));
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };

        using var response = await host.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Should_accept_the_body_When_it_is_JSON_with_a_charset()
    {
        using var content = new StringContent(
            $$"""{"userName":"admin","password":"{{HotlineFactory.AdminPassword}}"}""", Encoding.UTF8, "application/json");
        content.Headers.ContentType!.CharSet = "utf-8";

        using var response = await host.Factory.CreateClient().PostAsync("/api/auth/token", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
