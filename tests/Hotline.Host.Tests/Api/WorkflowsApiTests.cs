using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Api;

public sealed class WorkflowsApiTests : IAsyncLifetime
{
    private const string Definition = """
        {
          "id": "greet-v1", "definitionId": "greet", "name": "Greet", "version": 1,
          "inputs": [ { "name": "Name", "type": "String" }, { "name": "Count", "type": "Int32" } ],
          "outputs": [ { "name": "Greeting", "type": "String" } ],
          "variables": [],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "greet", "type": "Elsa.SetOutput", "version": 1,
                "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Greeting" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "`Hello ${getName()} x${getCount()}`" } } },
              { "id": "wait", "type": "Elsa.Event", "version": 1,
                "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } }
            ],
            "connections": [ { "source": { "activity": "greet", "port": "Done" }, "target": { "activity": "wait", "port": "In" } } ] }
        }
        """;

    private readonly HotlineFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        await _factory.PublishAsync(Definition);
        // Integrators start only entry points: the administrator opens this one.
        var admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        using var open = await admin.PutAsJsonAsync("/api/workflows/entry-points/greet", new { intake = "Workflow" });
        open.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Should_start_the_published_version_and_return_the_instance_When_the_input_is_valid()
    {
        var client = _factory.CreateIntegratorClient();

        var response = await client.PostAsJsonAsync("/api/workflows/greet/instances", new { input = new { Name = "张三", Count = 2 }, correlationId = "20260302-000001" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Suspended", body["subStatus"]!.GetValue<string>());
        Assert.Equal("Running", body["status"]!.GetValue<string>());
        Assert.Equal("20260302-000001", body["correlationId"]!.GetValue<string>());
        Assert.Equal("Elsa.Event", body["bookmarks"]![0]!["name"]!.GetValue<string>());
        var instance = await Store().FindAsync(body["instanceId"]!.GetValue<string>());
        Assert.NotNull(instance);
        Assert.Equal("Hello 张三 x2", instance.State["contexts"]![0]!["scope"]!["output"]!["Greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_start_one_instance_When_the_same_idempotency_key_is_sent_twice()
    {
        var client = _factory.CreateIntegratorClient();
        var first = await PostWithKeyAsync(client, "key-1", """{"input":{"Name":"李四","Count":1}}""");
        var second = await PostWithKeyAsync(client, "key-1", """{"input":{"Name":"李四","Count":1}}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        Assert.Equal(firstId, secondId);
        Assert.Equal(1, (await Store().ListAsync(new InstanceQuery(DefinitionId: "greet"))).TotalCount);
    }

    [Fact]
    public async Task Should_start_one_instance_When_the_same_idempotency_key_is_sent_concurrently()
    {
        var client = _factory.CreateIntegratorClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKeyAsync(client, "key-race", """{"input":{"Name":"王五","Count":3}}""")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, (await Store().ListAsync(new InstanceQuery(DefinitionId: "greet"))).TotalCount);
    }

    [Fact]
    public async Task Should_answer_422_When_an_idempotency_key_is_reused_with_a_different_body()
    {
        var client = _factory.CreateIntegratorClient();
        await PostWithKeyAsync(client, "key-2", """{"input":{"Name":"A","Count":1}}""");

        var response = await PostWithKeyAsync(client, "key-2", """{"input":{"Name":"B","Count":1}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Should_keep_idempotency_keys_apart_When_two_integrators_use_the_same_key()
    {
        var first = await PostWithKeyAsync(_factory.CreateIntegratorClient(), "shared", """{"input":{"Name":"A","Count":1}}""");
        var second = await PostWithKeyAsync(_factory.CreateIntegratorClient(HotlineFactory.OtherIntegratorKey), "shared", """{"input":{"Name":"B","Count":2}}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }

    [Fact]
    public async Task Should_answer_404_problem_When_the_definition_does_not_exist()
    {
        var response = await _factory.CreateIntegratorClient().PostAsJsonAsync("/api/workflows/nope/instances", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("nope", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"input":{"Name":"A","Count":"three"}}""", "input.Count")]
    [InlineData("""{"input":{"Name":"A","Count":1.5}}""", "input.Count")]
    [InlineData("""{"input":{"Nmae":"A"}}""", "input.Nmae")]
    [InlineData("""{"input":[1,2]}""", "input")]
    [InlineData("""{"input":{},"correlationId":42}""", "correlationId")]
    [InlineData("""{"inputs":{}}""", "inputs")]
    public async Task Should_answer_400_naming_the_field_and_create_nothing_When_the_input_is_wrong(string body, string field)
    {
        var response = await PostWithKeyAsync(_factory.CreateIntegratorClient(), null, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(0, (await Store().ListAsync(new InstanceQuery(DefinitionId: "greet"))).TotalCount);
    }

    [Fact]
    public async Task Should_answer_400_and_create_nothing_When_the_json_is_malformed()
    {
        var response = await PostWithKeyAsync(_factory.CreateIntegratorClient(), null, """{"input": {"Name": "A",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Malformed JSON", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Store().ListAsync(new InstanceQuery(DefinitionId: "greet"))).TotalCount);
    }

    [Fact]
    public async Task Should_answer_413_When_the_body_is_oversized()
    {
        var huge = """{"input":{"Name":"" """.TrimEnd() + new string('x', WorkflowsApi.MaxBodyBytes) + "\"}}";

        var response = await PostWithKeyAsync(_factory.CreateIntegratorClient(), null, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_401_When_no_or_an_unknown_api_key_is_sent()
    {
        var anonymous = await _factory.CreateClient().PostAsJsonAsync("/api/workflows/greet/instances", new { });
        var unknown = await _factory.CreateIntegratorClient("wrong").PostAsJsonAsync("/api/workflows/greet/instances", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(0, (await Store().ListAsync(new InstanceQuery(DefinitionId: "greet"))).TotalCount);
    }

    private IWorkflowInstanceStore Store() => _factory.Services.GetRequiredService<IWorkflowInstanceStore>();

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/greet/instances") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
