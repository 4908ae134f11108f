using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Definitions;

/// <summary>
/// The older definition shapes Elsa 3.8's reader still accepts (its FlowchartJsonConverter, ConnectionJsonConverter and
/// WorkflowDefinitionMapper) load, run, and are saved in the current shape.
/// </summary>
public sealed class OlderShapeTests
{
    private const string Chain = """{ "source": { "activity": "W1", "port": "Done" }, "target": { "activity": "W2", "port": "In" } }, { "source": { "activity": "W2", "port": "Done" }, "target": { "activity": "W3", "port": "In" } }""";

    private readonly TestEngine _engine = new();

    public static TheoryData<string> ChainShapes() => new()
    {
        """[{ "source": "W1", "target": "W2", "sourcePort": "Done", "targetPort": "In" }, { "source": "W2", "target": "W3", "sourcePort": "Done", "targetPort": "In" }]""",
        """[{ "source": "W1", "target": "W2" }, { "source": "W2", "target": "W3" }]""",
        """[{ "Source": { "Activity": "W1", "Port": "Done" }, "Target": { "Activity": "W2", "Port": "In" } }, { "Source": { "Activity": "W2", "Port": "Done" }, "Target": { "Activity": "W3", "Port": "In" } }]""",
        """{ "$values": [""" + Chain + "] }",
        """{ "$values": [{ "source": "W1", "target": "W2", "sourcePort": "Done", "targetPort": "In" }, { "source": "W2", "target": "W3", "sourcePort": "Done", "targetPort": "In" }] }""",
    };

