using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Host.Api;

/// <summary>
/// Reads JSON strings and refuses the NUL character (<c>\u0000</c>): PostgreSQL cannot store it in text, so a value with
/// it would fail in the database instead of being answered 400 naming the field.
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text may not contain the NUL character (\\u0000).")
            : text;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
