using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Json;
using Jint.Native.Object;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// Values between the engine and scripts: objects and lists go in as plain JavaScript objects and arrays (through
/// JSON, as Elsa's variables container does with its dictionaries) and come back as <see cref="JsonNode"/>s, numbers
/// as numbers (whole ones as <see cref="int"/> when they fit), dates and other scalars as their text.
/// </summary>
internal static class JavaScriptValues
{
    public static JsValue ToJs(Engine engine, object? value) => value switch
    {
        null => JsValue.Null,
        string s => s,
        bool b => b ? JsBoolean.True : JsBoolean.False,
        int i => i,
        double d => d,
        long l => l,
        decimal m => (double)m,
        float f => f,
        DateTimeOffset or DateTime or TimeSpan or Guid or Enum => ValueConverter.ToText(value)!,
        JsonValue v => ToJs(engine, ValueConverter.Unwrap(v)),
        _ => new JsonParser(engine).Parse(ValueConverter.ToJson(value)!.ToJsonString()),
    };

    public static object? ToClr(Engine engine, JsValue value)
    {
        switch (value)
        {
            case JsString:
                return value.ToString();
            case JsBoolean b:
                return b.AsBoolean();
            case JsNumber:
                var number = value.AsNumber();
                return double.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue ? (object)(int)number : number;
            case Function:
                return null;
            case ObjectInstance o:
                var json = new JsonSerializer(engine).Serialize(o);
                return json.IsUndefined() ? null : JsonNode.Parse(json.ToString());
            default:
                return null;
        }
    }

    public static string Text(JsValue value) => value.IsNull() || value.IsUndefined() ? "" : TypeConverterText(value);

    private static string TypeConverterText(JsValue value) => Jint.Runtime.TypeConverter.ToString(value);
}
