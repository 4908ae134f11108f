using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Every definition Elsa 3.8 exported (<c>../shared/elsa-fixtures/</c>) imports through the Studio's import endpoint,
/// exports again through its export endpoint (a file download), and the exported files run on a fresh engine with the
/// lines and status <c>expected.json</c> gives — what was imported is what runs.
/// </summary>
public sealed class ElsaFixtureRoundTripTests : IAsyncLifetime
{
    private readonly HotlineFactory _factory = new();
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "hotline-elsa-exports-" + Guid.NewGuid().ToString("N"));
    private HttpClient _admin = null!;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Expected()["cases"]!.AsArray())
            data.Add(item!["run"]![0]!.GetValue<string>());
        return data;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_exports);
        _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        Directory.Delete(_exports, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_run_the_export_with_the_expected_lines_and_status_When_an_Elsa_fixture_is_imported_and_exported(string file)
    {
        var expected = Expected()["cases"]!.AsArray().First(c => c!["run"]![0]!.GetValue<string>() == file)!;
        var files = expected["run"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

        // Dependencies first: a definition used as an activity is imported and published before the one that uses it.
        var exported = new Dictionary<string, string>();
        foreach (var name in files.Skip(1).Reverse().Append(files[0]))
        {
            var original = WorkflowDefinitionReader.ReadFile(SharedFiles.Path("elsa-fixtures", name));
            var imported = await ImportAsync(name, asFile: name == files[0]);
            Assert.Equal(original.DefinitionId, imported["definitionId"]!.GetValue<string>());
            Assert.False(imported["isPublished"]!.GetValue<bool>());
            var published = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-definitions/{original.DefinitionId}/publish", new JsonObject());
            Assert.True(published["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
            exported[name] = await ExportAsync(original.DefinitionId);
        }

        var engine = new Engine();
        var result = await WorkflowFileRunner.RunAsync(engine.Runtime, files.Select(f => exported[f]).ToList(), fastTimers: true);

        if (expected["lines"] is JsonArray lines)
            Assert.Equal(lines.Select(l => l!.GetValue<string>()).ToList(), engine.Output.Lines);
        if (expected["status"] is JsonValue status)
            Assert.Equal(status.GetValue<string>(), result.StatusText);
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
    }

    [Fact]
    public async Task Should_keep_every_activity_connection_and_setting_When_Elsas_own_export_is_imported_and_exported()
    {
        var original = JsonNode.Parse(File.ReadAllText(SharedFiles.Path("elsa-fixtures", "triggers-export.json")))!.AsObject();
        await ImportAsync("triggers-export.json", asFile: false);

        var export = JsonNode.Parse(File.ReadAllText(await ExportAsync(original["definitionId"]!.GetValue<string>(), "Latest")))!.AsObject();

        Assert.Equal("$schema", export.First().Key);
        foreach (var property in new[] { "definitionId", "name", "description", "variables", "inputs", "outputs", "outcomes", "options" })
            Assert.True(JsonNode.DeepEquals(original[property], export[property]), $"{property}: {original[property]} ≠ {export[property]}");
        var before = ElsaStudio.Activities(original["root"]!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
        var after = ElsaStudio.Activities(export["root"]!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, activity) in before)
        {
            // The export adds the node ids the engine compiles to; every property Elsa wrote is kept as it was.
            foreach (var (key, value) in activity)
                if (key is not ("activities" or "connections" or "nodeId"))
                    Assert.True(JsonNode.DeepEquals(value, after[id][key]), $"{id}.{key}: {value} ≠ {after[id][key]}");
        }

        Assert.True(JsonNode.DeepEquals(original["root"]!["connections"], export["root"]!["connections"]));
        await WorkflowDefinitionService(new Engine()).ValidateAsync(WorkflowDefinitionReader.Parse(export.ToJsonString()));
    }

    [Fact]
    public async Task Should_import_every_definition_of_a_zip_When_Elsa_definitions_are_uploaded_as_an_archive()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "hello-world.json", "writeline.json", "implicit-loop.json" })
            {
                using var entry = archive.CreateEntry(name).Open();
                await entry.WriteAsync(await File.ReadAllBytesAsync(SharedFiles.Path("elsa-fixtures", name)));
            }
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(zip.ToArray()), "files", "workflow-definitions.zip" } };
        using var response = await _admin.PostAsync(ElsaStudio.Api + "/workflow-definitions/import-files", form);

        Assert.Equal(3, (await ElsaStudio.ObjectAsync(response))["count"]!.GetValue<int>());
        var list = await ElsaStudio.GetObjectAsync(_admin, "/workflow-definitions?versionOptions=Latest&SearchTerm=Hello");
        Assert.Equal("Hello World", Assert.Single(list["items"]!.AsArray())!["name"]!.GetValue<string>());
    }

    private async Task<JsonObject> ImportAsync(string name, bool asFile)
    {
        var bytes = await File.ReadAllBytesAsync(SharedFiles.Path("elsa-fixtures", name));
        HttpResponseMessage response;
        if (asFile)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            response = await _admin.PostAsync(ElsaStudio.Api + "/workflow-definitions/import", form);
        }
        else
        {
            response = await _admin.PostAsync(ElsaStudio.Api + "/workflow-definitions/import", new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        }

        using (response)
            return await ElsaStudio.ObjectAsync(response);
    }

    private async Task<string> ExportAsync(string definitionId, string versionOptions = "Published")
    {
        using var response = await _admin.GetAsync($"{ElsaStudio.Api}/workflow-definitions/{definitionId}/export?versionOptions={versionOptions}&includeConsumingWorkflows=False");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        Assert.NotNull(fileName);
        Assert.StartsWith("workflow-definition-", fileName, StringComparison.Ordinal);
        Assert.EndsWith(".json", fileName, StringComparison.Ordinal);
        var json = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{", json.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(WorkflowDefinition.SchemaUrl, JsonNode.Parse(json)!["$schema"]!.GetValue<string>());
        var path = Path.Combine(_exports, fileName);
        await File.WriteAllTextAsync(path, json, Encoding.UTF8);
        return path;
    }

    private static WorkflowDefinitionService WorkflowDefinitionService(Engine engine) => new(engine.Runtime);

    private static JsonObject Expected() => JsonNode.Parse(File.ReadAllText(SharedFiles.Path("elsa-fixtures", "expected.json")))!.AsObject();

    /// <summary>A fresh engine on memory stores, with Elsa's built-in activities and collected output.</summary>
    private sealed class Engine
    {
        public Engine() => Runtime = new WorkflowRuntime(ActivityRegistry.CreateDefault(), new MemoryWorkflowDefinitionStore(), new MemoryWorkflowInstanceStore(),
            new EngineServices { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8))), TextOutput = Output });

        public CollectingTextOutput Output { get; } = new();

        public WorkflowRuntime Runtime { get; }
    }
}
