using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using System.Xml;

namespace Hotline.Host.Api.Open311;

/// <summary>The two response formats of GeoReport v2: XML (mandatory) and JSON.</summary>
public enum Open311Format
{
    /// <summary><c>.xml</c>.</summary>
    Xml,

    /// <summary><c>.json</c>.</summary>
    Json,
}

/// <summary>
/// Writes a GeoReport v2 document as JSON or XML. The document is serialized to JSON once (field names come from the
/// document records, <see cref="Open311ServiceRequest"/> and its siblings) and XML is derived from that tree, so the two formats cannot drift: an array
/// becomes an element per item (services → service, attributes → attribute), null an empty element.
/// </summary>
public sealed class Open311Result : IResult
{
    /// <summary>The JSON content type.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The XML content type (the spec's <c>text/xml</c>).</summary>
    public const string XmlContentType = "text/xml; charset=utf-8";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Chinese text as itself, not \uXXXX; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // Arrays inside a document: the element each item gets.
    private static readonly Dictionary<string, string> ItemElements = new(StringComparer.Ordinal)
    {
        ["attributes"] = "attribute",
        ["values"] = "value",
    };

    private readonly Open311Format _format;
    private readonly int _statusCode;
    private readonly JsonNode? _document;
    private readonly string _xmlRoot;
    private readonly string? _xmlItem;

    private Open311Result(Open311Format format, int statusCode, JsonNode? document, string xmlRoot, string? xmlItem)
    {
        _format = format;
        _statusCode = statusCode;
        _document = document;
        _xmlRoot = xmlRoot;
        _xmlItem = xmlItem;
    }

    /// <summary>The HTTP status written.</summary>
    public int StatusCode => _statusCode;

    /// <summary>A list: a JSON array, or <c>&lt;xmlRoot&gt;&lt;xmlItem&gt;…</c>.</summary>
    public static Open311Result List<T>(Open311Format format, IEnumerable<T> items, string xmlRoot, string xmlItem, int statusCode = StatusCodes.Status200OK) =>
        new(format, statusCode, JsonSerializer.SerializeToNode(items.ToList(), JsonOptions), xmlRoot, xmlItem);

    /// <summary>One object: a JSON object, or <c>&lt;xmlRoot&gt;</c> with its fields.</summary>
    public static Open311Result Document<T>(Open311Format format, T document, string xmlRoot, int statusCode = StatusCodes.Status200OK) =>
        new(format, statusCode, JsonSerializer.SerializeToNode(document, JsonOptions), xmlRoot, null);

    /// <summary>Errors (<c>[{code, description}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>), all with <paramref name="statusCode"/>.</summary>
    public static Open311Result Errors(Open311Format format, int statusCode, IEnumerable<string> descriptions) =>
        List(format, descriptions.Select(d => new Open311Error(statusCode, d)), "errors", "error", statusCode);

    /// <summary>One error.</summary>
    public static Open311Result Error(Open311Format format, int statusCode, string description) => Errors(format, statusCode, [description]);

    private byte[] Render() => _format == Open311Format.Json ? RenderJson() : RenderXml();

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = Render();
        httpContext.Response.StatusCode = _statusCode;
        httpContext.Response.ContentType = _format == Open311Format.Json ? JsonContentType : XmlContentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    private byte[] RenderJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
        {
            if (_document is null)
                writer.WriteNullValue();
            else
                _document.WriteTo(writer, JsonOptions);
        }

        return stream.ToArray();
    }

    private byte[] RenderXml()
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(_xmlRoot);
            if (_document is JsonArray array)
            {
                foreach (var item in array)
                    WriteElement(writer, _xmlItem ?? "item", item);
            }
            else if (_document is JsonObject obj)
            {
                WriteFields(writer, obj);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteFields(XmlWriter writer, JsonObject obj)
    {
        foreach (var (name, value) in obj)
            WriteElement(writer, name, value);
    }

    private static void WriteElement(XmlWriter writer, string name, JsonNode? value)
    {
        writer.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case JsonObject obj:
                WriteFields(writer, obj);
                break;
            case JsonArray array:
                var item = ItemElements.GetValueOrDefault(name, "item");
                foreach (var element in array)
                    WriteElement(writer, item, element);
                break;
            case JsonValue scalar:
                writer.WriteString(Text(scalar));
                break;
        }

        writer.WriteEndElement();
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => XmlSafe(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value}"),
    };

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a citizen's text may hold); XmlWriter would throw on them.</summary>
    private static string XmlSafe(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlCharAt(text, i, out var width))
            {
                firstBad = i;
                break;
            }

            i += width - 1;
        }

        if (firstBad < 0)
            return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsXmlCharAt(text, i, out var width))
                builder.Append(text, i, width);
            i += width - 1;
        }

        return builder.ToString();
    }

    private static bool IsXmlCharAt(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return XmlConvert.IsXmlChar(c);
    }
}
