using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Workbench.Administration.Audit;

/// <summary>One field of an audit row that differs: its value before and after (null: absent).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>
/// An audit row's before and after (JSON objects) as a reader follows them: the fields that differ, each as
/// <c>field: before → after</c>. A row with only an after (a creation) lists every field; a value that is not an object is
/// one change with no field name.
/// </summary>
public static class AuditDiff
{
    /// <summary>The changed fields, in the record's order.</summary>
    public static IReadOnlyList<AuditFieldChange> Of(string? before, string? after)
    {
        var (b, a) = (Parse(before), Parse(after));
        if (b is not (null or JsonObject) || a is not (null or JsonObject))
            return Text(b) == Text(a) ? [] : [new AuditFieldChange("", Text(b), Text(a))];
        var (bo, ao) = ((JsonObject?)b, (JsonObject?)a);
        var fields = (ao?.Select(p => p.Key) ?? []).Concat(bo?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        return [.. fields
            .Select(f => new AuditFieldChange(f, Text(bo?[f]), Text(ao?[f])))
            .Where(c => c.Before != c.After)];
    }

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
            return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
