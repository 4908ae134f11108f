using System.Collections.Concurrent;
using System.Reflection;

namespace Hotline.Designer;

/// <summary>
/// Where the designer's files are: the Elsa Studio package (installed by this project's build) and the shell's own
/// pages and assets (embedded in this assembly).
/// </summary>
public static class DesignerAssets
{
    /// <summary>The Elsa Studio npm package this build installs (<c>@elsa-workflows/elsa-studio-wasm</c>).</summary>
    public const string StudioVersion = "3.8.2";

    /// <summary>The folder, relative to the application, where publishing puts the Studio's files.</summary>
    public const string PublishedStudioFolder = "designer/studio";

    /// <summary>The file whose presence tells that a folder holds the Studio.</summary>
    public const string StudioMarkerFile = "_framework/blazor.webassembly.js";

    private static readonly Assembly Assembly = typeof(DesignerAssets).Assembly;
    private static readonly ConcurrentDictionary<string, byte[]?> Embedded = new(StringComparer.Ordinal);

    /// <summary>
    /// The Studio's folder: <paramref name="configured"/> when given, else <c>designer/studio</c> beside the
    /// application (a published host), else the npm package this project's build installed. Null when none holds
    /// the Studio.
    /// </summary>
    public static string? FindStudioDirectory(string? configured = null)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
            candidates.Add(configured);
        candidates.Add(Path.Combine(AppContext.BaseDirectory, PublishedStudioFolder));
        if (Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Hotline.Designer.StudioDirectory")?.Value is { Length: > 0 } built)
            candidates.Add(built);
        return candidates.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).FirstOrDefault(d => File.Exists(Path.Combine(d, StudioMarkerFile)));
    }

    /// <summary>A page template or page data (<c>Pages/&lt;name&gt;</c>), e.g. <c>shell.html</c>, <c>texts.json</c>.</summary>
    /// <exception cref="ArgumentException">There is no such page.</exception>
    public static string Page(string name)
    {
        var bytes = Read("Hotline.Designer.Pages." + name) ?? throw new ArgumentException($"No page '{name}'.", nameof(name));
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>One of the shell's own assets (<c>wwwroot/&lt;path&gt;</c>, '/'-separated), or null.</summary>
    public static byte[]? Asset(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
            return null;
        // MSBuild names embedded files with the directory separator of the build machine.
        return Read("Hotline.Designer.wwwroot." + path) ?? Read("Hotline.Designer.wwwroot." + path.Replace('/', '\\'));
    }

    private static byte[]? Read(string resource) => Embedded.GetOrAdd(resource, static name =>
    {
        using var stream = Assembly.GetManifestResourceStream(name);
        if (stream is null)
            return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
