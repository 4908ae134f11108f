using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Host.Elsa;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// C# runs with the host's rights: only administrators may store, publish, import or test-run a definition that uses it
/// (Elsa.RunCSharp or a <c>CSharp</c> expression anywhere in the tree); the audit log names the C# activities published.
/// </summary>
public sealed class ElsaCSharpAuthorshipTests : IAsyncLifetime
{
    private const string WithCSharp = """
        {
          "definitionId": "cs-calc", "name": "C# calc", "toolVersion": "3.8.0.0", "variables": [], "inputs": [], "outputs": [], "outcomes": [], "customProperties": {},
          "options": { "usableAsActivity": false, "autoUpdateConsumingWorkflows": false },
          "root": { "id": "flow1", "type": "Elsa.Flowchart", "version": 1, "customProperties": {}, "metadata": {},
            "activities": [
              { "id": "start1", "type": "Elsa.Start", "version": 1, "customProperties": { "canStartWorkflow": true }, "metadata": {} },
              { "id": "cs1", "name": "Calculate", "type": "Elsa.RunCSharp", "version": 1, "script": { "typeName": "String", "expression": { "type": "Literal", "value": "return 6 * 7;" } }, "customProperties": {}, "metadata": {} }
            ],
            "connections": [ { "source": { "activity": "start1", "port": "Done" }, "target": { "activity": "cs1", "port": "In" } } ] }
        }
        """;

    private readonly HotlineFactory _factory = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Should_name_every_activity_using_CSharp_When_it_is_nested_in_containers_or_switch_cases()
    {
        var tree = JsonNode.Parse("""
            { "id": "flow1", "type": "Elsa.Flowchart", "activities": [
              { "id": "js", "type": "Elsa.WriteLine", "text": { "expression": { "type": "JavaScript", "value": "1" } } },
              { "id": "fork1", "type": "Elsa.Fork", "branches": [
                { "id": "inner", "type": "Elsa.Flowchart", "activities": [ { "id": "run", "name": "Run it", "type": "Elsa.RunCSharp" } ] } ] },
              { "id": "loop1", "type": "Elsa.While", "body": { "id": "say", "type": "Elsa.WriteLine", "text": { "expression": { "type": "CSharp", "value": "\"x\"" } } } },
              { "id": "switch1", "type": "Elsa.FlowSwitch", "cases": [ { "label": "A", "condition": { "type": "CSharp", "value": "true" } } ] }
            ] }
            """);

        Assert.Equal(["'Run it' (run)", "'say'", "'switch1'"], CSharpAuthorship.Find(tree));
        Assert.Empty(CSharpAuthorship.Find(JsonNode.Parse("""{ "id": "js", "type": "Elsa.RunJavaScript", "script": { "expression": { "type": "JavaScript", "value": "1" } } }""")));
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("integrator")]
    [InlineData("operator")]
    public void Should_refuse_with_a_403_naming_the_activity_When_a_non_administrator_stores_CSharp(string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));

        var refused = Assert.IsType<ProblemHttpResult>(CSharpAuthorship.Refuse(user, JsonNode.Parse(WithCSharp)));

        Assert.Equal(StatusCodes.Status403Forbidden, refused.StatusCode);
        var problem = Assert.IsType<HttpValidationProblemDetails>(refused.ProblemDetails);
        Assert.Contains("'Calculate' (cs1)", Assert.Single(problem.Errors).Key, StringComparison.Ordinal);
        Assert.Null(CSharpAuthorship.Refuse(user, JsonNode.Parse("""{ "id": "a", "type": "Elsa.WriteLine" }""")));
    }

    [Fact]
    public void Should_let_an_administrator_store_CSharp_When_the_caller_has_the_role()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "administrator")], "test"));

        Assert.Null(CSharpAuthorship.Refuse(admin, JsonNode.Parse(WithCSharp)));
    }

    [Fact]
    public async Task Should_publish_and_audit_the_CSharp_activities_When_an_administrator_publishes()
    {
        var saved = await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(WithCSharp), ["publish"] = true });

        Assert.True(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<Hotline.Domain.Persistence.HotlineDbContext>>().CreateDbContextAsync();
        var row = Assert.Single(await db.AuditEntries.Where(e => e.EntityId == "cs-calc").ToListAsync());
        Assert.Equal("admin", row.Actor);
        Assert.Contains("'Calculate' (cs1)", JsonNode.Parse(row.After!)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_the_script_value_When_an_administrator_test_runs_RunCSharp()
    {
        await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(WithCSharp), ["publish"] = false });

        var answer = await ElsaStudio.PostObjectAsync(_admin, "/tests/activities", new JsonObject
        {
            ["workflowDefinitionHandle"] = new JsonObject { ["definitionId"] = "cs-calc", ["versionOptions"] = "Latest" },
            ["activityHandle"] = new JsonObject { ["activityId"] = "cs1" },
        });

        Assert.Equal("Completed", answer["status"]!.GetValue<string>());
        Assert.Equal(42, answer["outputs"]!["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_refuse_to_publish_naming_the_activity_and_input_When_the_CSharp_does_not_compile()
    {
        var model = JsonNode.Parse(WithCSharp.Replace("return 6 * 7;", "return nothingHere;", StringComparison.Ordinal))!;

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("cs1", text, StringComparison.Ordinal);
        Assert.Contains("CS0103", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_every_store_publish_and_test_path_When_a_supervisor_sends_CSharp()
    {
        await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(WithCSharp), ["publish"] = false });
        var supervisor = await _factory.CreateUserClientAsync("sup-zhao", ["supervisor"]);

        using var save = await ElsaStudio.PostAsync(supervisor, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(WithCSharp), ["publish"] = true });
        using var import = await ElsaStudio.PostAsync(supervisor, "/workflow-definitions/import", JsonNode.Parse(WithCSharp));
        using var publish = await ElsaStudio.PostAsync(supervisor, "/workflow-definitions/cs-calc/publish", new JsonObject());
        using var bulk = await ElsaStudio.PostAsync(supervisor, "/bulk-actions/publish/workflow-definitions/by-definition-ids", new JsonObject { ["definitionIds"] = new JsonArray("cs-calc") });
        using var test = await ElsaStudio.PostAsync(supervisor, "/tests/activities", new JsonObject
        {
            ["workflowDefinitionHandle"] = new JsonObject { ["definitionId"] = "cs-calc" },
            ["activityHandle"] = new JsonObject { ["activityId"] = "cs1" },
        });

        Assert.All([save, import, publish, bulk, test], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var latest = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/cs-calc?versionOptions=Latest");
        Assert.False(latest["isPublished"]!.GetValue<bool>());
    }
}
