using System.Text;
using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Definitions;

/// <summary>Reading, writing and compiling Elsa 3 definition JSON: round-trips, byte-order marks, and errors that say where.</summary>
public sealed class DefinitionLoaderTests
{
    private readonly TestEngine _engine = new();

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestEngine.SharedPath("elsa-fixtures"), "*.json").Order(StringComparer.Ordinal))
            if (Path.GetFileName(file) != "expected.json")
                data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Should_keep_every_property_When_a_fixture_is_parsed_written_and_parsed_again(string file)
    {
        var text = File.ReadAllText(TestEngine.SharedPath("elsa-fixtures", file));
        var original = JsonNode.Parse(text.TrimStart('\uFEFF'))!.AsObject();
        original.Remove("$schema");
        // Older shapes (flat connections, top-level usableAsActivity) come back in the current shape; OlderShapeTests pins that shape.
        OlderShapes.Normalise(original);

        var once = WorkflowDefinitionReader.Parse(text);
        var twice = WorkflowDefinitionReader.Parse(WorkflowDefinitionReader.Write(once));

        Assert.True(JsonNode.DeepEquals(original, twice.Document), $"{file} changed on the round-trip:\n{twice.Document.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Should_start_with_the_schema_and_read_back_the_same_When_a_fixture_is_exported(string file)
    {
        var definition = WorkflowDefinitionReader.ReadFile(TestEngine.SharedPath("elsa-fixtures", file));

        var export = WorkflowDefinitionReader.Write(definition, export: true);

        var exported = JsonNode.Parse(export)!.AsObject();
        var first = exported.First();
        Assert.Equal("$schema", first.Key);
        Assert.Equal(WorkflowDefinition.SchemaUrl, first.Value!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(definition.Document, WorkflowDefinitionReader.Parse(export).Document));
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public async Task Should_compile_When_a_fixture_is_loaded(string file)
    {
        var definitions = Directory.GetFiles(TestEngine.SharedPath("elsa-fixtures"), "*.json")
            .Where(f => Path.GetFileName(f) is not "expected.json")
            .Select(WorkflowDefinitionReader.ReadFile)
            .Where(d => d.UsableAsActivity)
            .ToList();
        foreach (var dependency in definitions)
            await _engine.Definitions.SaveAsync([dependency]);
        var definition = WorkflowDefinitionReader.ReadFile(TestEngine.SharedPath("elsa-fixtures", file));

        var blueprint = await _engine.Runtime.CompileAsync(definition);

        Assert.Equal(definition.Root["id"]!.GetValue<string>(), blueprint.Root.Id);
        Assert.Equal("Workflow1:" + blueprint.Root.Id, blueprint.Root.NodeId);
    }

    [Fact]
    public void Should_parse_the_same_definition_When_the_text_or_bytes_start_with_a_byte_order_mark()
    {
        var path = TestEngine.SharedPath("elsa-fixtures", "timer-workflow.json");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var fromBytes = WorkflowDefinitionReader.Parse(bytes);
        var fromText = WorkflowDefinitionReader.Parse(Encoding.UTF8.GetString(bytes));
        var fromFile = WorkflowDefinitionReader.ReadFile(path);

        Assert.Equal("\uFEFF", Encoding.UTF8.GetString(bytes)[..1]);
        Assert.True(JsonNode.DeepEquals(fromBytes.Document, fromText.Document));
        Assert.True(JsonNode.DeepEquals(fromBytes.Document, fromFile.Document));
        Assert.Equal("Elsa.Flowchart", fromBytes.Root["type"]!.GetValue<string>());
    }

    [Fact]
    public void Should_accept_a_definition_wrapped_in_a_model_When_it_comes_from_the_save_request()
    {
        var definition = new FlowchartBuilder("wrapped").WriteLine("say", "hi").Build();

        var parsed = WorkflowDefinitionReader.Parse(new JsonObject { ["model"] = definition, ["publish"] = true }.ToJsonString());

        Assert.Equal("wrapped", parsed.DefinitionId);
        Assert.Equal("say", parsed.Root["activities"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_name_the_activity_id_type_and_version_When_an_activity_type_is_unknown()
    {
        var workflow = new FlowchartBuilder().Start().Add("mystery", "Acme.Teleport", version: 3).Chain("start", "mystery");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        var problem = Assert.Single(error.Errors, e => e.ActivityId == "mystery");
        Assert.Equal("Acme.Teleport", problem.ActivityType);
        Assert.Equal(3, problem.ActivityVersion);
        Assert.Contains("Unknown activity type 'Acme.Teleport'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("activity 'mystery' (Acme.Teleport v3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_version_When_a_known_activity_type_has_an_unknown_version()
    {
        var workflow = new FlowchartBuilder().Add("say", "Elsa.WriteLine", a => a.Literal("text", "hi"), version: 9);

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("say", problem.ActivityId);
        Assert.Equal(9, problem.ActivityVersion);
        Assert.Contains("Unknown version 9 of activity type 'Elsa.WriteLine'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_missing_activity_When_a_connection_points_nowhere()
    {
        var workflow = new FlowchartBuilder().Start().Connect("start", "ghost");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        var problem = Assert.Single(error.Errors);
        Assert.Contains("'ghost'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("connections[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_every_problem_When_a_definition_has_several()
    {
        var workflow = new FlowchartBuilder()
            .Add("one", "Acme.One")
            .Add("two", "Elsa.Delay", a => a.Literal("timeSpan", "soon", "TimeSpan"))
            .Connect("two", "nowhere");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.ActivityId == "one");
        Assert.Contains(error.Errors, e => e.ActivityId == "two" && e.Message.Contains("'soon'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_name_the_path_and_line_When_the_json_is_malformed()
    {
        const string json = "{\n  \"definitionId\": \"broken\",\n  \"root\": {\n    \"type\": \"Elsa.Flowchart\",\n    \"activities\": [ { \"id\": \"a\" ]\n  }\n}";

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionReader.Parse(json));

        var problem = Assert.Single(error.Errors);
        Assert.StartsWith("Malformed JSON", problem.Message, StringComparison.Ordinal);
        // System.Text.Json reports no path for a JsonNode parse, so the error names the (1-based) line.
        Assert.Equal("line 5", problem.Path);
        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_path_When_the_root_is_missing()
    {
        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionReader.Parse("""{"definitionId":"x","variables":{}}"""));

        Assert.Contains(error.Errors, e => e.Path == "$.root");
        Assert.Contains(error.Errors, e => e.Path == "$.variables");
    }

    [Theory]
    [InlineData("Elsa.FlowDecision", "condition", "Boolean", "maybe")]
    [InlineData("Elsa.Delay", "timeSpan", "TimeSpan", "abc")]
    [InlineData("Elsa.StartAt", "dateTime", "DateTimeOffset", "not a date")]
    public async Task Should_reject_the_definition_When_a_literal_does_not_convert_to_the_input_type(string type, string input, string typeName, string literal)
    {
        var workflow = new FlowchartBuilder().Add("bad", type, a => a.Literal(input, literal, typeName));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("bad", problem.ActivityId);
        Assert.Equal(input, problem.Input);
        Assert.Contains($"'{literal}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_reject_the_definition_naming_the_variable_When_a_variable_default_does_not_convert()
    {
        var workflow = new FlowchartBuilder().Variable("Count", "Int32", "abc").Variable("Fine", "Int32", "7").Start();

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.variables", problem.Path);
        Assert.Contains("Variable 'Count'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_reject_the_definition_When_an_expression_syntax_is_not_supported()
    {
        var workflow = new FlowchartBuilder().Add("say", "Elsa.WriteLine", a => a.Expression("text", "Liquid", "{{ Variables.Name }}", "String"));

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => _engine.Runtime.CompileAsync(workflow.Definition()));

        Assert.Contains("'Liquid'", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_assign_node_ids_from_the_root_When_the_definition_has_none()
    {
        var workflow = new FlowchartBuilder().Start().WriteLine("say", "hi").Chain("start", "say");

        var blueprint = await _engine.Runtime.CompileAsync(workflow.Definition());

        Assert.Equal("Workflow1:flowchart1", blueprint.Root.NodeId);
        Assert.Contains("Workflow1:flowchart1:say", blueprint.Nodes.Keys);
    }
}
