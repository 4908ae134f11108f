using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using static Hotline.Host.Tests.Elsa.StudioModels;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Elsa's containers and loops through the Studio's calls: their descriptors expose embedded ports (Body, Then, Else) as
/// Elsa's describer does, so the toolbox lists them under Looping and Branching and the designer can drill into a body;
/// a body survives save and load unchanged; publishing checks the activities inside bodies; the subgraph the designer
/// reads for a loop holds its body with the engine's node ids.
/// </summary>
public sealed class ElsaContainerTests : IAsyncLifetime
{
    private HotlineFactory _factory = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _factory = new HotlineFactory(null);
        _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("Elsa.If", "分支", "Then,Else")]
    [InlineData("Elsa.ForEach", "循环", "Body")]
    [InlineData("Elsa.For", "循环", "Body")]
    [InlineData("Elsa.While", "循环", "Body")]
    [InlineData("Elsa.ParallelForEach", "循环", "Body")]
    [InlineData("Elsa.Switch", "分支", "Default")]
    public async Task Should_describe_embedded_ports_before_Done_When_the_toolbox_reads_a_container(string type, string category, string embedded)
    {
        var descriptor = (await ElsaStudio.DescriptorsAsync(_admin))[(type, 1)];

        var ports = descriptor["ports"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["type"]!.GetValue<string>())).ToList();
        Assert.Equal([.. embedded.Split(',').Select(p => (p, "Embedded")), ("Done", "Flow")], ports);
        Assert.True(descriptor["isBrowsable"]!.GetValue<bool>());
        Assert.Equal(category, descriptor["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_give_back_the_body_unchanged_When_a_definition_with_a_loop_is_saved_and_read()
    {
        var model = WithLoop(Create("Loops")["model"]!.AsObject(), "'' + getCurrentValue()");

        var saved = (await SaveAsync(_admin, model, publish: false))["workflowDefinition"]!.AsObject();
        var read = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{saved["id"]!.GetValue<string>()}");

        var sent = Loop(model)["body"]!;
        var body = Loop(read)["body"]!;
        Assert.True(JsonNode.DeepEquals(Without(sent, "nodeId"), Without(body, "nodeId")), body.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_to_publish_naming_the_activity_in_the_body_When_a_script_in_a_loop_body_names_no_variable()
    {
        var model = WithLoop(Create("Loops")["model"]!.AsObject(), "getNoSuchThing()");

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("write", text, StringComparison.Ordinal);
        Assert.Contains("getNoSuchThing()", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_publish_and_answer_the_body_with_node_ids_When_the_designer_asks_for_a_loop_subgraph()
    {
        var published = (await SaveAsync(_admin, WithLoop(Create("Loops")["model"]!.AsObject(), "'' + getCurrentValue()"), publish: true))["workflowDefinition"]!.AsObject();
        var versionId = published["id"]!.GetValue<string>();
        var rootNode = (await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-id/{versionId}"))["root"]!["nodeId"]!.GetValue<string>();

        var subgraph = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/subgraph/{versionId}?parentNodeId={Uri.EscapeDataString(rootNode + ":loop")}");

        var body = subgraph["activity"]!["body"]!;
        Assert.Equal($"{rootNode}:loop:body", body["nodeId"]!.GetValue<string>());
        Assert.Equal($"{rootNode}:loop:body:write", body["activities"]![0]!["nodeId"]!.GetValue<string>());
        Assert.Null(subgraph["activity"]!["root"]);
        var segments = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/subgraph/segments/{versionId}?childNodeId={Uri.EscapeDataString(rootNode + ":loop:body:write")}");
        Assert.Contains(segments["pathSegments"]!.AsArray(), s => s!["activityId"]!.GetValue<string>() == "loop" && s["portName"]!.GetValue<string>() == "Body");
    }

    // A flowchart holding a ForEach over three numbers whose body is a Sequence writing a line per item.
    private static JsonObject WithLoop(JsonObject definition, string script)
    {
        var model = WithActivities(definition);
        model["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""
            {"id":"loop","type":"Elsa.ForEach","version":1,"name":"Loop",
             "items":{"typeName":"Object","expression":{"type":"JavaScript","value":"[1, 2, 3]"}},
             "body":{"id":"body","type":"Elsa.Sequence","version":1,"name":"Body","variables":[],
               "activities":[{"id":"write","type":"Elsa.WriteLine","version":1,"name":"Write",
                 "text":{"typeName":"String","expression":{"type":"JavaScript","value":"SCRIPT"}}}]},
             "customProperties":{},"metadata":{"designer":{"position":{"x":0,"y":0}}}}
            """.Replace("\"SCRIPT\"", JsonValue.Create(script).ToJsonString(), StringComparison.Ordinal)));
        return model;
    }

    private static JsonObject Loop(JsonObject definition) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "loop")!.AsObject();

    private static JsonNode Without(JsonNode node, string property)
    {
        var copy = node.DeepClone();
        foreach (var json in Descend(copy))
            json.Remove(property);
        return copy;
    }

    private static IEnumerable<JsonObject> Descend(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).SelectMany(Descend)],
        JsonArray a => a.SelectMany(Descend),
        _ => [],
    };
}
