using Hotline.Designer;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hotline.Host.Designer;

/// <summary>
/// Serves Elsa Studio's files (<c>_framework/</c>, <c>_content/</c>, its stylesheet) and the shell's own assets,
/// behind the designer's authorization. Blazor's precompressed <c>.br</c>/<c>.gz</c> twins (made when the package was
/// published) are sent when the browser accepts them. Fingerprinted files (a content hash in the name: Blazor's
/// <c>Elsa.Api.Client.mbze71icf3.wasm</c>, Monaco's <c>editor.api-i0YVFWkl.js</c>) are cached for a year as immutable, so
/// a second visit fetches none of them; the rest (<c>dotnet.js</c>, which names the fingerprinted files, and the
/// libraries' unversioned <c>_content/</c> files) are revalidated with their ETag on every visit.
/// </summary>
public sealed partial class StudioFiles
{
    /// <summary>The cache policy of a fingerprinted file: its name changes whenever its content does.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    /// <summary>The cache policy of every other Studio file: kept, but asked about (If-None-Match) before each use.</summary>
    public const string RevalidatedCaching = "private, no-cache";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    private readonly string? _root;

    /// <summary>Finds the Studio (<see cref="DesignerOptions.StudioPath"/>, the published copy, or the build's npm package).</summary>
    public StudioFiles(IOptions<DesignerOptions> options, ILogger<StudioFiles> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = DesignerAssets.FindStudioDirectory(options.Value.StudioPath);
        if (_root is null)
            logger.LogWarning("Elsa Studio {Version} was not found (Hotline:Designer:StudioPath, designer/studio beside the host, or Hotline.Designer's npm package): /designer answers 503 until Hotline.Designer is built.", DesignerAssets.StudioVersion);
        else
            logger.LogInformation("Serving Elsa Studio {Version} from {Directory} under /designer.", DesignerAssets.StudioVersion, _root);
    }

    /// <summary>Whether the Studio was found.</summary>
    public bool IsInstalled => _root is not null;

    /// <summary>A file of the Studio, e.g. <c>_framework/dotnet.js</c> (404 when absent or outside the Studio's folder).</summary>
    public IResult Studio(string path, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_root is null)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Elsa Studio is not installed", detail: "Build Hotline.Designer (dotnet build) to install it.");
        var file = Resolve(path);
        if (file is null)
            return Results.NotFound();

        var served = file;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var encoding = PreferredEncoding(context.Request, file);
        if (encoding is not null)
        {
            served = file + (encoding == "br" ? ".br" : ".gz");
            context.Response.Headers.ContentEncoding = encoding;
        }

        var info = new FileInfo(served);
        context.Response.Headers.CacheControl = IsFingerprinted(path) ? ImmutableCaching : RevalidatedCaching;
        return Results.File(info.FullName, ContentType(file), lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}{encoding}\""));
    }

    /// <summary>One of the shell's own assets (<c>Hotline.Designer/wwwroot</c>), e.g. <c>designer.js</c>.</summary>
    public static IResult Shell(string path)
    {
        var bytes = DesignerAssets.Asset(path);
        if (bytes is null)
            return Results.NotFound();
        var tag = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
        return Results.Bytes(bytes, ContentType(path), entityTag: new EntityTagHeaderValue($"\"{tag}\""));
    }

    private string? Resolve(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s.Length == 0 || s.StartsWith('.')))
            return null;
        // The package's index.html uses a tag name that is not registered; the host renders its own pages.
        if (path is "index.html")
            return null;
        var full = Path.GetFullPath(Path.Combine(_root!, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    /// <summary>Whether <paramref name="path"/> names a file whose name carries a hash of its content.</summary>
    public static bool IsFingerprinted(string path) => BlazorFingerprint().IsMatch(path) || MonacoChunk().IsMatch(path);

    // Blazor's publish output: a 10-character lower-case hash before the extension(s), e.g. dotnet.native.b6l13xorvf.js
    // (in _framework everything but blazor.webassembly.js and dotnet.js, in _content the scoped-CSS bundles).
    [System.Text.RegularExpressions.GeneratedRegex(@"^_(framework|content)/([^/]+/)*[^/]+\.[a-z0-9]{10}\.[^/]+$")]
    private static partial System.Text.RegularExpressions.Regex BlazorFingerprint();

    // Monaco's Vite build: an 8-character hash after a dash, e.g. editor.api-i0YVFWkl.js.
    [System.Text.RegularExpressions.GeneratedRegex(@"^_content/BlazorMonaco/lib/monaco-editor/min/vs/([^/]+/)*[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$")]
    private static partial System.Text.RegularExpressions.Regex MonacoChunk();

    private static string? PreferredEncoding(HttpRequest request, string file)
    {
        if (file.EndsWith(".br", StringComparison.Ordinal) || file.EndsWith(".gz", StringComparison.Ordinal))
            return null;
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => accepted.Any(e => string.Equals(e.Value.Value, name, StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
        if (Accepts("br") && File.Exists(file + ".br"))
            return "br";
        return Accepts("gzip") && File.Exists(file + ".gz") ? "gzip" : null;
    }

    private static string ContentType(string path) => ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }
}
