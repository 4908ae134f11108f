using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.Fixtures;

/// <summary>Every case of ../shared/elsa-fixtures/expected.json: the lines Elsa writes and the final status.</summary>
public sealed class ElsaFixtureTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Expected()["cases"]!.AsArray())
            data.Add(item!["run"]![0]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_write_the_expected_lines_and_status_When_running_an_Elsa_fixture(string file)
    {
        var expected = Expected()["cases"]!.AsArray().First(c => c!["run"]![0]!.GetValue<string>() == file)!;
        var engine = new TestEngine();
        var files = expected["run"]!.AsArray().Select(f => TestEngine.SharedPath("elsa-fixtures", f!.GetValue<string>())).ToList();

        var result = await WorkflowFileRunner.RunAsync(engine.Runtime, files, fastTimers: true);

        if (expected["lines"] is JsonArray lines)
            Assert.Equal(lines.Select(l => l!.GetValue<string>()).ToList(), engine.Output.Lines);
        if (expected["status"] is JsonValue status)
            Assert.Equal(status.GetValue<string>(), result.StatusText);
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
    }

    private static JsonObject Expected() => JsonNode.Parse(File.ReadAllText(TestEngine.SharedPath("elsa-fixtures", "expected.json")))!.AsObject();
}
