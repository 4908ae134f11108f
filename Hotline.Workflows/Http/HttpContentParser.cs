using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Http;

/// <summary>Parses a request body by its media type, as Elsa's content parsers do: JSON, a form, or text.</summary>
public static class HttpContentParser
{
    /// <summary>The parsed body (null when there is none).</summary>
    /// <exception cref="HttpBadRequestException">The body does not parse as its media type says.</exception>
    public static JsonNode? Parse(string? contentType, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
            return null;
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new HttpBadRequestException("The request body is not UTF-8 text.");
        }

        if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            try
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                throw new HttpBadRequestException($"The request body is not valid JSON: {e.Message}");
            }
        }

        if (mediaType == "application/x-www-form-urlencoded")
            return Form(text);
        return JsonValue.Create(text);
    }

    private static JsonObject Form(string text)
    {
        var form = new JsonObject();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            form[name] = form[name] is JsonValue existing ? new JsonArray(existing.DeepClone(), value) : form[name] is JsonArray list ? Append(list, value) : JsonValue.Create(value);
        }

        return form;
    }

    private static JsonArray Append(JsonArray list, string value)
    {
        var copy = (JsonArray)list.DeepClone();
        copy.Add(value);
        return copy;
    }
}

/// <summary>The request cannot be handled as sent (a body that does not parse); answered with 400.</summary>
public sealed class HttpBadRequestException(string message) : Exception(message);
