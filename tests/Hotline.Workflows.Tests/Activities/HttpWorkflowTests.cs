using System.Text;
using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Activities;

/// <summary>Elsa's HTTP scenarios through the engine's router, and its refusals.</summary>
public sealed class HttpWorkflowTests
{
    private readonly TestEngine _engine = new();

    private HttpWorkflowRouter Router => _engine.Runtime.Http;

    [Fact]
    public async Task Should_answer_Hello_World_When_getting_the_path_of_Elsa_http_hello_world()
    {
        await PublishAsync(Read("HttpWorkflows", "http-hello-world.json"));

        var (response, run) = await SendAsync("GET", "hello-world");

        Assert.Equal(200, response!.StatusCode);
        Assert.Equal("Hello World!", response.Body);
        Assert.Equal("text/plain", response.ContentType);
        Assert.Equal("Finished", run.StatusText);
    }

    [Theory]
    [InlineData("POST", "hello-world")]
    [InlineData("GET", "hello-world/more")]
    [InlineData("GET", "goodbye")]
    public async Task Should_find_nothing_When_the_method_or_path_differs(string method, string path)
    {
        await PublishAsync(Read("HttpWorkflows", "http-hello-world.json"));

        Assert.Equal(HttpMatchKind.NotFound, (await Router.MatchAsync(Request(method, path))).Kind);
    }

    [Fact]
    public async Task Should_refuse_to_publish_a_second_definition_with_the_same_path_and_method_When_importing_Elsa_http_workflow_twice()
    {
        var service = new WorkflowDefinitionService(_engine.Runtime);
        await service.SaveAndPublishAsync(Read("ImportAndPublish", "http-workflow.json"));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => service.SaveAndPublishAsync(Read("ImportAndPublish", "http-workflow.json")));

        Assert.Equal("The /test path and get method are already in use by another workflow!", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task Should_answer_404_after_a_retract_and_200_after_publishing_again_When_reloading_Elsa_http_workflow()
    {
        var service = new WorkflowDefinitionService(_engine.Runtime);
        var definition = await service.SaveAndPublishAsync(Read("WorkflowDefinitionReload", "http-workflow.json"));
        Assert.Equal(HttpMatchKind.Found, (await Router.MatchAsync(Request("GET", "reload-test"))).Kind);

        await service.RetractAsync(definition.DefinitionId);
        var afterRetract = await Router.MatchAsync(Request("GET", "reload-test"));
        await service.PublishAsync(definition.DefinitionId);
        var (response, run) = await SendAsync("GET", "reload-test");

        Assert.Equal(HttpMatchKind.NotFound, afterRetract.Kind);
        Assert.Null(response);
        Assert.Equal("Finished", run.StatusText);
    }

    [Fact]
    public async Task Should_route_the_new_path_at_once_When_a_new_version_changes_a_computed_path()
    {
        // Elsa's dynamic endpoint computes its path with a script; the test host's getStaticValue() becomes a constant here.
        var service = new WorkflowDefinitionService(_engine.Runtime);
        var first = Read("WorkflowDefinitionRefresh", "dynamic-endpoint-http-workflow.json", "getStaticValue()", "null");
        await service.SaveAndPublishAsync(first);
        Assert.Equal(HttpMatchKind.Found, (await Router.MatchAsync(Request("GET", "first-value"))).Kind);

        await service.SaveAndPublishAsync(Read("WorkflowDefinitionRefresh", "dynamic-endpoint-http-workflow.json", "getStaticValue()", "'second-value'"));

        Assert.Equal(HttpMatchKind.Found, (await Router.MatchAsync(Request("GET", "second-value"))).Kind);
        Assert.Equal(HttpMatchKind.NotFound, (await Router.MatchAsync(Request("GET", "first-value"))).Kind);
    }

    [Fact]
    public async Task Should_match_route_parameters_and_resume_the_waiting_instance_When_the_endpoint_is_not_a_trigger()
    {
        var definition = Read("HttpWorkflows", "http-hello-world.json");
        var endpoint = definition.Root["activities"]![0]!;
        endpoint["path"]!["expression"]!["value"] = "users/{id}/confirm";
        endpoint["supportedMethods"]!["expression"]!["value"] = "[\"POST\"]";
        endpoint["customProperties"]!["canStartWorkflow"] = false;
        await PublishAsync(definition);
        var started = await _engine.Runtime.StartAsync(definition.DefinitionId, new StartOptions());
        Assert.Equal("Suspended", started.StatusText);

        var match = await Router.MatchAsync(Request("POST", "users/42/confirm"));
        var result = await Router.RunAsync(match, Request("POST", "users/42/confirm", "{\"ok\":true}"));

        Assert.Equal(started.InstanceId, match.InstanceId);
        Assert.Equal("42", match.RouteValues["id"]);
        Assert.Equal("Hello World!", result.Response!.Body);
        Assert.Equal("Finished", result.Run.StatusText);
        Assert.Equal(HttpMatchKind.NotFound, (await Router.MatchAsync(Request("POST", "users/42/confirm"))).Kind);
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_JSON_When_it_says_it_is()
    {
        await PublishAsync(Read("HttpWorkflows", "http-hello-world.json"));
        var match = await Router.MatchAsync(Request("GET", "hello-world"));

        await Assert.ThrowsAsync<HttpBadRequestException>(() => Router.RunAsync(match, Request("GET", "hello-world", "{not json")));
        Assert.Empty(await _engine.Instances.FindBookmarksAsync(Hotline.Workflows.Activities.Http.HttpEndpoint.BookmarkName, null));
    }

    [Fact]
    public async Task Should_fault_When_WriteHttpResponse_runs_without_a_request()
    {
        var definition = Read("HttpWorkflows", "http-hello-world.json");
        definition.Root["activities"]!.AsArray().RemoveAt(0);
        definition.Root["connections"] = new JsonArray();

        var result = await WorkflowFileRunnerStart(definition);

        Assert.Equal("Faulted", result.StatusText);
        Assert.Contains("no HTTP request", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_write_Hello_World_When_running_Elsa_RestApis_hello_world()
    {
        var definition = Read("RestApis", "hello-world.json");

        var result = await WorkflowFileRunnerStart(definition);

        Assert.Equal("Finished", result.StatusText);
        Assert.Equal(["Hello World!"], _engine.Output.Lines);
    }

    private async Task<RunResult> WorkflowFileRunnerStart(WorkflowDefinition definition)
    {
        await PublishAsync(definition);
        return await _engine.Runtime.StartAsync(definition.DefinitionId, new StartOptions());
    }

    private Task PublishAsync(WorkflowDefinition definition) => WorkflowFileRunner.PublishImportedAsync(_engine.Runtime, definition);

    private async Task<(HttpResponseData? Response, RunResult Run)> SendAsync(string method, string path)
    {
        var match = await Router.MatchAsync(Request(method, path));
        Assert.Equal(HttpMatchKind.Found, match.Kind);
        var result = await Router.RunAsync(match, Request(method, path));
        return (result.Response, result.Run);
    }

    private static HttpRequestData Request(string method, string path, string? json = null) =>
        new(method, path, new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), json is null ? null : "application/json", json is null ? default : Encoding.UTF8.GetBytes(json));

    private static WorkflowDefinition Read(string scenario, string file, string? replace = null, string? with = null)
    {
        var text = File.ReadAllText(TestEngine.RepositoryPath("tests", "Hotline.Workflows.Tests", "ElsaTests", scenario, file));
        return WorkflowDefinitionReader.Parse(replace is null ? text : text.Replace(replace, with, StringComparison.Ordinal));
    }
}