    [Theory]
    [MemberData(nameof(ChainShapes))]
    public async Task Should_run_along_the_connections_When_they_are_in_an_older_shape(string connections)
    {
        // Listed W3, W1, W2: only the connections make W1 the start (the first activity with no inbound connection).
        var definition = WorkflowDefinitionReader.Parse(Definition("chain", connections, [WriteLine("W3"), WriteLine("W1"), WriteLine("W2")]));

        var result = await _engine.RunAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["W1", "W2", "W3"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_run_the_one_connection_When_connections_is_a_single_object()
    {
        var definition = WorkflowDefinitionReader.Parse(Definition("single", """{ "source": "W1", "target": "W2", "sourcePort": "Done", "targetPort": "In" }""", [WriteLine("W2"), WriteLine("W1")]));

        await _engine.RunAsync(definition);

        Assert.Equal(["W1", "W2"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_start_where_Elsa_starts_When_an_older_export_names_a_start_activity()
    {
        // Elsa 3.8's flowchart reader does not read "start": the start is the first activity without inbound connections.
        var definition = WorkflowDefinitionReader.Parse(Definition("start", "[" + Chain + "]", [WriteLine("W1"), WriteLine("W2"), WriteLine("W3")], rootExtra: "\"start\": \"W2\","));

        var result = await _engine.RunAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["W1", "W2", "W3"], _engine.Output.Lines);
        Assert.Equal("W2", definition.Root["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_run_nine_atoms_When_definitions_used_as_activities_say_so_at_the_top_level_or_in_options()
    {
        // Elsa's DependencyWorkflows scenario: matter uses molecule three times, molecule uses atom three times.
        var atom = Definition("atom", "[]", [WriteLine("Atom")], name: "Atom Activity", topExtra: "\"usableAsActivity\": true, \"options\": { \"autoUpdateConsumingWorkflows\": true },");
        var molecule = Definition("molecule", Flat("A1", "A2", "A3"), [Use("A1", "AtomActivity"), Use("A2", "AtomActivity"), Use("A3", "AtomActivity")], name: "Molecule Activity", topExtra: "\"options\": { \"usableAsActivity\": true },");
        var matter = Definition("matter", Flat("M2", "M1", "M3"), [Use("M1", "MoleculeActivity"), Use("M3", "MoleculeActivity"), Use("M2", "MoleculeActivity")], rootExtra: "\"start\": \"M2\", \"applicationProperties\": { \"NotFoundConnectionsKey\": [] },");
        foreach (var dependency in new[] { atom, molecule })
            await WorkflowFileRunner.PublishImportedAsync(_engine.Runtime, WorkflowDefinitionReader.Parse(dependency));

        var result = await _engine.RunAsync(WorkflowDefinitionReader.Parse(matter));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(Enumerable.Repeat("Atom", 9), _engine.Output.Lines);
        Assert.True(WorkflowDefinitionReader.Parse(atom).UsableAsActivity);
    }

    [Fact]
    public void Should_keep_the_options_value_When_usableAsActivity_is_also_at_the_top_level()
    {
        var definition = WorkflowDefinitionReader.Parse(Definition("both", "[]", [WriteLine("W1")], topExtra: "\"usableAsActivity\": true, \"options\": { \"usableAsActivity\": false },"));

        Assert.False(definition.UsableAsActivity);
        Assert.False(definition.Document.ContainsKey("usableAsActivity"));
    }

    [Fact]
    public void Should_write_the_current_shape_When_an_older_definition_is_saved_and_exported()
    {
        var older = Definition("older", """[{ "source": "W1", "target": "W2", "sourcePort": "Done", "targetPort": "In" }]""", [WriteLine("W1"), WriteLine("W2")],
            rootExtra: "\"start\": \"W1\", \"applicationProperties\": { \"NotFoundConnectionsKey\": [] },", topExtra: "\"usableAsActivity\": true,");

        foreach (var written in new[] { WorkflowDefinitionReader.Write(WorkflowDefinitionReader.Parse(older)), WorkflowDefinitionReader.Write(WorkflowDefinitionReader.Parse(older), export: true) })
        {
            var document = JsonNode.Parse(written)!.AsObject();
            var connection = JsonNode.Parse("""{ "source": { "activity": "W1", "port": "Done" }, "target": { "activity": "W2", "port": "In" } }""");
            Assert.True(JsonNode.DeepEquals(new JsonArray(connection), document["root"]!["connections"]), document["root"]!["connections"]!.ToJsonString());
            Assert.False(document.ContainsKey("usableAsActivity"));
            Assert.True(document["options"]!["usableAsActivity"]!.GetValue<bool>());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "NotFoundConnectionsKey": [] }"""), document["root"]!["applicationProperties"]));
        }
    }

    [Fact]
    public void Should_rewrite_the_connections_of_a_nested_flowchart_When_it_has_an_older_shape()
    {
        var body = $$"""{ "id": "body", "type": "Elsa.Flowchart", "version": 1, "activities": [{{WriteLine("W1")}}, {{WriteLine("W2")}}], "connections": [{ "source": "W1", "target": "W2" }] }""";
        var node = $$"""{ "id": "node", "type": "Elsa.FlowNode", "version": 1, "body": {{body}} }""";

        var definition = WorkflowDefinitionReader.Parse(Definition("nested", "[]", [node]));

        var connections = definition.Root["activities"]![0]!["body"]!["connections"]!;
        Assert.Equal("W1", connections[0]!["source"]!["activity"]!.GetValue<string>());
        Assert.Equal("W2", connections[0]!["target"]!["activity"]!.GetValue<string>());
    }

    private static string Definition(string id, string connections, string[] activities, string name = "Older", string rootExtra = "", string topExtra = "") => $$"""
        {
          "id": "{{id}}-v1", "definitionId": "{{id}}", "name": "{{name}}", "version": 1, {{topExtra}}
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1, {{rootExtra}}
            "activities": [{{string.Join(", ", activities)}}],
            "connections": {{connections}} }
        }
        """;

    private static string WriteLine(string text) =>
        $$"""{ "id": "{{text}}", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{text}}" } } }""";

    private static string Use(string id, string type) => $$"""{ "id": "{{id}}", "type": "{{type}}", "version": 1 }""";

    private static string Flat(string first, string second, string third) =>
        $$"""[{ "source": "{{first}}", "target": "{{second}}", "sourcePort": "Done", "targetPort": "In" }, { "source": "{{second}}", "target": "{{third}}", "sourcePort": "Done", "targetPort": "In" }]""";
}
