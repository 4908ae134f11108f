namespace Hotline.Workflows.Http;

/// <summary>
/// A route template of an HttpEndpoint's path (<c>users/{id}</c>, <c>files/{*rest}</c>), matched segment by segment:
/// literals without regard to case, a parameter takes one segment (a constraint after a colon is ignored), a catch-all
/// the rest.
/// </summary>
public sealed class HttpRouteTemplate
{
    private readonly string[] _segments;

    public HttpRouteTemplate(string path)
    {
        Text = Normalize(path);
        _segments = Text.Length == 0 ? [] : Text.Split('/');
    }

    /// <summary>The template, without leading or trailing slash.</summary>
    public string Text { get; }

    /// <summary>Whether the template has parameters (a literal path wins over a template that also matches).</summary>
    public bool HasParameters => _segments.Any(IsParameter);

    /// <summary>The path without leading or trailing slash, as templates and requests are compared.</summary>
    public static string Normalize(string? path) => (path ?? "").Trim().Trim('/');

    /// <summary>The parameters' values if <paramref name="path"/> matches, else null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var parts = Normalize(path) is { Length: > 0 } p ? p.Split('/') : [];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (IsParameter(segment) && segment[1] == '*')
            {
                values[Name(segment[2..])] = Uri.UnescapeDataString(string.Join('/', parts.Skip(i)));
                return values;
            }

            if (i >= parts.Length)
                return null;
            if (IsParameter(segment))
                values[Name(segment[1..])] = Uri.UnescapeDataString(parts[i]);
            else if (!string.Equals(segment, parts[i], StringComparison.OrdinalIgnoreCase))
                return null;
        }

        return parts.Length == _segments.Length ? values : null;
    }

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private static string Name(string inner) => inner[..^1].Split(':', '=', '?')[0].TrimEnd('?');
}
