using System.Text.Json.Nodes;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The instance viewer drills into a workflow used as an activity (double-click): the version it reads by id marks such
/// nodes as Elsa's server does (the Studio needs all four references), the descriptor has the Root port its breadcrumb
/// names, the subgraph holds the child's flowchart and the report marks where the case waits inside it. The references
/// are never stored: saving what was read does not pin a child version.
/// </summary>
public abstract class ElsaChildWorkflowDrillTests : IAsyncLifetime
{
    private static readonly string[] References = ["workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId"];

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    /// <summary>Whether the host runs on PostgreSQL.</summary>
    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_mark_the_workflows_used_as_activities_When_the_viewer_reads_the_version_of_an_instance()
    {
        var run = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行");
        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{run.InstanceId}");

        var version = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{instance["definitionVersionId"]!.GetValue<string>()}");

        var handle = ElsaStudio.Activities(version["root"]!.AsObject()).Single(a => a["id"]!.GetValue<string>() == "handle");
        var published = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/handle?versionOptions=Published");
        Assert.Equal("handle", handle["workflowDefinitionId"]!.GetValue<string>());
        Assert.Equal(published["id"]!.GetValue<string>(), handle["workflowDefinitionVersionId"]!.GetValue<string>());
        Assert.Equal(published["version"]!.GetValue<int>(), handle["latestAvailablePublishedVersion"]!.GetValue<int>());
        Assert.Equal(published["id"]!.GetValue<string>(), handle["latestAvailablePublishedVersionId"]!.GetValue<string>());
        // The breadcrumb names the port it entered by ("承办: 子流程"); the port is no slot on the node.
        var descriptor = (await ElsaStudio.DescriptorsAsync(_admin))[("Handle", 1)];
        var root = descriptor["ports"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Root")!;
        Assert.Equal(("Embedded", false), (root["type"]!.GetValue<string>(), root["isBrowsable"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Should_answer_the_child_flowchart_with_its_waiting_activity_blocked_When_the_viewer_drills_into_a_child_workflow()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.Add(new HandlingUnit { Code = "DH-WY", Name = "东湖区物业服务中心", Level = UnitLevel.District, DistrictCode = "990103" });
            await db.SaveChangesAsync();
        }

        var run = await _host.StartCaseAsync("Help", "楼道灯坏了一个月没人修");
        await _host.ActAsync("RX-PD", "Dispatched", new { unitCode = "DH-WY" }, centre: true);
        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{run.InstanceId}");
        var versionId = instance["definitionVersionId"]!.GetValue<string>();
        var rootNode = (await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{versionId}"))["root"]!["nodeId"]!.GetValue<string>();
        // Where it waits inside a child (<root>:<child node>:<child root>:<activity>): the unit's task, the yellow-card timer.
        var waiting = instance["workflowState"]!["bookmarks"]!.AsArray().Select(b => b!["activityNodeId"]!.GetValue<string>())
            .Where(n => n.Split(':').Length == rootNode.Split(':').Length + 3).ToList();
        Assert.Contains($"{rootNode}:handle:handle-flowchart:task", waiting);
        Assert.Contains(waiting, n => n.StartsWith($"{rootNode}:escalation:", StringComparison.Ordinal) && n.EndsWith(":wait-yellow", StringComparison.Ordinal));

        foreach (var parent in waiting.Select(n => string.Join(':', n.Split(':')[..(rootNode.Split(':').Length + 1)])).Distinct())
        {
            var subgraph = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/subgraph/{versionId}?parentNodeId={Uri.EscapeDataString(parent)}");
            var child = subgraph["activity"]!["root"]!.AsObject();
            var nodeIds = child["activities"]!.AsArray().Select(a => a!["nodeId"]!.GetValue<string>()).ToList();
            var report = await ElsaStudio.PostObjectAsync(_admin, "/activity-executions/report", new JsonObject
            {
                ["workflowInstanceId"] = run.InstanceId,
                ["activityNodeIds"] = new JsonArray(nodeIds.Select(n => (JsonNode?)n).ToArray()),
            });

            Assert.Equal("Elsa.Flowchart", child["type"]!.GetValue<string>());
            Assert.True(subgraph["activity"]!.AsObject().ContainsKey("latestAvailablePublishedVersionId"), "the Studio re-indexes the node from the subgraph");
            var blocked = report["stats"]!.AsArray().Where(s => s!["isBlocked"]!.GetValue<bool>()).Select(s => s!["activityNodeId"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(waiting.Where(n => n.StartsWith(parent + ":", StringComparison.Ordinal)).Order(StringComparer.Ordinal), blocked);
        }
    }

    [Fact]
    public async Task Should_store_no_child_version_pin_When_the_studio_saves_a_version_it_read_by_id()
    {
        var latest = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Latest");
        var read = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{latest["id"]!.GetValue<string>()}");
        Assert.Contains(ElsaStudio.Activities(read["root"]!.AsObject()), a => a.ContainsKey("latestAvailablePublishedVersionId"));

        var saved = await SaveAsync(read);

        var stored = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/case-lifecycle?versionOptions={saved["version"]!.GetValue<int>()}");
        var children = ElsaStudio.Activities(stored["root"]!.AsObject()).Where(a => a.ContainsKey("workflowDefinitionId")).ToList();
        Assert.NotEmpty(children);
        Assert.All(children, a => Assert.DoesNotContain(References, a.ContainsKey));
    }

    [Fact]
    public async Task Should_keep_a_child_version_pin_of_the_document_When_the_studio_saves_it_back()
    {
        var handle = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/handle?versionOptions=Published");
        var pinned = handle["id"]!.GetValue<string>();
        var lifecycle = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Latest");
        ElsaStudio.Activities(lifecycle["root"]!.AsObject()).Single(a => a["id"]!.GetValue<string>() == "handle")["workflowDefinitionVersionId"] = pinned;
        var draft = await SaveAsync(lifecycle);
        handle["description"] = "办理 (v2)";
        await SaveAsync(handle, publish: true);
        var read = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{draft["id"]!.GetValue<string>()}");

        var saved = await SaveAsync(read);

        var node = ElsaStudio.Activities(saved["root"]!.AsObject()).Single(a => a["id"]!.GetValue<string>() == "handle");
        Assert.Equal(pinned, node["workflowDefinitionVersionId"]!.GetValue<string>());
        Assert.False(node.ContainsKey("latestAvailablePublishedVersionId"));
    }

    // The editor's Save (or Publish): the stored version as the answer holds it.
    private async Task<JsonObject> SaveAsync(JsonObject model, bool publish = false) =>
        (await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = model.DeepClone(), ["publish"] = publish }))["workflowDefinition"]!.AsObject();
}

/// <summary>On SQLite.</summary>
public sealed class SqliteElsaChildWorkflowDrillTests : ElsaChildWorkflowDrillTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlElsaChildWorkflowDrillTests : ElsaChildWorkflowDrillTests
{
    protected override bool OnPostgreSql => true;
}
