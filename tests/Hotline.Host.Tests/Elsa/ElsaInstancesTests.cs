using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The instance list and viewer on a real case: a complaint accepted on the shipped <c>case-lifecycle</c> waits at the
/// dispatch desk (inside the Dispatch workflow used as an activity); the viewer shows its journal, where it waits
/// (bookmarks, the blocked node), its variables and executions, and can cancel it.
/// </summary>
public sealed class ElsaInstancesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;
    private RunResult _case = null!;

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday);
        _case = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行");
        Assert.Equal(WorkflowSubStatus.Suspended, _case.SubStatus);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // What the instance list posts (req-fake-instances.jsonl), with the filters a test sets.
    private static JsonObject ListRequest(string? filters = null)
    {
        var request = JsonNode.Parse("""
            {"page":0,"pageSize":10,"searchTerm":"","definitionId":null,"definitionIds":[],"correlationId":null,"version":null,"hasIncidents":null,"isSystem":false,
             "status":null,"statuses":[],"subStatus":null,"subStatuses":[],"orderBy":null,"orderDirection":"Descending","timestampFilters":[]}
            """)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse("{" + (filters ?? "").TrimStart(',') + "}")!.AsObject())
            request[key] = value?.DeepClone();
        return request;
    }

    private async Task<List<string>> ListIdsAsync(JsonObject request) =>
        (await ElsaStudio.PostObjectAsync(_admin, "/workflow-instances", request))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Should_list_the_suspended_case_with_its_definition_version_When_the_instance_list_loads()
    {
        var page = await ElsaStudio.PostObjectAsync(_admin, "/workflow-instances", ListRequest());

        var row = Assert.Single(page["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == _case.InstanceId)!;
        Assert.Equal("case-lifecycle", row["definitionId"]!.GetValue<string>());
        Assert.Equal("Running", row["status"]!.GetValue<string>());
        Assert.Equal("Suspended", row["subStatus"]!.GetValue<string>());
        // Rows whose definition version the list cannot name are dropped by the Studio (CONTRACT T8).
        var versionId = row["definitionVersionId"]!.GetValue<string>();
        var versions = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions?versionOptions=&Ids={versionId}");
        Assert.Equal("Case Lifecycle", Assert.Single(versions["items"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_filter_order_and_page_the_instance_list_When_the_studio_sets_its_filters()
    {
        _host.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _host.StartCaseAsync("Consultation", "请问怎样提取住房公积金？", knowledgeArticleId: "KB-MISSING", phone: "13800000002");

        Assert.Contains(_case.InstanceId, await ListIdsAsync(ListRequest(""","definitionIds":["case-lifecycle"],"subStatuses":["Suspended"]""")));
        Assert.Empty(await ListIdsAsync(ListRequest(""","statuses":["Finished"]""")));
        Assert.Empty(await ListIdsAsync(ListRequest(""","definitionIds":["accept"]""")));
        Assert.Equal([_case.InstanceId], await ListIdsAsync(ListRequest($$""","searchTerm":"{{_case.InstanceId}}" """)));
        Assert.Empty(await ListIdsAsync(ListRequest(""","hasIncidents":true""")));
        Assert.Equal([second.InstanceId, _case.InstanceId], (await ListIdsAsync(ListRequest())).Take(2));

        var firstPage = await ElsaStudio.PostObjectAsync(_admin, "/workflow-instances", JsonNode.Parse("""{"page":0,"pageSize":1,"orderBy":"Created","orderDirection":"Ascending"}"""));
        Assert.Equal(2, firstPage["totalCount"]!.GetValue<long>());
        Assert.Equal(_case.InstanceId, Assert.Single(firstPage["items"]!.AsArray())!["id"]!.GetValue<string>());
        var created = JsonNode.Parse($$"""{"timestampFilters":[{"column":"CreatedAt","operator":"Is","timestamp":"{{Monday:O}}"}]}""")!.AsObject();
        Assert.Equal(2, (await ListIdsAsync(created)).Count);
        var later = JsonNode.Parse($$"""{"timestampFilters":[{"column":"CreatedAt","operator":"GreaterThan","timestamp":"{{Monday.AddDays(1):O}}"}]}""")!.AsObject();
        Assert.Empty(await ListIdsAsync(later));
    }

    [Fact]
    public async Task Should_show_where_the_suspended_case_waits_When_the_viewer_opens_it()
    {
        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}");
        var definition = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{instance["definitionVersionId"]!.GetValue<string>()}");
        var root = definition["root"]!.AsObject();
        var dispatchNode = root["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "dispatch")!["nodeId"]!.GetValue<string>();

        var state = instance["workflowState"]!.AsObject();
        Assert.Equal("Suspended", state["subStatus"]!.GetValue<string>());
        // The dispatch task, and the lifecycle's wait for a case operation (void, merge...) beside it.
        var bookmarks = state["bookmarks"]!.AsArray();
        Assert.Equal(["Elsa.Event", "Hotline.HumanTask"], bookmarks.Select(b => b!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var bookmark = bookmarks.Single(b => b!["name"]!.GetValue<string>() == "Hotline.HumanTask")!;
        Assert.StartsWith(dispatchNode + ":", bookmark["activityNodeId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("人工派单", bookmark["payload"]!["taskName"]!.GetValue<string>());
        Assert.All(bookmark["metadata"]!.AsObject(), m => Assert.Equal(System.Text.Json.JsonValueKind.String, m.Value!.GetValueKind()));
        Assert.Contains(state["activityExecutionContexts"]!.AsArray(), c => c!["scheduledActivityNodeId"]!.GetValue<string>() == bookmark["activityNodeId"]!.GetValue<string>());
        Assert.Single(state["activityExecutionContexts"]!.AsArray(), c => c!["parentContextId"] is null);

        // The viewer's journal request: the root flowchart's children, without the containers' own lines.
        var children = root["activities"]!.AsArray().Select(a => (JsonNode?)a!["nodeId"]!.GetValue<string>()).ToArray();
        var journal = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}/journal?skip=0&take=110",
            new JsonObject { ["filter"] = new JsonObject { ["activityIds"] = null, ["activityNodeIds"] = new JsonArray(children), ["excludedActivityTypes"] = new JsonArray("Elsa.Workflow", "Elsa.Flowchart"), ["eventNames"] = null } });
        var lines = journal["items"]!.AsArray().Select(i => (Activity: i!["activityId"]!.GetValue<string>(), Event: i["eventName"]!.GetValue<string>())).ToList();
        Assert.Equal(("start", "Started"), lines[0]);
        Assert.Contains(("accept", "Completed"), lines);
        Assert.Contains(("dispatch", "Started"), lines);
        Assert.DoesNotContain(("dispatch", "Completed"), lines);
        Assert.DoesNotContain(journal["items"]!.AsArray(), i => i!["activityType"]!.GetValue<string>() == "Elsa.Flowchart");
        var sequences = journal["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);

        var report = await ElsaStudio.PostObjectAsync(_admin, "/activity-executions/report",
            new JsonObject { ["workflowInstanceId"] = _case.InstanceId, ["activityNodeIds"] = new JsonArray(children.Select(c => c?.DeepClone()).ToArray()) });
        var stats = report["stats"]!.AsArray().ToDictionary(s => s!["activityNodeId"]!.GetValue<string>(), s => s!.AsObject());
        Assert.True(stats[dispatchNode]["isBlocked"]!.GetValue<bool>());
        Assert.Equal(1, stats[dispatchNode]["uncompletedCount"]!.GetValue<long>());
        var acceptNode = children.Select(c => c!.GetValue<string>()).Single(c => c.EndsWith(":accept", StringComparison.Ordinal));
        Assert.False(stats[acceptNode]["isBlocked"]!.GetValue<bool>());
        Assert.Equal(1, stats[acceptNode]["completedCount"]!.GetValue<long>());

        // Selecting the waiting node shows its running execution.
        var dispatch = await ElsaStudio.GetObjectAsync(_admin, $"/activity-execution-summaries/list?WorkflowInstanceId={_case.InstanceId}&ActivityNodeId={Uri.EscapeDataString(dispatchNode)}");
        var running = Assert.Single(dispatch["items"]!.AsArray())!;
        Assert.Equal("Running", running["status"]!.GetValue<string>());
        Assert.Equal("Dispatch", (await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/by-id?id={Uri.EscapeDataString(running["id"]!.GetValue<string>())}"))["activityType"]!.GetValue<string>());

        var execution = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}/execution-state");
        Assert.Equal("Running", execution["status"]!.GetValue<string>());
        Assert.Equal("Suspended", execution["workflowSubStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_show_the_variables_and_executions_of_a_node_When_the_viewer_selects_it()
    {
        var variables = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}/variables");
        var caseId = variables["items"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "CaseId")!;
        Assert.Equal((await _host.CaseOfAsync(_case.InstanceId)).Id.ToString(), caseId["value"]!.GetValue<string>());

        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}");
        var definition = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{instance["definitionVersionId"]!.GetValue<string>()}");
        var acceptNode = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "accept")!["nodeId"]!.GetValue<string>();
        var summaries = await ElsaStudio.GetObjectAsync(_admin, $"/activity-execution-summaries/list?WorkflowInstanceId={_case.InstanceId}&ActivityNodeId={Uri.EscapeDataString(acceptNode)}");
        var summary = Assert.Single(summaries["items"]!.AsArray())!;
        Assert.Equal("Completed", summary["status"]!.GetValue<string>());
        var records = await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/list?WorkflowInstanceId={_case.InstanceId}&ActivityNodeId={Uri.EscapeDataString(acceptNode)}");
        Assert.Equal(summary["id"]!.GetValue<string>(), Assert.Single(records["items"]!.AsArray())!["id"]!.GetValue<string>());

        // The viewer fetches the last execution by id when a node is selected.
        var record = await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/by-id?id={Uri.EscapeDataString(summary["id"]!.GetValue<string>())}");
        Assert.Equal(acceptNode, record["activityNodeId"]!.GetValue<string>());
        Assert.Equal("Accept", record["activityType"]!.GetValue<string>());
        var stack = await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/{Uri.EscapeDataString(summary["id"]!.GetValue<string>())}/call-stack");
        Assert.Equal(summary["id"]!.GetValue<string>(), stack["items"]!.AsArray().Last()!["id"]!.GetValue<string>());
        // The call stack follows who scheduled whom: the flowchart, its start, the fork beside the operations' listener, then the accepting.
        Assert.Equal(["Elsa.Flowchart", "Elsa.Start", "Elsa.FlowFork", "Accept"], stack["items"]!.AsArray().Select(i => i!["activityType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_cancel_the_case_workflow_When_the_administrator_cancels_it_from_the_list()
    {
        using var response = await ElsaStudio.PostAsync(_admin, $"/cancel/workflow-instances/{_case.InstanceId}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var state = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}/execution-state");
        Assert.Equal("Finished", state["status"]!.GetValue<string>());
        Assert.Equal("Cancelled", state["workflowSubStatus"]!.GetValue<string>());
        Assert.Empty((await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}"))["workflowState"]!["bookmarks"]!.AsArray());
        using var again = await ElsaStudio.PostAsync(_admin, $"/cancel/workflow-instances/{_case.InstanceId}", null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_with_the_field_named_When_the_administrator_deletes_a_running_case_workflow()
    {
        using var delete = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-instances/{_case.InstanceId}");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var problem = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!;
        Assert.Contains("running", problem["errors"]!["id"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Running", (await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_delete_the_ended_instance_with_its_journal_and_audit_it_When_the_administrator_deletes_it()
    {
        using var cancel = await ElsaStudio.PostAsync(_admin, $"/cancel/workflow-instances/{_case.InstanceId}", null);
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);

        using var delete = await _admin.DeleteAsync($"{ElsaStudio.Api}/workflow-instances/{_case.InstanceId}");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using var gone = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-instances/{_case.InstanceId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var runtime = _host.Factory.Services.GetRequiredService<WorkflowRuntime>();
        Assert.Empty(await runtime.Instances.GetJournalAsync(_case.InstanceId));
        var audit = JsonNode.Parse(await _admin.GetStringAsync("/api/admin/audit?action=instance.deleted"))!;
        var row = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal(_case.InstanceId, row["entityId"]!.GetValue<string>());
        Assert.Equal("Cancelled", row["before"]!["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_delete_only_the_ended_instances_and_count_them_When_the_studio_bulk_deletes_a_selection()
    {
        _host.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _host.StartCaseAsync("Consultation", "请问怎样提取住房公积金？", knowledgeArticleId: "KB-MISSING", phone: "13800000002");
        using var cancel = await ElsaStudio.PostAsync(_admin, $"/cancel/workflow-instances/{second.InstanceId}", null);
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);

        var answer = await ElsaStudio.PostObjectAsync(_admin, "/bulk-actions/delete/workflow-instances/by-id", new JsonObject { ["ids"] = new JsonArray(_case.InstanceId, second.InstanceId, "no-such-instance") });

        Assert.Equal(1, answer["deleted"]!.GetValue<int>());
        Assert.Equal([_case.InstanceId], await ListIdsAsync(ListRequest()));
    }

    [Fact]
    public async Task Should_answer_404_When_the_viewer_asks_for_an_instance_that_does_not_exist()
    {
        using var response = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-instances/no-such-instance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The Studio's typed shapes, field by field in wire order (nulls are left out, so a row may skip some): the guard of the
    // Mapperly maps (Hotline.Host/Elsa/*Mapper.cs) against a renamed, reordered or dropped field.
    private static readonly string[] InstanceRowFields =
        ["id", "definitionId", "definitionVersionId", "version", "status", "subStatus", "correlationId", "name", "incidentCount", "createdAt", "updatedAt", "finishedAt"];

    private static readonly string[] JournalLineFields =
        ["id", "activityInstanceId", "parentActivityInstanceId", "activityId", "activityType", "activityTypeVersion", "activityName", "nodeId", "timestamp",
            "sequence", "eventName", "message", "source", "activityState", "payload"];

    private static readonly string[] ExecutionSummaryFields =
        ["id", "workflowInstanceId", "activityId", "activityNodeId", "activityType", "activityTypeVersion", "activityName", "startedAt", "hasBookmarks", "status",
            "completedAt", "metadata"];

    private static readonly string[] ExecutionDetailFields =
        ["activityState", "payload", "outputs", "properties", "exception", "aggregateFaultCount", "schedulingActivityExecutionId", "schedulingActivityId",
            "schedulingWorkflowInstanceId", "callStackDepth"];

    private static readonly string[] DefinitionRowFields =
        ["id", "definitionId", "name", "description", "version", "toolVersion", "isLatest", "isPublished", "providerName", "materializerName", "createdAt",
            "isReadonly", "isMaterializerAvailable", "links"];

    [Fact]
    public async Task Should_answer_the_studios_typed_shapes_field_by_field_When_the_lists_and_the_viewer_load()
    {
        var row = (await ElsaStudio.PostObjectAsync(_admin, "/workflow-instances", ListRequest()))["items"]!.AsArray()
            .Single(i => i!["id"]!.GetValue<string>() == _case.InstanceId)!.AsObject();
        AssertFields(InstanceRowFields, row, "id", "definitionId", "definitionVersionId", "version", "status", "subStatus", "correlationId", "incidentCount", "createdAt", "updatedAt");
        Assert.Equal(1, row["version"]!.GetValue<int>());

        var journal = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{_case.InstanceId}/journal?skip=0&take=5");
        var line = journal["items"]!.AsArray()[0]!.AsObject();
        AssertFields(JournalLineFields, line, "id", "activityInstanceId", "activityId", "activityType", "activityTypeVersion", "nodeId", "timestamp", "sequence", "eventName");
        Assert.True(line["activityTypeVersion"]!.GetValue<int>() >= 1);

        var summaries = await ElsaStudio.GetObjectAsync(_admin, $"/activity-execution-summaries/list?WorkflowInstanceId={_case.InstanceId}");
        var summary = summaries["items"]!.AsArray()[0]!.AsObject();
        AssertFields(ExecutionSummaryFields, summary, "id", "workflowInstanceId", "activityId", "activityNodeId", "activityType", "activityTypeVersion", "startedAt", "hasBookmarks", "status", "metadata");
        Assert.Equal(_case.InstanceId + ":", summary["id"]!.GetValue<string>()[..(_case.InstanceId.Length + 1)]);

        var record = await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/by-id?id={Uri.EscapeDataString(summary["id"]!.GetValue<string>())}");
        Assert.All(record.Select(p => p.Key), k => Assert.Contains(k, ExecutionSummaryFields.Concat(ExecutionDetailFields)));
        AssertFields(ExecutionDetailFields, new JsonObject(record.Where(p => ExecutionDetailFields.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))), "properties", "aggregateFaultCount", "callStackDepth");

        var definitions = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions?versionOptions=Latest");
        var definitionRow = definitions["items"]!.AsArray().Single(d => d!["definitionId"]!.GetValue<string>() == "case-lifecycle")!.AsObject();
        AssertFields(DefinitionRowFields, definitionRow, "id", "definitionId", "name", "version", "toolVersion", "isLatest", "isPublished", "materializerName", "createdAt", "isReadonly", "isMaterializerAvailable", "links");
        Assert.Equal("Json", definitionRow["materializerName"]!.GetValue<string>());
        Assert.Contains(definitionRow["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "self");
    }

    // The object's fields are the declared ones, in their order, with the required ones present.
    private static void AssertFields(string[] declared, JsonObject json, params string[] required)
    {
        var keys = json.Select(p => p.Key).ToList();
        Assert.Equal(declared.Where(keys.Contains), keys);
        Assert.All(required, k => Assert.True(json.ContainsKey(k), $"{k} missing from {json.ToJsonString()}"));
    }
}
