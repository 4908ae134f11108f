using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>
/// The API reference at /api/docs: Scalar's page and scripts served by the host itself (no CDN), under a policy of its own
/// (the rest of /api keeps its deny-all policy), over an OpenAPI document with the examples integrators need.
/// </summary>
public sealed partial class ApiReferenceTests(SqliteSeededApiHost host) : IClassFixture<SqliteSeededApiHost>
{
    [Fact]
    public async Task Should_serve_the_page_and_its_scripts_from_the_host_When_anyone_opens_api_docs()
    {
        using var client = host.Factory.CreateClient();
        using var page = await client.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/api/docs/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("scalar.js", scripts);
        foreach (var script in scripts)
        {
            using var response = await client.GetAsync(new Uri(page.RequestMessage.RequestUri, script));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, script);
        }
    }

    [Fact]
    public async Task Should_allow_only_the_pages_own_inline_script_When_the_page_is_served()
    {
        using var client = host.Factory.CreateClient();
        using var page = await client.GetAsync("/api/docs/");
        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();

        var nonce = Assert.Single(NonceAttribute().Matches(html).Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        // A nonce is good once: the next page has another.
        using var again = await client.GetAsync("/api/docs/");
        Assert.DoesNotContain(nonce, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The rest of /api keeps its deny-all policy.
        using var data = await host.Admin.GetAsync("/api/cases");
        Assert.Equal(SecurityHeaders.DataContentSecurityPolicy, data.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Should_document_starting_a_case_with_its_example_Idempotency_Key_and_errors_When_the_document_is_read()
    {
        var document = await DocumentAsync();
        var create = document["paths"]!["/api/cases"]!["post"]!;

        Assert.True(JsonNode.DeepEquals(CaseIntakeExampleTransformer.Request, create["requestBody"]!["content"]!["application/json"]!["example"]));
        Assert.True(JsonNode.DeepEquals(CaseIntakeExampleTransformer.Response, create["responses"]!["201"]!["content"]!["application/json"]!["example"]));
        var key = Assert.Single(create["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        Assert.Equal("header", key["in"]!.GetValue<string>());
        Assert.Contains("answers 200 with the case the first request registered", key["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(create["responses"]!["422"]!["content"]!["application/problem+json"]!["example"]);
        var invalid = create["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!;
        Assert.Equal(400, invalid["status"]!.GetValue<int>());
        Assert.NotEmpty(invalid["errors"]!.AsObject());
        var notFound = document["paths"]!["/api/cases/{idOrNumber}"]!["get"]!["responses"]!["404"]!["content"]!["application/problem+json"]!["example"]!;
        Assert.Equal(404, notFound["status"]!.GetValue<int>());
        var conflicts = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!["responses"]?["409"]).OfType<JsonNode>().ToList();
        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, c => Assert.Equal(409, c["content"]!["application/problem+json"]!["example"]!["status"]!.GetValue<int>()));
        // Only the operations that honour it take the key.
        var keyed = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .Where(o => o.Operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") == true)
            .Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal);
        Assert.Equal(["post /api/cases", "post /api/workflows/{definitionId}/instances", "post /open311/v2/requests.{format}"], keyed);
    }

    [Fact]
    public async Task Should_name_the_ways_to_authenticate_and_describe_the_API_When_the_document_is_read()
    {
        var document = await DocumentAsync();

        Assert.Equal("Hotline 12345 API", document["info"]!["title"]!.GetValue<string>());
        Assert.Contains("Idempotency-Key", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("bearer", schemes[SecuritySchemesTransformer.Bearer]!["scheme"]!.GetValue<string>());
        Assert.Equal("Authorization", schemes[SecuritySchemesTransformer.ApiKey]!["name"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/cases"]!["post"]!["security"]);
        // The Elsa API and the designer stay out of the reference.
        Assert.DoesNotContain(document["paths"]!.AsObject(), p => p.Key.StartsWith("/elsa", StringComparison.Ordinal) || p.Key.StartsWith("/api/docs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_register_the_documented_case_and_answer_its_documented_shape_When_an_integrator_sends_the_example()
    {
        using var integrator = host.Factory.CreateClient();
        integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", HotlineFactory.IntegratorKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(CaseIntakeExampleTransformer.Request) };
        request.Headers.Add("Idempotency-Key", "api-reference-example");
        using var response = await integrator.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var created = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(CaseIntakeExampleTransformer.Response.Select(p => p.Key), created.Select(p => p.Key));
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = host.Factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    [GeneratedRegex(@"<script[^>]*\bsrc=""([^""]+)""")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"\bnonce=""([^""]+)""")]
    private static partial Regex NonceAttribute();
}
