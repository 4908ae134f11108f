using System.Net;
using System.Net.Http.Headers;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Domain.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Only signed-in administrators reach <c>/elsa/api</c>; browsers may call it from the configured designer origins only,
/// with the headers the Studio sends and reads, and preflights are answered without credentials.
/// </summary>
public sealed class ElsaSecurityTests : IAsyncLifetime
{
    private const string DesignerOrigin = "https://designer.hotline.example";
    private const string OtherOrigin = "https://evil.example";

    private readonly HotlineFactory _factory = new();
    private WebApplicationFactory<Program>? _designerHost;

    // The host with a designer origin configured; each test starts either it or the plain factory, never both on one database.
    private WebApplicationFactory<Program> DesignerHost =>
        _designerHost ??= _factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Designer:AllowedOrigins:0", DesignerOrigin));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_designerHost is not null)
            await _designerHost.DisposeAsync();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("/descriptors/activities?Refresh=True")]
    [InlineData("/workflow-definitions?versionOptions=Latest&Page=0&PageSize=10")]
    [InlineData("/features/installed")]
    public async Task Should_answer_401_When_nobody_is_signed_in(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(ElsaStudio.Api + path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_401_When_the_token_is_not_a_valid_one()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync(ElsaStudio.Api + "/descriptors/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_403_When_a_handling_units_user_calls_the_designer_api()
    {
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<Hotline.Domain.Persistence.HotlineDbContext>>().CreateDbContextAsync())
        {
            db.HandlingUnits.Add(new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" });
            await db.SaveChangesAsync();
        }

        var unit = await _factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");

        using var read = await unit.GetAsync(ElsaStudio.Api + "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Latest");
        using var write = await ElsaStudio.PostAsync(unit, "/workflow-definitions/case-lifecycle/retract", new System.Text.Json.Nodes.JsonObject());

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        var published = await ElsaStudio.GetObjectAsync(admin, "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Published");
        Assert.True(published["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_answer_403_When_an_integrators_api_key_calls_the_designer_api()
    {
        using var response = await _factory.CreateIntegratorClient().GetAsync(ElsaStudio.Api + "/descriptors/activities");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_200_When_an_administrator_calls_the_designer_api()
    {
        var admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);

        using var response = await admin.GetAsync(ElsaStudio.Api + "/descriptors/activities?Refresh=True");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_allow_the_preflight_without_credentials_When_the_page_comes_from_a_configured_designer_origin()
    {
        using var response = await PreflightAsync(DesignerOrigin, "POST", "authorization,content-type,x-tenant-id");

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(DesignerOrigin, Single(response, "Access-Control-Allow-Origin"));
        var headers = Single(response, "Access-Control-Allow-Headers").ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("content-type", headers, StringComparison.Ordinal);
        Assert.Contains("x-tenant-id", headers, StringComparison.Ordinal);
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_allow_the_preflight_When_the_page_comes_from_another_origin()
    {
        using var response = await PreflightAsync(OtherOrigin, "GET", "authorization");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Should_not_allow_a_method_the_studio_does_not_use_When_a_preflight_asks_for_it()
    {
        using var response = await PreflightAsync(DesignerOrigin, "PATCH", "authorization");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods") && Single(response, "Access-Control-Allow-Methods").Contains("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_expose_the_run_and_export_headers_When_the_designer_origin_calls()
    {
        var admin = await SignInAdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ElsaStudio.Api + "/workflow-definitions/escalate/export?versionOptions=Published");
        request.Headers.Add("Origin", DesignerOrigin);

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DesignerOrigin, Single(response, "Access-Control-Allow-Origin"));
        var exposed = Single(response, "Access-Control-Expose-Headers").ToLowerInvariant();
        Assert.Contains("x-elsa-workflow-instance-id", exposed, StringComparison.Ordinal);
        Assert.Contains("x-elsa-workflow-cannot-start", exposed, StringComparison.Ordinal);
        Assert.Contains("content-disposition", exposed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_allow_no_cross_origin_call_When_no_designer_origin_is_configured()
    {
        using var response = await _factory.CreateClient().SendAsync(Preflight(DesignerOrigin, "GET", "authorization"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var call = await (await _factory.SignInAsync("admin", HotlineFactory.AdminPassword)).SendAsync(new HttpRequestMessage(HttpMethod.Get, ElsaStudio.Api + "/features/installed") { Headers = { { "Origin", DesignerOrigin } } });
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.False(call.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin, string method, string headers) => DesignerHost.CreateClient().SendAsync(Preflight(origin, method, headers));

    private static HttpRequestMessage Preflight(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ElsaStudio.Api + "/workflow-definitions");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {header} header.");

    private async Task<HttpClient> SignInAdminAsync()
    {
        var client = DesignerHost.CreateClient();
        using var response = await client.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = HotlineFactory.AdminPassword }));
        var token = (await ElsaStudio.ObjectAsync(response))["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
