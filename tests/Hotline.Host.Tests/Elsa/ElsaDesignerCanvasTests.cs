using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Domain.Routing;
using Hotline.Workflows.Definitions;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The shipped definitions (<c>definitions/</c>) open on the Studio's canvas: every activity's (type, version) has a
/// descriptor, every connection leaves from a port the Studio draws and enters an "In" port, and node ids are those the
/// engine compiles (the viewer filters by them). The descriptors carry the engine's outcomes and the hotline's dropdowns.
/// </summary>
public sealed class ElsaDesignerCanvasTests : IAsyncLifetime
{
    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    public static TheoryData<string> Definitions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SharedFiles.RepositoryPath("definitions"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.AddRange(
                new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
                new HandlingUnit { Code = "DH-OLD", Name = "撤销单位", Level = UnitLevel.District, DistrictCode = "990103", IsActive = false },
                new Subject { Code = "SR", Name = "市容环境" },
                new Subject { Code = "SR-ZDJY", Name = "占道经营", ParentCode = "SR", DefaultCaseType = CaseType.Complaint });
            await db.SaveChangesAsync();
        }

        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Should_draw_every_activity_and_connection_When_a_shipped_definition_is_opened(string definitionId)
    {
        var descriptors = await ElsaStudio.DescriptorsAsync(_admin);
        var definition = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.Contains(definition["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "publish");
        var root = definition["root"]!.AsObject();
        var activities = root["activities"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());

        foreach (var activity in ElsaStudio.Activities(root))
        {
            var key = (activity["type"]!.GetValue<string>(), activity["version"]!.GetValue<int>());
            Assert.True(descriptors.ContainsKey(key), $"{definitionId}: no descriptor for {key}; the canvas would render empty.");
        }

        foreach (var connection in root["connections"]!.AsArray())
        {
            var source = activities[connection!["source"]!["activity"]!.GetValue<string>()];
            var target = activities[connection["target"]!["activity"]!.GetValue<string>()];
            var port = connection["source"]!["port"]?.GetValue<string>() ?? "Done";
            var ports = ElsaStudio.OutPorts(descriptors[(source["type"]!.GetValue<string>(), source["version"]!.GetValue<int>())], source);
            Assert.True(ports.Contains(port), $"{definitionId}: {source["id"]} has no port '{port}' on the canvas (it draws {string.Join(", ", ports)}).");
            Assert.Equal("In", connection["target"]!["port"]?.GetValue<string>() ?? "In");
            Assert.False(descriptors[(target["type"]!.GetValue<string>(), target["version"]!.GetValue<int>())]["isStart"]!.GetValue<bool>(), $"{definitionId}: {target["id"]} is a start node and has no In port.");
        }

        var blueprint = await _host.Runtime.CompileAsync(WorkflowDefinitionReader.Parse(definition.ToJsonString()));
        foreach (var activity in ElsaStudio.Activities(root))
            Assert.True(blueprint.Nodes.ContainsKey(activity["nodeId"]!.GetValue<string>()), $"{definitionId}: node id {activity["nodeId"]} is not what the engine compiles.");
    }

    [Fact]
    public async Task Should_describe_the_engines_outcomes_as_ports_When_the_activity_picker_loads()
    {
        var descriptors = await ElsaStudio.DescriptorsAsync(_admin);

        Assert.Equal(["True", "False"], FlowPorts(descriptors[("Elsa.FlowDecision", 1)]));
        Assert.Equal(["Unique", "Duplicate"], FlowPorts(descriptors[("Hotline.CheckDuplicates", 1)]));
        Assert.Empty(FlowPorts(descriptors[("Elsa.End", 1)]));
        Assert.True(descriptors[("Elsa.End", 1)]["isTerminal"]!.GetValue<bool>());
        Assert.True(descriptors[("Elsa.Start", 1)]["isStart"]!.GetValue<bool>());
        Assert.False(descriptors[("Elsa.Flowchart", 1)]["isBrowsable"]!.GetValue<bool>());
        // Outcomes chosen at run time: the Studio draws the values of the dynamic-outcomes input.
        Assert.Equal("dynamic-outcomes", Input(descriptors[("Hotline.HumanTask", 1)], "PossibleOutcomes")["uiHint"]!.GetValue<string>());
        Assert.Equal("dynamic-outcomes", Input(descriptors[("Hotline.CreateInboxTask", 1)], "PossibleOutcomes")["uiHint"]!.GetValue<string>());
        Assert.Equal("dynamic-outcomes", Input(descriptors[("Elsa.FlowFork", 1)], "Branches")["uiHint"]!.GetValue<string>());
        Assert.Equal("Task", descriptors[("Hotline.CreateInboxTask", 1)]["kind"]!.GetValue<string>());
        Assert.Equal("Trigger", descriptors[("Elsa.Event", 1)]["kind"]!.GetValue<string>());

        var flowSwitch = descriptors[("Elsa.FlowSwitch", 1)];
        Assert.Equal("flow-switch-editor", Input(flowSwitch, "Cases")["uiHint"]!.GetValue<string>());
        Assert.False(Input(flowSwitch, "Cases")["isWrapped"]!.GetValue<bool>());
        Assert.Equal(["MatchFirst", "MatchAny"], DropdownValues(Input(flowSwitch, "Mode")));
    }

    [Fact]
    public async Task Should_offer_published_definitions_usable_as_activities_with_their_inputs_outputs_and_outcomes()
    {
        var descriptors = await ElsaStudio.DescriptorsAsync(_admin);

        var handle = descriptors[("Handle", 1)];
        Assert.True(handle["isBrowsable"]!.GetValue<bool>());
        Assert.Equal(["Completed", "Returned"], FlowPorts(handle));
        Assert.Equal("WorkflowDefinitionActivity", handle["customProperties"]!["RootType"]!.GetValue<string>());
        Assert.Equal("handle", handle["constructionProperties"]!["WorkflowDefinitionId"]!.GetValue<string>());
        Assert.Equal(["CaseId", "UnitCode"], handle["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Contains(handle["outputs"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "Answer");
        Assert.Equal(["Done", "NoDeadline", "Restart", "Closed"], FlowPorts(descriptors[("Escalation13710", 1)]));
        Assert.Equal(["Done"], FlowPorts(descriptors[("Escalate", 1)]));
        Assert.DoesNotContain(descriptors.Keys, k => k.Type == "CaseLifecycle");
    }

    [Fact]
    public async Task Should_fill_unit_subject_and_case_type_dropdowns_from_the_database_When_an_input_takes_such_a_code()
    {
        var descriptors = await ElsaStudio.DescriptorsAsync(_admin);

        var units = DropdownValues(Input(descriptors[("Hotline.AssignUnit", 1)], "UnitCode"));
        Assert.Contains("DH-CG", units);
        Assert.DoesNotContain("DH-OLD", units);
        Assert.Equal(units, DropdownValues(Input(descriptors[("Hotline.CreateInboxTask", 1)], "UnitCode")));
        Assert.Equal(units, DropdownValues(Input(descriptors[("Handle", 1)], "UnitCode")));
        var subjects = Input(descriptors[("Hotline.RegisterCase", 1)], "SubjectCode");
        Assert.Contains(Items(subjects), i => i["value"]!.GetValue<string>() == "SR-ZDJY" && i["text"]!.GetValue<string>() == "市容环境 › 占道经营 (SR-ZDJY)");
        Assert.Equal(Enum.GetNames<CaseType>(), DropdownValues(Input(descriptors[("Hotline.RegisterCase", 1)], "CaseType")));
        Assert.Equal(["handle", "review-return", "review-extension", "review-answer", "callback", "dispatch", "progress-report", "supervise"], DropdownValues(Input(descriptors[("Hotline.CreateInboxTask", 1)], "Kind")));
        Assert.Equal("singleline", Input(descriptors[("Hotline.AssignUnit", 1)], "CaseId")["uiHint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_keep_the_descriptor_of_the_version_a_canvas_uses_When_a_newer_version_of_a_child_workflow_is_published()
    {
        var handle = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/handle?versionOptions=Latest");
        handle["description"] = "办理 (v2)";
        await ElsaStudio.PostObjectAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = handle.DeepClone(), ["publish"] = true });

        var descriptors = await ElsaStudio.DescriptorsAsync(_admin);

        Assert.True(descriptors[("Handle", 2)]["isBrowsable"]!.GetValue<bool>());
        Assert.False(descriptors[("Handle", 1)]["isBrowsable"]!.GetValue<bool>());
        var lifecycle = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Latest");
        Assert.Contains(ElsaStudio.Activities(lifecycle["root"]!.AsObject()), a => a["type"]!.GetValue<string>() == "Handle" && a["version"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task Should_find_the_path_to_a_node_inside_a_child_workflow_When_the_viewer_navigates_to_it()
    {
        var lifecycle = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions/by-definition-id/case-lifecycle?versionOptions=Latest");
        var versionId = lifecycle["id"]!.GetValue<string>();
        var rootNode = lifecycle["root"]!["nodeId"]!.GetValue<string>();
        var deskNode = $"{rootNode}:dispatch:dispatch-flowchart:desk";

        var path = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/subgraph/segments/{versionId}?childNodeId={Uri.EscapeDataString(deskNode)}");

        Assert.Equal(deskNode, path["childNode"]!["nodeId"]!.GetValue<string>());
        Assert.Equal("Hotline.CreateInboxTask", path["childNode"]!["activity"]!["type"]!.GetValue<string>());
        var segment = Assert.Single(path["pathSegments"]!.AsArray())!;
        Assert.Equal(($"{rootNode}:dispatch", "Dispatch", "Root"), (segment["activityNodeId"]!.GetValue<string>(), segment["activityType"]!.GetValue<string>(), segment["portName"]!.GetValue<string>()));
        Assert.Equal($"{rootNode}:dispatch", path["container"]!["nodeId"]!.GetValue<string>());

        // The viewer then shows the container's port ("root": the child workflow's flowchart) with the engine's node ids.
        var subgraph = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/subgraph/{versionId}?parentNodeId={Uri.EscapeDataString($"{rootNode}:dispatch")}");
        var childRoot = subgraph["activity"]!["root"]!.AsObject();
        Assert.Equal("Elsa.Flowchart", childRoot["type"]!.GetValue<string>());
        Assert.Contains(childRoot["activities"]!.AsArray(), a => a!["nodeId"]!.GetValue<string>() == deskNode);
    }

    private static JsonObject Input(JsonObject descriptor, string name) =>
        descriptor["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!.AsObject();

    private static List<JsonObject> Items(JsonObject input)
    {
        Assert.Equal("dropdown", input["uiHint"]!.GetValue<string>());
        return input["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    private static List<string> DropdownValues(JsonObject input) => Items(input).Select(i => i["value"]!.GetValue<string>()).ToList();

    private static List<string> FlowPorts(JsonObject descriptor) =>
        descriptor["ports"]!.AsArray().Where(p => p!["type"]!.GetValue<string>() == "Flow").Select(p => p!["name"]!.GetValue<string>()).ToList();
}
