using System.Text.Json.Nodes;

namespace Hotline.Workflows.Http;

/// <summary>
/// An inbound HTTP request as the engine sees it (the host translates ASP.NET Core's request into this): no stream, the
/// body already read within the configured size limit.
/// </summary>
/// <param name="Method">The method, upper case.</param>
/// <param name="Path">The path below the workflows base path, without leading or trailing slash.</param>
/// <param name="Query">The query string values.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="ContentType">The body's media type, if any.</param>
/// <param name="Body">The body's bytes (empty when there is none).</param>
/// <param name="IsAuthenticated">Whether the host authenticated the caller.</param>
public sealed record HttpRequestData(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string[]> Query,
    IReadOnlyDictionary<string, string[]> Headers,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    bool IsAuthenticated = false)
{
    /// <summary>Query or header values as Elsa gives them to a workflow: one value as a string, several as an array.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string[]> values)
    {
        var json = new JsonObject();
        foreach (var (key, items) in values)
            json[key] = items.Length == 1 ? JsonValue.Create(items[0]) : new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
        return json;
    }
}

/// <summary>What a workflow answers an HTTP request with (Elsa.WriteHttpResponse).</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="ContentType">The media type of <paramref name="Body"/>, if any.</param>
/// <param name="Body">The body's text (null: no body).</param>
/// <param name="Headers">Extra response headers.</param>
public sealed record HttpResponseData(int StatusCode, string? ContentType, string? Body, IReadOnlyDictionary<string, string> Headers);
