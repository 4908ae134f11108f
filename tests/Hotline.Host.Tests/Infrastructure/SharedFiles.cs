namespace Hotline.Host.Tests.Infrastructure;

/// <summary>Finds ../shared (fixtures, data) and the repository root from the test's output directory.</summary>
public static class SharedFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([FindAbove("shared"), .. parts]);

    public static string RepositoryPath(params string[] parts) => System.IO.Path.Combine([System.IO.Path.GetDirectoryName(FindAbove("Hotline.sln", file: true))!, .. parts]);

    private static string FindAbove(string name, bool file = false)
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (file ? File.Exists(candidate) : Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException($"'{name}' was not found above {AppContext.BaseDirectory}.");
    }
}
