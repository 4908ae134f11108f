using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Versioning;

public sealed class VersioningTests
{
    private readonly TestEngine _engine = new();
    private readonly WorkflowDefinitionService _service;

    public VersioningTests() => _service = new WorkflowDefinitionService(_engine.Runtime);

    private static WorkflowDefinition Definition(string text, string? definitionId = "greeting", string extraActivity = "") => WorkflowDefinitionReader.Parse($$"""
        {
          "id": null, "definitionId": {{(definitionId is null ? "null" : $"\"{definitionId}\"")}}, "name": "Greeting", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "say", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{text}}" } } },
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "again", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{text}} again" } } }
              {{extraActivity}}
            ],
            "connections": [
              { "source": { "activity": "say", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "again", "port": "In" } }
            ] }
        }
        """);

    [Fact]
    public async Task Should_create_version_1_as_an_unpublished_latest_draft_When_a_new_definition_is_saved()
    {
        var saved = await _service.SaveDraftAsync(Definition("v1", definitionId: null));

        Assert.False(string.IsNullOrEmpty(saved.DefinitionId));
        Assert.Equal(1, saved.Version);
        Assert.True(saved.IsLatest);
        Assert.False(saved.IsPublished);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => _engine.Runtime.StartAsync(saved.DefinitionId, new StartOptions()));
    }

    [Fact]
    public async Task Should_edit_the_draft_in_place_When_the_latest_version_is_not_published()
    {
        var first = await _service.SaveDraftAsync(Definition("one"));
        var second = await _service.SaveDraftAsync(Definition("two"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, second.Version);
        var versions = await _engine.Definitions.ListVersionsAsync("greeting");
        Assert.Single(versions);
        Assert.Contains("two", versions[0].Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_start_a_new_draft_and_keep_the_published_version_When_saving_after_publishing()
    {
        await _service.SaveDraftAsync(Definition("v1"));
        await _service.PublishAsync("greeting");

        var draft = await _service.SaveDraftAsync(Definition("v2"));

        var versions = await _engine.Definitions.ListVersionsAsync("greeting");
        Assert.Equal(2, draft.Version);
        Assert.Equal([(1, true, false), (2, false, true)], versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)).ToList());
    }

    [Fact]
    public async Task Should_keep_running_instances_on_their_version_When_a_new_version_is_published()
    {
        await _service.SaveDraftAsync(Definition("v1"));
        await _service.PublishAsync("greeting");
        var onV1 = await _engine.Runtime.StartAsync("greeting", new StartOptions());

        await _service.SaveDraftAsync(Definition("v2"));
        var published = await _service.PublishAsync("greeting");
        var onV2 = await _engine.Runtime.StartAsync("greeting", new StartOptions());
        await _engine.Runtime.PublishEventAsync("go", null, null, null);

        Assert.False(published.AlreadyPublished);
        Assert.Equal(["v1", "v1 again"], _engine.Output.LinesOf(onV1.InstanceId));
        Assert.Equal(["v2", "v2 again"], _engine.Output.LinesOf(onV2.InstanceId));
        var versions = await _engine.Definitions.ListVersionsAsync("greeting");
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)).ToList());
    }

    [Fact]
    public async Task Should_store_nothing_When_the_draft_uses_an_unknown_activity_type()
    {
        var broken = Definition("x", extraActivity: """, { "id": "ghost", "type": "Acme.Ghost", "version": 1 }""");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _service.SaveDraftAsync(broken));

        Assert.Contains(error.Errors, e => e.ActivityId == "ghost" && e.ActivityType == "Acme.Ghost" && e.ActivityVersion == 1);
        Assert.Empty(await _engine.Definitions.ListVersionsAsync("greeting"));
    }

    [Fact]
    public async Task Should_refuse_to_publish_and_leave_the_draft_unpublished_When_a_cron_expression_is_invalid()
    {
        await _service.SaveDraftAsync(Definition("x", extraActivity: """, { "id": "tick", "type": "Elsa.Cron", "version": 1, "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "61 * * * *" } } }"""));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _service.PublishAsync("greeting"));

        Assert.Contains(error.Errors, e => e.ActivityId == "tick" && e.Message.Contains("61", StringComparison.Ordinal));
        Assert.False((await _engine.Definitions.FindLatestAsync("greeting"))!.IsPublished);
    }

    [Fact]
    public async Task Should_publish_without_validation_errors_When_publishing_the_timer_fixture()
    {
        var timer = WorkflowDefinitionReader.ReadFile(TestEngine.SharedPath("elsa-fixtures", "timer-workflow.json"));

        await _service.SaveDraftAsync(timer);
        var result = await _service.PublishAsync(timer.DefinitionId);

        Assert.True(result.Definition.IsPublished);
    }

    [Fact]
    public async Task Should_stop_new_instances_When_the_published_version_is_retracted()
    {
        await _service.SaveAndPublishAsync(Definition("v1"));

        await _service.RetractAsync("greeting");

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => _engine.Runtime.StartAsync("greeting", new StartOptions()));
    }

    [Fact]
    public async Task Should_copy_an_old_version_into_a_new_latest_draft_When_reverting()
    {
        await _service.SaveAndPublishAsync(Definition("v1"));
        await _service.SaveAndPublishAsync(Definition("v2"));

        var reverted = await _service.RevertAsync("greeting", 1);

        Assert.Equal(3, reverted.Version);
        Assert.False(reverted.IsPublished);
        Assert.Contains("\"v1\"", reverted.Document.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, (await _engine.Definitions.FindPublishedAsync("greeting"))!.Version);
    }
}
