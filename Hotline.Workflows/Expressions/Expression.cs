using System.Text.Json.Nodes;

namespace Hotline.Workflows.Expressions;

/// <summary>An Elsa expression: a syntax (<c>Literal</c>, <c>Object</c>, <c>Variable</c>, <c>Input</c>, <c>JavaScript</c>, ...) and its text.</summary>
public sealed class Expression
{
    /// <summary>Creates an expression.</summary>
    public Expression(string type, JsonNode? value)
    {
        Type = type;
        Value = value;
        Text = value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>The expression syntax.</summary>
    public string Type { get; }

    /// <summary>The raw JSON value as stored in the definition.</summary>
    public JsonNode? Value { get; }

    /// <summary>The value as text (the script, the literal, or the JSON of an object).</summary>
    public string? Text { get; }

    /// <summary>A literal expression.</summary>
    public static Expression Literal(string? text) => new("Literal", text is null ? null : JsonValue.Create(text));
}
