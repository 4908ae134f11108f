using System.Text.Json.Nodes;
using Hotline.Host.Cli;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Cli;

/// <summary>The shipped definitions stay as <c>definitions layout</c> lays them out (rerun it after editing a file by hand).</summary>
public sealed class DefinitionsLayoutCommandTests
{
    public static TheoryData<string> Files() => [.. Directory.GetFiles(SharedFiles.RepositoryPath("definitions"), "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_report_the_file_unchanged_and_its_nodes_apart_When_a_shipped_definition_is_checked(string file)
    {
        var path = SharedFiles.RepositoryPath("definitions", file);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await CommandLine.TryRunAsync(["definitions", "layout", "--check", path], stdout, stderr);

        Assert.True(exitCode == 0, $"{file} is not laid out: run `dotnet Hotline.Host.dll definitions layout` in the repository ({stdout}{stderr})");
        var boxes = JsonNode.Parse(await File.ReadAllTextAsync(path))!["root"]!["activities"]!.AsArray().Select(a =>
        {
            var designer = a!["metadata"]!["designer"]!;
            double X(string group, string key) => designer[group]![key]!.GetValue<double>();
            return (Id: a["id"]!.GetValue<string>(), Left: X("position", "x"), Top: X("position", "y"), Right: X("position", "x") + X("size", "width"), Bottom: X("position", "y") + X("size", "height"));
        }).ToList();
        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
                Assert.False(a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom, $"{file}: {a.Id} overlaps {b.Id}");
        }
    }
}
