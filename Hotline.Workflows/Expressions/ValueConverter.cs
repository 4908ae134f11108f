using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Workflows.Expressions;

/// <summary>Converts values between the shapes they take in definitions, scripts, memory and storage.</summary>
public static class ValueConverter
{
    private static readonly Dictionary<string, Type> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Int16"] = typeof(short),
        ["Boolean"] = typeof(bool),
        ["Double"] = typeof(double),
        ["Single"] = typeof(float),
        ["Decimal"] = typeof(decimal),
        ["Object"] = typeof(object),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["List<String>"] = typeof(List<string>),
        ["String[]"] = typeof(List<string>),
        ["ICollection<String>"] = typeof(List<string>),
        ["JsonObject"] = typeof(JsonObject),
        ["JsonNode"] = typeof(JsonNode),
        ["ExpandoObject"] = typeof(JsonObject),
    };

    /// <summary>The CLR type for an Elsa type alias; unknown aliases (enums of other assemblies, custom types) map to <see cref="object"/>.</summary>
    public static Type ResolveAlias(string? alias) =>
        alias is not null && Aliases.TryGetValue(alias, out var type) ? type : typeof(object);

    /// <summary>Whether an alias names a known type.</summary>
    public static bool IsKnownAlias(string alias) => Aliases.ContainsKey(alias);

    /// <summary>The Elsa alias for a CLR type.</summary>
    public static string AliasOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "String";
        if (type == typeof(int)) return "Int32";
        if (type == typeof(long)) return "Int64";
        if (type == typeof(bool)) return "Boolean";
        if (type == typeof(double)) return "Double";
        if (type == typeof(decimal)) return "Decimal";
        if (type == typeof(DateTimeOffset)) return "DateTimeOffset";
        if (type == typeof(DateTime)) return "DateTime";
        if (type == typeof(TimeSpan)) return "TimeSpan";
        if (type == typeof(Guid)) return "Guid";
        if (type == typeof(List<string>) || type == typeof(ICollection<string>) || type == typeof(string[])) return "List<String>";
        return type.IsEnum ? type.Name : "Object";
    }

    /// <summary>Converts a value to the requested type; throws <see cref="FormatException"/> when it cannot.</summary>
    public static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null || (value is JsonValue jv && jv.GetValueKind() == JsonValueKind.Null))
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        target = underlying ?? target;
        if (target == typeof(object) || target.IsInstanceOfType(value) && value is not JsonNode)
            return value is JsonValue plain ? Unwrap(plain) : value;

        if (value is JsonValue json)
            value = Unwrap(json);
        if (value is null)
            return Convert(null, underlying ?? target);
        if (target.IsInstanceOfType(value))
            return value;

        return ConvertPlain(value, target);
    }

    // value is not null and not of the target type; a JSON scalar has been unwrapped, a JSON object or array has not.
    private static object? ConvertPlain(object value, Type target)
    {
        if (target == typeof(string))
            return ToText(value);
        if (target == typeof(JsonNode) || target == typeof(JsonObject) || target == typeof(JsonArray))
            return ToJson(value) is { } node && target.IsInstanceOfType(node) ? node : throw Cannot(value, target);
        if (target.IsEnum)
            return value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, System.Convert.ToInt32(value, CultureInfo.InvariantCulture));
        if (target == typeof(TimeSpan))
            return value is string ts ? ParseTimeSpan(ts) : TimeSpan.FromMilliseconds(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
        if (target == typeof(DateTimeOffset) || target == typeof(DateTime) || target == typeof(DateOnly))
            return ToDate(value, target);
        if (target == typeof(Guid))
            return Guid.Parse(ToText(value)!);
        if (target == typeof(bool))
            return value switch
            {
                string s => bool.Parse(s.Trim()),
                double d => d != 0,
                _ => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            };
        if (target == typeof(List<string>) || target == typeof(ICollection<string>) || target == typeof(IReadOnlyList<string>) || target == typeof(string[]))
        {
            var list = ToStringList(value);
            return target == typeof(string[]) ? list.ToArray() : list;
        }
        if (target.IsPrimitive || target == typeof(decimal))
            return ToNumber(value, target);
        if (value is JsonNode node2)
            return node2.Deserialize(target);
        throw Cannot(value, target);
    }

    private static object ToDate(object value, Type target)
    {
        if (target == typeof(DateTimeOffset))
            return value switch
            {
                DateTime dt => new DateTimeOffset(dt),
                string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                _ => throw Cannot(value, target),
            };
        if (target == typeof(DateTime))
            return value switch
            {
                DateTimeOffset dto => dto.UtcDateTime,
                string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ => throw Cannot(value, target),
            };
        return value is string d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : throw Cannot(value, target);
    }

    private static object ToNumber(object value, Type target)
    {
        if (value is string s)
            return System.Convert.ChangeType(s.Trim(), target, CultureInfo.InvariantCulture);
        if (value is double dbl && (target == typeof(int) || target == typeof(long)) && Math.Abs(dbl - Math.Round(dbl)) > double.Epsilon)
            throw Cannot(value, target);
        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>Converts a value to the CLR type of an Elsa alias.</summary>
    public static object? ConvertToAlias(object? value, string? alias) => Convert(value, ResolveAlias(alias));

    /// <summary>Text form of a value, as Elsa writes it (numbers invariant, objects as JSON).</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        JsonValue jv => ToText(Unwrap(jv)),
        JsonNode node => node.ToJsonString(),
        IEnumerable e => ToJson(e)!.ToJsonString(),
        _ => value.ToString(),
    };

    /// <summary>JSON form of a value, for storage and for scripts.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture)),
        DateTime dt => JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture)),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString()),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary<string, object?> dict => new JsonObject(dict.Select(kv => KeyValuePair.Create(kv.Key, ToJson(kv.Value)))),
        IEnumerable<string> strings => new JsonArray(strings.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonSerializer.SerializeToNode(value),
    };

    /// <summary>Turns a stored JSON value back into a runtime value of the given alias.</summary>
    public static object? FromJson(JsonNode? node, string? alias)
    {
        if (node is null)
            return null;
        var type = ResolveAlias(alias);
        if (type == typeof(object))
            return node is JsonValue value ? Unwrap(value) : node.DeepClone();
        return Convert(node is JsonValue v ? Unwrap(v) : node.DeepClone(), type);
    }

    /// <summary>Parses a literal as it appears in a definition into the requested type.</summary>
    public static object? FromLiteral(string? text, Type target)
    {
        if (text is null)
            return Convert(null, target);
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying == typeof(string) || underlying == typeof(object))
            return text;
        if (text.Length == 0)
            return Convert(null, target);
        if ((underlying == typeof(List<string>) || underlying == typeof(ICollection<string>) || underlying == typeof(string[])) && !text.TrimStart().StartsWith('['))
            return Convert(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(), target);
        return Convert(text, target);
    }

    /// <summary>Unwraps a JSON primitive to string, bool or double/long.</summary>
    public static object? Unwrap(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<object>() is string s ? s : value.ToString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetValue<int>(out var i) ? i : value.TryGetValue<long>(out var l) ? l : value.GetValue<double>(),
        JsonValueKind.Null => null,
        _ => value.GetValue<object>(),
    };

    private static List<string> ToStringList(object value) => value switch
    {
        string s when s.TrimStart().StartsWith('[') => ToStringList(JsonNode.Parse(s)!),
        string s => [s],
        JsonArray array => array.Select(x => ToText(x) ?? "").ToList(),
        IEnumerable<string> strings => strings.ToList(),
        IEnumerable items => items.Cast<object?>().Select(x => ToText(x) ?? "").ToList(),
        _ => [ToText(value)!],
    };

    private static TimeSpan ParseTimeSpan(string text)
    {
        text = text.Trim();
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var ts))
            return ts;
        if (text.StartsWith('P'))
            return System.Xml.XmlConvert.ToTimeSpan(text);
        throw new FormatException($"'{text}' is not a time span (expected d.hh:mm:ss or an ISO 8601 duration).");
    }

    private static FormatException Cannot(object value, Type target) =>
        new($"Cannot convert '{ToText(value)}' ({value.GetType().Name}) to {AliasOf(target)}.");
}
