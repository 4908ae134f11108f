using Microsoft.Net.Http.Headers;

namespace Hotline.Host.Designer;

/// <summary>
/// The language of what the Studio shows from the host: the designer frame's language cookie (its switch), else the
/// browser's preferred language among Chinese and English, else Chinese.
/// </summary>
public static class StudioLanguage
{
    /// <summary>The reader's language, <c>zh</c> or <c>en</c>.</summary>
    public static string Of(HttpRequest request)
    {
        var remembered = request.Cookies[DesignerPages.LanguageCookie];
        if (remembered is "zh" or "en")
            return remembered;
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var accepted))
        {
            var preferred = accepted
                .Where(a => a.Quality is not 0)
                .OrderByDescending(a => a.Quality ?? 1)
                .Select(a => a.Value.Value ?? "")
                .FirstOrDefault(v => v.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || v.StartsWith("en", StringComparison.OrdinalIgnoreCase));
            if (preferred is not null)
                return preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
        }

        return DesignerPages.DefaultLanguage;
    }
}
