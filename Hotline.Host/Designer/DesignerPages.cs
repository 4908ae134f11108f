using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.Designer;

namespace Hotline.Host.Designer;

/// <summary>
/// Renders the designer's pages from Hotline.Designer's templates: <c>{{t:key}}</c> is a text of the page chrome in
/// the reader's language, <c>{{v:name}}</c> an HTML-encoded value, <c>{{raw:name}}</c> markup built by the host.
/// </summary>
internal static partial class DesignerPages
{
    /// <summary>The cookie that remembers the language of the page chrome (<c>zh</c> or <c>en</c>; read by designer.js too).</summary>
    public const string LanguageCookie = "hotline.lang";

    /// <summary>The HTML encoder of the pages: Chinese stays readable (the default encoder escapes everything beyond ASCII).</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The default language.</summary>
    public const string DefaultLanguage = "zh";

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Texts =
        new(() => JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(DesignerAssets.Page("texts.json"))!);

    private static readonly Lazy<string> TextsJson = new(() => JsonSerializer.Serialize(Texts.Value));

    /// <summary>Every text in both languages, as JSON (for the language switch in designer.js).</summary>
    public static string AllTexts => TextsJson.Value;

    /// <summary>A text of the page chrome.</summary>
    public static string Text(string language, string key) =>
        Texts.Value.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text : Texts.Value[DefaultLanguage][key];

    /// <summary>
    /// The reader's language: <c>?lang=</c> (remembered in <see cref="LanguageCookie"/>, sent to the Elsa API too so the
    /// Studio's activity catalogue follows), else the cookie, else the browser's language, else Chinese.
    /// </summary>
    public static string Language(HttpContext context)
    {
        var requested = context.Request.Query["lang"].FirstOrDefault();
        if (requested is not null && Texts.Value.ContainsKey(requested))
        {
            context.Response.Cookies.Append(LanguageCookie, requested, new CookieOptions
            {
                Path = "/", SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            });
            return requested;
        }

        var language = StudioLanguage.Of(context.Request);
        return Texts.Value.ContainsKey(language) ? language : DefaultLanguage;
    }

    /// <summary>The other language (what the language switch offers).</summary>
    public static string OtherLanguage(string language) => language == "en" ? "zh" : "en";

    /// <summary>Fills a template.</summary>
    public static string Render(string template, string language, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string>? raw = null)
    {
        var encoder = Html;
        return Placeholder().Replace(DesignerAssets.Page(template), match =>
        {
            var name = match.Groups[2].Value;
            return match.Groups[1].Value switch
            {
                "t" => encoder.Encode(Text(language, name)),
                "v" => name switch
                {
                    "lang" => language,
                    "htmlLang" => language == "zh" ? "zh-CN" : language,
                    _ => encoder.Encode(values.TryGetValue(name, out var value) ? value ?? "" : throw new KeyNotFoundException($"No value '{name}' for {template}.")),
                },
                _ => raw is not null && raw.TryGetValue(name, out var markup) ? markup : throw new KeyNotFoundException($"No markup '{name}' for {template}."),
            };
        });
    }

    /// <summary>The stylesheet of the sign-in and refusal pages (inlined: nothing else under /designer is public).</summary>
    public static string PagesCss => DesignerAssets.Page("pages.css");

    [GeneratedRegex(@"\{\{(t|v|raw):([A-Za-z]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
