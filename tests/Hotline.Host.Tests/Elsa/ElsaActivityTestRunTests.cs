using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The Studio's activity Test tab (<c>POST /tests/activities</c>) and Run button (<c>POST …/execute</c>) on a host with a
/// real case: an engine activity runs alone and answers its outputs; a hotline activity is refused and nothing changes;
/// Run starts the published version, never a draft.
/// </summary>
public abstract class ElsaActivityTestRunTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private const string Scripted = """
        {
          "definitionId": "try-me", "name": "Try me", "toolVersion": "3.8.0.0", "variables": [], "inputs": [], "outputs": [], "outcomes": [], "customProperties": {},
          "options": { "usableAsActivity": false, "autoUpdateConsumingWorkflows": false },
          "root": { "id": "flow1", "type": "Elsa.Flowchart", "version": 1, "customProperties": {}, "metadata": {},
            "activities": [
              { "id": "start1", "type": "Elsa.Start", "version": 1, "customProperties": { "canStartWorkflow": true }, "metadata": {} },
              { "id": "js1", "type": "Elsa.RunJavaScript", "version": 1, "script": { "typeName": "String", "expression": { "type": "Literal", "value": "return 6 * 7;" } }, "customProperties": {}, "metadata": {} }
            ],
            "connections": [ { "source": { "activity": "start1", "port": "Done" }, "target": { "activity": "js1", "port": "In" } } ] }
        }
        """;

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    /// <summary>Whether the host runs on PostgreSQL.</summary>
    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject TestRequest(string definitionId, string activityId) => new()
    {
        ["workflowDefinitionHandle"] = new JsonObject { ["definitionId"] = definitionId, ["versionOptions"] = "Latest" },
        ["activityHandle"] = new JsonObject { ["activityId"] = activityId },
    };

    private async Task<JsonObject> SaveAsync(string document, bool publish)
    {
        var saved = await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(document), ["publish"] = publish });
        return saved["workflowDefinition"]!.AsObject();
    }

    [Fact]
    public async Task Should_answer_the_outputs_of_the_activity_run_alone_When_the_test_tab_starts_an_engine_activity()
    {
        await SaveAsync(Scripted, publish: false);
        var instancesBefore = (await _host.Runtime.Instances.SearchAsync(new Hotline.Workflows.Persistence.InstanceSearch())).TotalCount;

        var answer = await ElsaStudio.PostObjectAsync(_admin, "/tests/activities", TestRequest("try-me", "js1"));

        Assert.Equal("Completed", answer["status"]!.GetValue<string>());
        Assert.Equal(42, answer["outputs"]!["result"]!.GetValue<int>());
        Assert.Equal("return 6 * 7;", answer["activityState"]!["script"]!.GetValue<string>());
        Assert.Null(answer["exception"]);
        Assert.Equal(instancesBefore, (await _host.Runtime.Instances.SearchAsync(new Hotline.Workflows.Persistence.InstanceSearch())).TotalCount);
    }

    [Fact]
    public async Task Should_run_the_node_the_test_tab_names_When_the_request_holds_the_version_id_and_the_activity_node_id()
    {
        var saved = await SaveAsync(Scripted, publish: false);

        // As the Studio's Test tab sends it: WorkflowDefinitionHandle.ByDefinitionVersionId, ActivityHandle.FromActivityNodeId.
        var answer = await ElsaStudio.PostObjectAsync(_admin, "/tests/activities", new JsonObject
        {
            ["workflowDefinitionHandle"] = new JsonObject { ["definitionVersionId"] = saved["id"]!.GetValue<string>() },
            ["activityHandle"] = new JsonObject { ["activityNodeId"] = "flow1:js1" },
        });

        Assert.Equal("Completed", answer["status"]!.GetValue<string>());
        Assert.Equal(42, answer["outputs"]!["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_refuse_with_the_reason_and_change_no_case_When_the_test_tab_starts_a_hotline_activity()
    {
        var run = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行");
        var before = await _host.CaseOfAsync(run.InstanceId);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var eventsBefore = await db.CaseEvents.CountAsync();

        var answer = await ElsaStudio.PostObjectAsync(_admin, "/tests/activities", TestRequest("case-lifecycle", "deadline"));

        Assert.Equal("Faulted", answer["status"]!.GetValue<string>());
        Assert.Equal("Hotline.ActivityTestRefused", answer["exception"]!["type"]!.GetValue<string>());
        Assert.Contains("real cases", answer["exception"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(before.DeadlineAt, after.DeadlineAt);
        Assert.Equal(eventsBefore, await db.CaseEvents.CountAsync());
    }

    [Fact]
    public async Task Should_answer_400_naming_the_handle_When_the_activity_is_not_in_the_definition()
    {
        using var response = await ElsaStudio.PostAsync(_admin, "/tests/activities", TestRequest("case-lifecycle", "no-such-node"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["activityHandle"]);
    }

    [Fact]
    public async Task Should_answer_403_When_a_supervisor_starts_an_activity_test()
    {
        var supervisor = await _host.Factory.CreateUserClientAsync("sup-wang", ["supervisor"]);

        using var response = await ElsaStudio.PostAsync(supervisor, "/tests/activities", TestRequest("case-lifecycle", "deadline"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_start_the_published_version_When_the_run_button_asks_for_the_latest_and_a_draft_is_newer()
    {
        var published = await SaveAsync(Scripted, publish: true);
        await SaveAsync(Scripted.Replace("6 * 7", "1 + 1", StringComparison.Ordinal), publish: false);

        using var run = await ElsaStudio.PostAsync(_admin, "/workflow-definitions/try-me/execute", JsonNode.Parse("""{"correlationId":null,"triggerActivityId":null,"versionOptions":"Latest","input":null}"""));

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{run.Headers.GetValues("x-elsa-workflow-instance-id").Single()}");
        Assert.Equal(published["id"]!.GetValue<string>(), instance["definitionVersionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_say_it_cannot_start_and_create_no_instance_When_the_run_button_runs_a_never_published_draft()
    {
        await SaveAsync(Scripted, publish: false);

        using var run = await ElsaStudio.PostAsync(_admin, "/workflow-definitions/try-me/execute", JsonNode.Parse("""{"correlationId":null,"triggerActivityId":null,"versionOptions":"Latest","input":null}"""));

        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Equal("True", run.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
        Assert.NotNull(JsonNode.Parse(await run.Content.ReadAsStringAsync())!["errors"]!["versionOptions"]);
        Assert.Empty((await _host.Runtime.Instances.SearchAsync(new Hotline.Workflows.Persistence.InstanceSearch { DefinitionIds = ["try-me"] })).Items);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteElsaActivityTestRunTests : ElsaActivityTestRunTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlElsaActivityTestRunTests : ElsaActivityTestRunTests
{
    protected override bool OnPostgreSql => true;
}
