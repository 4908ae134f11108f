using System.Dynamic;
using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// Values as a script sees them: JSON objects become <see cref="ExpandoObject"/>s (so <c>Variables.Order.Total</c> works,
/// as Elsa's ExpandoObject variables do), arrays lists, JSON scalars their .NET values; everything else as stored.
/// </summary>
internal static class ScriptValues
{
    public static object? ToScript(object? value) => value switch
    {
        JsonObject json => ToExpando(json),
        JsonArray array => array.Select(ToScript).ToList(),
        JsonValue scalar => ValueConverter.Unwrap(scalar),
        _ => value,
    };

    public static T? ConvertTo<T>(object? value) => value is T typed ? typed : (T?)ValueConverter.Convert(value, typeof(T));

    private static ExpandoObject ToExpando(JsonObject json)
    {
        var expando = new ExpandoObject();
        IDictionary<string, object?> members = expando;
        foreach (var (name, node) in json)
            members[name] = ToScript(node);
        return expando;
    }
}
