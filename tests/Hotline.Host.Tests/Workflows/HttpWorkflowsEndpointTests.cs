using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workflows;

/// <summary>Elsa's HTTP workflow scenarios over the host's <c>/workflows/</c>, and what it refuses.</summary>
public sealed class HttpWorkflowsEndpointTests : IDisposable
{
    private readonly HotlineFactory _factory = new() { Settings = { ["Hotline:Workflows:Http:MaxRequestBodySize"] = "64" } };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Should_answer_Hello_World_without_script_When_getting_the_path_of_Elsa_http_hello_world()
    {
        await _factory.PublishAsync(HelloWorld());
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/workflows/hello-world");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello World!", await response.Content.ReadAsStringAsync());
        Assert.Equal(Hotline.Host.Security.SecurityHeaders.DataContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("GET", "/workflows/nothing-here")]
    [InlineData("POST", "/workflows/hello-world")]
    public async Task Should_answer_404_problem_When_no_workflow_has_the_path_and_method(string method, string path)
    {
        await _factory.PublishAsync(HelloWorld());
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Should_answer_404_at_once_When_the_definition_is_retracted()
    {
        await _factory.PublishAsync(HelloWorld());
        using var client = _factory.CreateClient();
        using (var before = await client.GetAsync("/workflows/hello-world"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await new WorkflowDefinitionService(_factory.Services.GetRequiredService<WorkflowRuntime>()).RetractAsync("f926beb0afc8505e");
        using var after = await client.GetAsync("/workflows/hello-world");

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_anonymous_callers_and_admit_an_authenticated_one_When_the_endpoint_requires_authorization()
    {
        await _factory.PublishAsync(HelloWorld(authorize: true));
        using var anonymous = _factory.CreateClient();
        using var integrator = _factory.CreateIntegratorClient();

        using var refused = await anonymous.GetAsync("/workflows/hello-world");
        using var admitted = await integrator.GetAsync("/workflows/hello-world");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_authenticated_caller_When_the_policy_is_not_satisfied_or_unknown()
    {
        await _factory.PublishAsync(HelloWorld(authorize: true, policy: "no-such-policy"));
        using var integrator = _factory.CreateIntegratorClient();

        using var response = await integrator.GetAsync("/workflows/hello-world");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_400_problem_When_the_JSON_body_does_not_parse()
    {
        await _factory.PublishAsync(HelloWorld(method: "POST"));
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/workflows/hello-world", new StringContent("{nope", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_413_When_the_body_is_larger_than_the_configured_limit()
    {
        await _factory.PublishAsync(HelloWorld(method: "POST"));
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/workflows/hello-world", new StringContent(new string('x', 65), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static string HelloWorld(bool authorize = false, string? policy = null, string method = "GET")
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFiles.RepositoryPath("tests", "Hotline.Workflows.Tests", "ElsaTests", "HttpWorkflows", "http-hello-world.json")))!;
        var endpoint = json["root"]!["activities"]![0]!;
        endpoint["authorize"]!["expression"]!["value"] = authorize;
        endpoint["policy"]!["expression"]!["value"] = policy;
        endpoint["supportedMethods"]!["expression"]!["value"] = $"[\"{method}\"]";
        return json.ToJsonString();
    }
}
