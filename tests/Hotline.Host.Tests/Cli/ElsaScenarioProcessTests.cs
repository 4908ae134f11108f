using System.Diagnostics;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Cli;

/// <summary>
/// Elsa 3.8's own test definitions (tests/Hotline.Workflows.Tests/ElsaTests/runs.json) through <c>workflows run</c> as
/// a separate process, as an administrator would run an imported workflow: containers, loops, composition, child
/// instances and C#; the lines Elsa's tests state on standard output, then the status.
/// </summary>
public sealed class ElsaScenarioProcessTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Catalogue().Count; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_print_the_lines_Elsa_states_When_running_its_test_definition_as_a_process(int index)
    {
        var expected = Catalogue()[index]!;
        var files = expected["run"]!.AsArray().Select(f => Folder(f!.GetValue<string>())).ToList();
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Hotline.Host.dll"), "workflows", "run", "--fast-timers", .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var status = expected["status"]!.GetValue<string>();
        Assert.True(lines.Count > 0 && lines[^1] == $"status: {status}", $"{string.Join(" ", expected["run"]!.AsArray())}: {string.Join(" | ", lines)}\n{await stderr}");
        Assert.Equal(expected["lines"]!.AsArray().Select(l => l!.GetValue<string>()), lines[..^1]);
        Assert.Equal(status == "Finished" ? 0 : 1, process.ExitCode);
    }

    private static string Folder(string file) => SharedFiles.RepositoryPath(["tests", "Hotline.Workflows.Tests", "ElsaTests", .. file.Split('/')]);

    private static JsonArray Catalogue() =>
        JsonNode.Parse(File.ReadAllText(Folder("runs.json")))!["cases"]!.AsArray();
}
