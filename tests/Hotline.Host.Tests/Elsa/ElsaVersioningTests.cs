using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Host.Tests.Elsa.StudioModels;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Elsa's versioning rules through the Studio's calls (CONTRACT §7.4): one latest and at most one published version;
/// saves edit the latest draft or start a new version after a published one; publish, retract, revert and delete; a
/// save the engine cannot compile is refused with a 400 the Studio shows, and nothing is stored.
/// </summary>
public sealed class ElsaVersioningTests : IAsyncLifetime
{
    private readonly HotlineFactory _factory = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private Task<JsonObject> SaveAsync(JsonObject model, bool publish) => StudioModels.SaveAsync(_admin, model, publish);

    private Task<List<JsonObject>> VersionsAsync(string definitionId) => StudioModels.VersionsAsync(_admin, definitionId);

    [Fact]
    public async Task Should_follow_Elsas_versioning_rules_When_a_definition_is_created_saved_published_retracted_reverted_and_deleted()
    {
        var created = (await SaveAsync(Create("Greeting")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        var definitionId = created["definitionId"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(definitionId));
        Assert.Equal("Workflow1:8e0ae0b8473d819a", created["root"]!["nodeId"]!.GetValue<string>());
        Assert.Empty(created["variables"]!.AsArray());

        // Auto-save of the draft: edited in place (same version id and number).
        var draft = (await SaveAsync(WithActivities(created, ("hello", "Elsa.WriteLine")), publish: false))["workflowDefinition"]!.AsObject();
        Assert.Equal(created["id"]!.GetValue<string>(), draft["id"]!.GetValue<string>());
        Assert.Equal([(1, true, false)], Flags(await VersionsAsync(definitionId)));

        // The Publish button posts the model with publish: true.
        var v1 = await SaveAsync(WithActivities(draft, ("hello", "Elsa.WriteLine")), publish: true);
        Assert.True(v1["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        Assert.False(v1["alreadyPublished"]!.GetValue<bool>());

        // The next edit after publishing (the model still says isPublished: true) starts version 2.
        var v2 = (await SaveAsync(WithActivities(v1["workflowDefinition"]!.AsObject(), ("hello", "Elsa.WriteLine"), ("bye", "Elsa.WriteLine")), publish: false))["workflowDefinition"]!.AsObject();
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.NotEqual(draft["id"]!.GetValue<string>(), v2["id"]!.GetValue<string>());
        Assert.Equal([(1, false, true), (2, true, false)], Flags(await VersionsAsync(definitionId)));

        // Publishing again (the list's row menu): version 2 is the only published and latest version.
        var published = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-definitions/{definitionId}/publish", new JsonObject());
        Assert.Equal(2, published["workflowDefinition"]!["version"]!.GetValue<int>());
        Assert.Equal([(1, false, false), (2, true, true)], Flags(await VersionsAsync(definitionId)));
        var again = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-definitions/{definitionId}/publish", new JsonObject());
        Assert.True(again["alreadyPublished"]!.GetValue<bool>());

        var retracted = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-definitions/{definitionId}/retract", new JsonObject());
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        Assert.Equal([(1, false, false), (2, true, false)], Flags(await VersionsAsync(definitionId)));
        using (var none = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published"))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        // Revert to version 1: a copy of it becomes version 3, the latest draft.
        var reverted = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-definitions/{definitionId}/revert/1", null);
        Assert.Equal(3, reverted["version"]!.GetValue<int>());
        var latest = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.Single(latest["root"]!["activities"]!.AsArray());
        Assert.Equal([(1, false, false), (2, false, false), (3, true, false)], Flags(await VersionsAsync(definitionId)));

        // The version-history tab deletes an old version; the one a Studio asks for by id is gone.
        var versionTwo = (await VersionsAsync(definitionId))[1]["id"]!.GetValue<string>();
        using (var deleted = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-definition-versions/{versionTwo}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-definitions/by-id/{versionTwo}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([(1, false, false), (3, true, false)], Flags(await VersionsAsync(definitionId)));

        using (var delete = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-definitions/{definitionId}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var missing = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await VersionsAsync(definitionId));
    }

    [Fact]
    public async Task Should_refuse_with_a_400_and_store_nothing_When_a_save_holds_an_activity_type_the_engine_does_not_know()
    {
        var created = (await SaveAsync(Create("Approval flow")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        var definitionId = created["definitionId"]!.GetValue<string>();
        var saved = (await SaveAsync(WithActivities(created, ("hello", "Elsa.WriteLine")), publish: true))["workflowDefinition"]!.AsObject();

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions",
            new JsonObject { ["model"] = WithActivities(saved, ("hello", "Elsa.WriteLine"), ("approve", "Acme.Approval")), ["publish"] = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        // The Studio flattens "errors" into its snackbar.
        var messages = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray()).Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.Contains("Acme.Approval", StringComparison.Ordinal));
        Assert.Equal([(1, true, true)], Flags(await VersionsAsync(definitionId)));
        var stored = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.DoesNotContain(stored["root"]!["activities"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Acme.Approval");
    }

    [Fact]
    public async Task Should_refuse_the_publish_and_keep_the_published_version_When_the_new_version_does_not_validate()
    {
        var created = (await SaveAsync(Create("Nightly")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        var definitionId = created["definitionId"]!.GetValue<string>();
        var published = (await SaveAsync(WithActivities(created, ("hello", "Elsa.WriteLine")), publish: true))["workflowDefinition"]!.AsObject();
        var model = WithActivities(published, ("hello", "Elsa.WriteLine"));
        model["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""{"id":"cron","type":"Elsa.Cron","version":1,"cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"not a cron"}}}"""));

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([(1, true, true)], Flags(await VersionsAsync(definitionId)));
    }

    [Fact]
    public async Task Should_refuse_with_a_400_When_an_outcome_list_is_a_script_the_designer_could_not_draw_as_ports()
    {
        var created = (await SaveAsync(Create("Review")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        var model = WithActivities(created, ("hello", "Elsa.WriteLine"));
        model["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""
            {"id":"review","type":"Hotline.HumanTask","version":1,"possibleOutcomes":{"typeName":"List<String>","expression":{"type":"JavaScript","value":"['Approved']"}}}
            """));

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("possibleOutcomes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/{created["definitionId"]!.GetValue<string>()}?versionOptions=Latest");
        Assert.Empty(stored["root"]!["activities"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_definition_When_instances_still_run_on_it_or_another_definition_uses_it()
    {
        using var running = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-definitions/handle");
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("case-lifecycle", await running.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var runtime = _factory.Services.GetRequiredService<Hotline.Workflows.Runtime.WorkflowRuntime>();
        await _factory.PublishAsync("""
            {"id":"wait-v1","definitionId":"wait","name":"Wait","version":1,"root":{"id":"flow","type":"Elsa.Flowchart","version":1,
             "activities":[{"id":"event","type":"Elsa.Event","version":1,"eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}}],"connections":[]}}
            """);
        await runtime.StartAsync("wait", new Hotline.Workflows.Runtime.StartOptions());
        using var busy = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-definitions/wait");
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.NotNull(await runtime.Definitions.FindPublishedAsync("wait"));
    }

    [Fact]
    public async Task Should_answer_whether_a_name_is_taken_When_the_create_dialog_proposes_one()
    {
        Assert.False((await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/validation/is-name-unique?name=Case%20Lifecycle"))["isUnique"]!.GetValue<bool>());
        Assert.True((await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/validation/is-name-unique?name=Case%20Lifecycle&definitionId=case-lifecycle"))["isUnique"]!.GetValue<bool>());
        Assert.True((await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/validation/is-name-unique?name=Workflow%201"))["isUnique"]!.GetValue<bool>());
    }
}
