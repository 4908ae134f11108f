using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Http;

/// <summary>The bodies and headers of the requests workflows send, and the parsing of the answers, as Elsa's content factories and parsers do.</summary>
public static class OutgoingHttpContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Chinese text is sent as UTF-8 rather than as \u escapes: the same JSON, readable in the receiver's logs.
    private static readonly JsonSerializerOptions JsonText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>
    /// The body for <paramref name="content"/> sent as <paramref name="contentType"/>: form fields for
    /// <c>application/x-www-form-urlencoded</c>, text as is for text and XML types, otherwise JSON (a string as is, any
    /// other value serialized). The media type is sent exactly as given.
    /// </summary>
    public static HttpContent Create(object content, string contentType)
    {
        var mediaType = MediaTypeHeaderValue.Parse(contentType).MediaType ?? "";
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return new FormUrlEncodedContent(FormFields(content));
        var text = content as string ?? (IsText(mediaType) ? ValueConverter.ToText(content) : ValueConverter.ToJson(content)?.ToJsonString(JsonText)) ?? "";
        var body = new ByteArrayContent(Utf8.GetBytes(text));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return body;
    }

    /// <summary>
    /// The response's content: JSON parsed for a media type containing <c>json</c>, text for plain text, HTML and XML,
    /// none for anything else or an empty body.
    /// </summary>
    public static async Task<JsonNode?> ParseAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
            return null;
        var mediaType = content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var text = Encoding.UTF8.GetString(bytes);
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        var parsedAsText = mediaType.Contains("text/plain", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);
        return parsedAsText ? JsonValue.Create(text) : null;
    }

    /// <summary>Headers given as a JSON object (or its text) of names to a value or an array of values.</summary>
    public static Dictionary<string, string[]> Headers(object? value)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var json = value is string text ? (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)) : ValueConverter.ToJson(value);
        if (json is JsonObject obj)
            foreach (var (name, item) in obj)
                headers[name] = item is JsonArray array ? array.Select(a => ValueConverter.ToText(a) ?? "").ToArray() : [ValueConverter.ToText(item) ?? ""];
        return headers;
    }

    /// <summary>Headers as a JSON object of names to arrays of values (Elsa's HttpHeaders).</summary>
    public static JsonObject ToJson(HttpHeaders headers)
    {
        var json = new JsonObject();
        foreach (var (name, values) in headers)
            json[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return json;
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> FormFields(object content)
    {
        var json = content is string text ? JsonNode.Parse(text) : ValueConverter.ToJson(content);
        return (json as JsonObject ?? throw new FormatException("Form content must be an object of field names and values."))
            .ToDictionary(p => p.Key, p => ValueConverter.ToText(p.Value) ?? "");
    }
}
