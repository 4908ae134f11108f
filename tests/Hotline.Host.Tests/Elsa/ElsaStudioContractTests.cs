using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The contract test: every request Elsa Studio 3.8.2 made in the spike (<c>../shared/reference/elsa-studio/req-fake-*.jsonl</c>:
/// editor, activity picker, definition list, "create", instance list, viewer) is replayed against the host with an
/// administrator's token, and each answer must have the status, envelope, camelCase names and fields the Studio reads.
/// The spike's fixture is seeded first (as definition <c>def1</c>, its custom <c>Acme.Approval</c> played by the
/// engine's <c>Hotline.HumanTask</c>) and started once, so the recorded ids <c>v1</c> and <c>inst1</c> exist.
/// </summary>
public sealed class ElsaStudioContractTests : IAsyncLifetime
{
    private const string Spike = """
        {
          "definitionId": "def1", "name": "Spike workflow", "description": "stub", "toolVersion": "3.8.0.0",
          "variables": [ { "id": "var1", "name": "Decision", "typeName": "String", "isArray": false, "value": null, "storageDriverTypeName": null } ],
          "inputs": [], "outputs": [], "outcomes": [], "customProperties": {}, "isReadonly": false,
          "options": { "usableAsActivity": false, "autoUpdateConsumingWorkflows": false },
          "root": { "id": "flow1", "nodeId": "Workflow1:flow1", "name": "Flowchart1", "type": "Elsa.Flowchart", "version": 1, "customProperties": {}, "metadata": {}, "variables": [],
            "activities": [
              { "id": "start1", "name": "Start1", "type": "Elsa.Start", "version": 1, "customProperties": { "canStartWorkflow": true }, "metadata": {} },
              { "id": "appr1", "name": "Approval1", "type": "Hotline.HumanTask", "version": 1,
                "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Please approve" } },
                "assignee": { "typeName": "String", "expression": { "type": "Literal", "value": "alice" } },
                "possibleOutcomes": { "typeName": "List<String>", "expression": { "type": "Object", "value": "[\"Done\", \"Rejected\", \"Escalated\"]" } },
                "result": { "typeName": "Object", "memoryReference": { "id": "var1" } }, "customProperties": {}, "metadata": {} },
              { "id": "wl1", "name": "WriteLine1", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Rejected!" } }, "customProperties": {}, "metadata": {} },
              { "id": "end1", "name": "End1", "type": "Elsa.End", "version": 1, "customProperties": {}, "metadata": {} }
            ],
            "connections": [
              { "source": { "activity": "start1", "port": "Done" }, "target": { "activity": "appr1", "port": "In" } },
              { "source": { "activity": "appr1", "port": "Done" }, "target": { "activity": "end1", "port": "In" } },
              { "source": { "activity": "appr1", "port": "Rejected" }, "target": { "activity": "wl1", "port": "In" } }
            ] }
        }
        """;

    private static readonly string[] Statuses = ["Running", "Finished"];

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;
    private string _versionId = null!;
    private string _instanceId = null!;

    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SharedFiles.Path("reference", "elsa-studio"), "req-fake-*.jsonl").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        var saved = await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(Spike), ["publish"] = true });
        _versionId = saved["workflowDefinition"]!["id"]!.GetValue<string>();
        using var run = await ElsaStudio.PostAsync(_admin, "/workflow-definitions/def1/execute", JsonNode.Parse("""{"correlationId":null,"triggerActivityId":null,"versionOptions":"Published","input":null}"""));
        Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
        _instanceId = run.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Should_have_recordings_of_every_screen_When_the_contract_is_replayed()
    {
        var files = Directory.EnumerateFiles(SharedFiles.Path("reference", "elsa-studio"), "req-fake-*.jsonl").Select(Path.GetFileName).ToList();
        Assert.Contains("req-fake-editor-scenario.jsonl", files);
        Assert.Contains("req-fake-create.jsonl", files);
        Assert.Contains("req-fake-instances.jsonl", files);
        Assert.Contains("req-fake-viewer.jsonl", files);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Should_answer_every_recorded_Studio_request_with_the_shape_the_Studio_reads(string recording)
    {
        var lines = await File.ReadAllLinesAsync(SharedFiles.Path("reference", "elsa-studio", recording));
        var replayed = 0;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var entry = JsonNode.Parse(line)!.AsObject();
            var method = entry["method"]!.GetValue<string>();
            if (method == "OPTIONS")
                continue; // Preflights: ElsaSecurityTests.
            var url = entry["url"]!.GetValue<string>()
                .Replace("/by-id/v1", $"/by-id/{_versionId}", StringComparison.Ordinal)
                .Replace("Ids=v1", $"Ids={_versionId}", StringComparison.Ordinal)
                .Replace("inst1", _instanceId, StringComparison.Ordinal);
            var body = entry["body"]?.GetValue<string>()
                .Replace("Acme.Approval", "Hotline.HumanTask", StringComparison.Ordinal)
                .Replace("\"inst1\"", $"\"{_instanceId}\"", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
                request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(entry["ctype"]?.GetValue<string>()?.Split(';')[0] ?? "application/json"));
            using var response = await _admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{recording}: {method} {url} → {(int)response.StatusCode} {text}");
            var path = new Uri(new Uri("http://host"), url).AbsolutePath[ElsaStudio.Api.Length..];
            CheckShape(method, path, response, text);
            replayed++;
        }

        Assert.True(replayed > 0);
    }

    private void CheckShape(string method, string path, HttpResponseMessage response, string text)
    {
        if (path.EndsWith("/execute", StringComparison.Ordinal))
        {
            // The Run button reads the headers only.
            Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("x-elsa-workflow-instance-id").Single()));
            Assert.Equal("False", response.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(text)!.AsObject();
        ElsaStudio.AssertCamelCase(json, path);
        switch (method, path)
        {
            case ("GET", "/descriptors/activities"):
                var descriptors = ListOf(json);
                Assert.Contains(descriptors, d => d["typeName"]!.GetValue<string>() == "Hotline.HumanTask");
                foreach (var descriptor in descriptors)
                {
                    foreach (var field in new[] { "typeName", "namespace", "name", "category", "kind" })
                        Assert.NotNull(descriptor[field]);
                    Assert.True(descriptor["version"]!.GetValue<int>() >= 1);
                    Assert.IsType<JsonArray>(descriptor["ports"]);
                    Assert.IsType<JsonObject>(descriptor["customProperties"]);
                    Assert.IsType<JsonObject>(descriptor["constructionProperties"]);
                    foreach (var input in descriptor["inputs"]!.AsArray())
                    {
                        Assert.True(input!["isBrowsable"]!.GetValue<bool>(), $"{descriptor["typeName"]}.{input["name"]} must be browsable to show.");
                        Assert.False(string.IsNullOrEmpty(input["uiHint"]!.GetValue<string>()));
                        Assert.False(string.IsNullOrEmpty(input["typeName"]!.GetValue<string>()));
                    }
                }

                break;
            case ("GET", "/descriptors/expression-descriptors"):
                foreach (var item in ListOf(json))
                    Assert.All(item["properties"]!.AsObject(), p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value!.GetValueKind()));
                Assert.Contains(ListOf(json), d => d["type"]!.GetValue<string>() == "Literal");
                Assert.Contains(ListOf(json), d => d["type"]!.GetValue<string>() == "Object");
                break;
            case ("GET", "/descriptors/workflow-activation-strategies" or "/descriptors/log-persistence-strategies" or "/descriptors/incident-strategies"):
                Assert.All(ListOf(json), s => Assert.False(string.IsNullOrEmpty(s["typeName"]!.GetValue<string>())));
                Assert.NotEmpty(ListOf(json));
                break;
            case ("GET", "/descriptors/commit-strategies/workflows" or "/features/installed"):
                ListOf(json);
                break;
            case ("GET", "/descriptors/variables" or "/descriptors/storage-drivers"):
                Assert.All(json["items"]!.AsArray(), i => Assert.False(string.IsNullOrEmpty(i!["typeName"]!.GetValue<string>())));
                break;
            case ("GET", "/descriptors/output-converters"):
                Assert.IsType<JsonArray>(json["items"]);
                break;
            case ("GET", _) when path.StartsWith("/workflow-definitions/by-definition-id/", StringComparison.Ordinal) || path.StartsWith("/workflow-definitions/by-id/", StringComparison.Ordinal):
                CheckDefinition(json);
                break;
            case ("POST", "/workflow-definitions"):
                CheckDefinition(json["workflowDefinition"]!.AsObject());
                Assert.IsType<bool>(json["alreadyPublished"]!.GetValue<bool>());
                Assert.Equal(0, json["consumingWorkflowCount"]!.GetValue<int>());
                break;
            case ("GET", "/workflow-definitions"):
                Assert.Contains(json["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "bulk-publish");
                var summaries = json["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
                Assert.True(json["totalCount"]!.GetValue<long>() >= summaries.Count);
                foreach (var summary in summaries)
                {
                    foreach (var field in new[] { "id", "definitionId", "name", "materializerName", "createdAt" })
                        Assert.NotNull(summary[field]);
                    Assert.Contains(summary["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "publish");
                }

                break;
            case ("GET", "/workflow-definitions/validation/is-name-unique"):
                Assert.IsType<bool>(json["isUnique"]!.GetValue<bool>());
                break;
            case ("POST", "/workflow-instances"):
                var rows = json["items"]!.AsArray();
                Assert.Contains(rows, r => r!["id"]!.GetValue<string>() == _instanceId);
                Assert.All(rows, r => Assert.Contains(r!["status"]!.GetValue<string>(), Statuses));
                Assert.True(json["totalCount"]!.GetValue<long>() >= rows.Count);
                break;
            case ("GET", _) when path == $"/workflow-instances/{_instanceId}":
                Assert.Equal(_versionId, json["definitionVersionId"]!.GetValue<string>());
                var state = json["workflowState"]!.AsObject();
                Assert.Equal("Suspended", state["subStatus"]!.GetValue<string>());
                foreach (var collection in new[] { "bookmarks", "incidents", "completionCallbacks", "activityExecutionContexts" })
                    Assert.IsType<JsonArray>(state[collection]);
                Assert.Contains(state["bookmarks"]!.AsArray(), b => b!["activityNodeId"]!.GetValue<string>() == "Workflow1:flow1:appr1");
                break;
            case ("POST", _) when path.EndsWith("/journal", StringComparison.Ordinal):
                var journal = json["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
                Assert.NotEmpty(journal);
                Assert.Equal(journal.Count, json["totalCount"]!.GetValue<long>());
                Assert.Equal(journal.Select(j => j["sequence"]!.GetValue<long>()).Order(), journal.Select(j => j["sequence"]!.GetValue<long>()));
                Assert.All(journal, j => Assert.StartsWith("Workflow1:flow1:", j["nodeId"]!.GetValue<string>(), StringComparison.Ordinal));
                Assert.Contains(journal, j => j["activityId"]!.GetValue<string>() == "appr1" && j["eventName"]!.GetValue<string>() == "Started");
                break;
            case ("GET", _) when path.EndsWith("/variables", StringComparison.Ordinal):
                Assert.Contains(ListOf(json), v => v["name"]!.GetValue<string>() == "Decision");
                break;
            case ("GET", "/activity-executions/list" or "/activity-execution-summaries/list"):
                ListOf(json);
                break;
            case ("POST", "/activity-executions/report"):
                var stats = json["stats"]!.AsArray().Select(s => s!.AsObject()).ToList();
                var approval = Assert.Single(stats, s => s["activityNodeId"]!.GetValue<string>() == "Workflow1:flow1:appr1");
                Assert.True(approval["isBlocked"]!.GetValue<bool>());
                Assert.Equal(1, approval["uncompletedCount"]!.GetValue<long>());
                break;
            default:
                Assert.Fail($"The replay has no shape check for {method} {path}.");
                break;
        }
    }

    private static List<JsonObject> ListOf(JsonObject json)
    {
        var items = json["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(items.Count, json["count"]!.GetValue<long>());
        return items;
    }

    private static void CheckDefinition(JsonObject definition)
    {
        foreach (var field in new[] { "id", "definitionId", "name", "createdAt", "materializerName" })
            Assert.NotNull(definition[field]);
        Assert.True(Version.TryParse(definition["toolVersion"]!.GetValue<string>(), out _));
        Assert.True(definition["version"]!.GetValue<int>() >= 1);
        Assert.IsType<bool>(definition["isLatest"]!.GetValue<bool>());
        Assert.IsType<bool>(definition["isPublished"]!.GetValue<bool>());
        foreach (var collection in new[] { "variables", "inputs", "outputs", "outcomes" })
            Assert.IsType<JsonArray>(definition[collection]);
        Assert.IsType<JsonObject>(definition["options"]);
        Assert.IsType<JsonObject>(definition["customProperties"]);
        Assert.Contains(definition["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "publish");
        var root = definition["root"]!.AsObject();
        Assert.Equal("Elsa.Flowchart", root["type"]!.GetValue<string>());
        foreach (var activity in ElsaStudio.Activities(root))
        {
            Assert.True(activity["version"]!.GetValue<int>() >= 1);
            Assert.StartsWith("Workflow1:", activity["nodeId"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
