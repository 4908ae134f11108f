using System.Text.RegularExpressions;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Architecture;

/// <summary>
/// The domain's folders are concepts with no loops between them: read from the sources (usings, qualified and relative
/// names), the graph of feature folders has no cycle, and the calendar depends on no feature. Persistence (the one
/// DbContext, which maps every feature's entities) and the root (the domain's service registration) are left out.
/// </summary>
public partial class DomainFolderTests
{
    private static readonly string[] NotFeatures = ["Persistence", ""];

    [Fact]
    public void Should_find_no_loop_between_feature_folders_When_the_domains_sources_are_read()
    {
        var graph = FeatureGraph(SharedFiles.RepositoryPath("Hotline.Domain"));

        Assert.Contains("Cases", graph["Activities"]);
        Assert.Empty(Cycles(graph));
        Assert.Empty(graph["Calendar"]);
    }

    [Fact]
    public void Should_report_the_loop_When_two_folders_use_each_other()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Cases"] = ["Deadlines"],
            ["Deadlines"] = ["Calendar", "Cases"],
            ["Calendar"] = [],
        };

        Assert.Equal(["Cases → Deadlines → Cases"], Cycles(graph));
    }

    /// <summary>Feature folder → the feature folders its files use.</summary>
    private static Dictionary<string, HashSet<string>> FeatureGraph(string root)
    {
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj") && !NotFeatures.Contains(f)).ToHashSet()!;
        var graph = folders.ToDictionary(f => f!, _ => new HashSet<string>());
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || !folders.Contains(relative[0]))
                continue;
            var text = File.ReadAllText(file);
            foreach (var other in folders)
            {
                if (other != relative[0] && Regex.IsMatch(text, $@"(?<![\w.])(Hotline\.Domain\.)?{other}\.[A-Z]|using Hotline\.Domain\.{other};"))
                    graph[relative[0]].Add(other!);
            }
        }

        return graph;
    }

    /// <summary>Each cycle once, as "A → B → A", starting at its smallest folder name.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys)
            Walk(start, [start]);
        return [.. found];

        void Walk(string node, List<string> path)
        {
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (next == path[0] && path.Min(StringComparer.Ordinal) == path[0])
                    found.Add(string.Join(" → ", path.Append(next)));
                else if (!path.Contains(next))
                    Walk(next, [.. path, next]);
            }
        }
    }
}
