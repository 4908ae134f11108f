using System.Text.Json.Nodes;

namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding Hotline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped definitions (<c>definitions/*.json</c>), by definition id.</summary>
    public static IReadOnlyList<string> DefinitionIds { get; } =
        Directory.GetFiles(Path.Combine(Root, "definitions"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>A shipped definition.</summary>
    public static JsonObject Definition(string definitionId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "definitions", definitionId + ".json")))!.AsObject();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }
}
