using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Domain.Persistence;

/// <summary>
/// How the host writes JSON it stores (timeline data, task payloads and results): Chinese text stays readable in the
/// database instead of becoming <c>\uXXXX</c> escapes. These strings are never embedded in HTML or scripts as they are.
/// </summary>
public static class StoredJson
{
    /// <summary>Compact, with only the characters JSON requires escaped.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as stored JSON text.</summary>
    public static string ToStoredJson(this JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }
}
