using System.Diagnostics;
using System.Text.Json.Nodes;
using Hotline.Host.Cli;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Cli;

/// <summary><c>workflows run</c> on every case of ../shared/elsa-fixtures/expected.json.</summary>
public sealed class WorkflowsRunCommandTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Expected().Count; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_print_the_expected_lines_then_the_status_When_running_a_fixture(int index)
    {
        var expected = Expected()[index]!;
        var files = expected["run"]!.AsArray().Select(f => SharedFiles.Path("elsa-fixtures", f!.GetValue<string>())).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await CommandLine.TryRunAsync(["workflows", "run", "--fast-timers", .. files], stdout, stderr);

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("status: ", lines[^1], StringComparison.Ordinal);
        if (expected["lines"] is JsonArray expectedLines)
            Assert.Equal(expectedLines.Select(l => l!.GetValue<string>()), lines[..^1]);
        if (expected["status"] is JsonValue status)
        {
            Assert.Equal($"status: {status.GetValue<string>()}", lines[^1]);
            Assert.Equal(status.GetValue<string>() == "Finished" ? 0 : 1, exitCode);
        }
    }

    [Fact]
    public async Task Should_name_the_activity_and_exit_non_zero_When_a_file_uses_an_unknown_activity_type()
    {
        var file = System.IO.Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"id":"v","definitionId":"d","name":"Bad","version":1,"root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[{"id":"x1","type":"Acme.Teleport","version":2}],"connections":[]}}""");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await CommandLine.TryRunAsync(["workflows", "run", file], stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Contains("x1", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Acme.Teleport", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("status: Faulted", stdout.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_print_only_workflow_lines_on_stdout_When_run_as_a_process()
    {
        var hostDll = System.IO.Path.Combine(AppContext.BaseDirectory, "Hotline.Host.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", hostDll, "workflows", "run", SharedFiles.Path("elsa-fixtures", "implicit-loop.json")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(["Do something", "Retry", "Do something", "Done", "status: Finished"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static JsonArray Expected() => JsonNode.Parse(File.ReadAllText(SharedFiles.Path("elsa-fixtures", "expected.json")))!["cases"]!.AsArray();
}
