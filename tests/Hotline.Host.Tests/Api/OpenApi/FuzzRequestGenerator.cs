using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>
/// CsCheck generators of requests from the OpenAPI document: every operation, each credential, parameters and bodies
/// drawn from their declared schemas — valid values, real ids, boundaries (empty, huge, unicode, negative and huge
/// numbers, dates at their minimum and maximum) and wrong ones (wrong types, missing required fields, extra properties,
/// malformed JSON, another media type).
/// </summary>
public sealed partial class FuzzRequestGenerator(OpenApiContract contract, IReadOnlyList<string> knownIds)
{
    private const int MaxDepth = 4;

    private static readonly string[] Oddities =
    [
        "", " ", "null", "0", "-1", "1e309", "true", "测试", "😀🚀", "\u202e\u0000\u0007", "' OR 1=1 --", "../../etc/passwd", "%00", "<script>",
        "2026-02-30", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "20260302",
    ];

    private static readonly string[] Open311Fields =
        ["api_key", "service_code", "description", "address_string", "lat", "long", "phone", "email", "first_name", "last_name", "media_url",
         "attribute[case_type]", "attribute[urgency]", "attribute[district_code]", "attribute[channel]", "device_id", "account_id"];

    /// <summary>Percent-encoded bytes that are not UTF-8.</summary>
    private static readonly Gen<string> InvalidUtf8 = Gen.OneOf("%FF%FE", "%C3%28", "%ED%A0%80", "a%80b");

    /// <summary>Requests over every operation of the document and every credential.</summary>
    public Gen<FuzzRequest> Requests() =>
        Gen.Select(Gen.OneOf([.. contract.Operations.Select(For)]), Gen.Enum<Credential>(), (request, credential) => request with { Credential = credential });

    private Gen<FuzzRequest> For(ApiOperation operation) =>
        Gen.Select(Path(operation), Query(operation), Body(operation),
            (path, query, body) => new FuzzRequest(operation, Credential.Anonymous, path + query, body.Text, body.ContentType));

    private Gen<string> Path(ApiOperation operation)
    {
        var parts = Variable().Split(operation.Template);
        return Sequence(parts.Select((part, i) => i % 2 == 0 ? Gen.Const(part) : PathValue(operation, part)))
            .Select(values => string.Concat(values));
    }

    private Gen<string> PathValue(ApiOperation operation, string name)
    {
        var schema = operation.Parameters.FirstOrDefault(p => p["name"]?.GetValue<string>() == name)?["schema"]?.AsObject() ?? [];
        if (Types(schema).Contains("integer"))
            return Gen.Frequency((3, Gen.OneOf(-1, 0, 1, 1899, 1900, 2026, 2027, 9000, 9999, 10000, int.MaxValue)), (1, Gen.Int)).Select(n => n.ToString(CultureInfo.InvariantCulture));
        if (name == "format")
            return Gen.Frequency((6, Gen.OneOf("json", "xml")), (1, Gen.OneOf("JSON", "Xml", "yaml", "json%20")));
        // The test server refuses a path with NUL before the host sees it (Kestrel answers 400), so paths go without; and
        // "." or ".." is a dot-segment that the client removes, which makes the request one for another path.
        return Gen.Frequency((6, Gen.OneOf([.. knownIds])), (3, Text()), (1, Gen.OneOf(Oddities)))
            .Select(s => Escape(s.Replace("\0", "", StringComparison.Ordinal))).Where(s => s is not ("" or "." or ".."));
    }

    private Gen<string> Query(ApiOperation operation)
    {
        var parameters = operation.Parameters.Where(p => p["in"]?.GetValue<string>() == "query").ToList();
        return Sequence(parameters.Select(p =>
        {
            var required = p["required"]?.GetValue<bool>() == true;
            var name = p["name"]!.GetValue<string>();
            var value = Gen.Frequency((5, Value(p["schema"]!.AsObject(), MaxDepth).Select(Render)), (1, Gen.OneOf(Oddities))).Select(Escape);
            return Gen.Frequency((required ? 9 : 5, Gen.Frequency((12, value), (1, InvalidUtf8)).Select(v => $"{name}={v}")), (required ? 1 : 5, Gen.Const("")));
        })).Select(pairs => pairs.Any(p => p.Length > 0) ? "?" + string.Join('&', pairs.Where(p => p.Length > 0)) : "");
    }

    private Gen<(string? Text, string ContentType)> Body(ApiOperation operation)
    {
        const string json = "application/json";
        var content = operation.Operation["requestBody"]?["content"]?.AsObject();
        if (content is null)
            return Gen.Frequency((9, Gen.Const<(string?, string)>((null, json))), (1, Gen.Const<(string?, string)>(("{}", json))));
        if (content.ContainsKey("application/x-www-form-urlencoded"))
            return Form();
        if (content.ContainsKey("multipart/form-data"))
            return Multipart();
        var schema = content[json]!["schema"]!.AsObject();
        return Gen.Frequency<(string?, string)>(
            (24, Value(schema, MaxDepth).Select(node => ((string?)(node?.ToJsonString() ?? "null"), json))),
            (1, Gen.Const<(string?, string)>((null, json))),
            (1, Gen.OneOf<(string?, string)>(("", json), ("{", json), ("[1,2]", json), ("42", json), ("\"text\"", json), ("{\"a\":", json))),
            (1, Gen.OneOf<(string?, string)>(("{}", "text/plain"), ("<a/>", "application/xml"), ("a=1", "application/x-www-form-urlencoded"))),
            (1, Gen.Const<(string?, string)>(("{\"content\":\"" + new string('x', 300_000) + "\"}", json))));
    }

    private Gen<(string? Text, string ContentType)> Form() =>
        Sequence(Open311Fields.Select(field => Gen.Frequency(
                (2, Gen.Const("")),
                (1, (field == "api_key" ? Gen.OneOf(Infrastructure.HotlineFactory.IntegratorKey, "wrong-key") : Gen.OneOf([.. knownIds, "SR-ROAD", "990103", "28.68", "115.85", "Complaint", "Urgent"]))
                    .Select(v => $"{Uri.EscapeDataString(field)}={Uri.EscapeDataString(v)}")),
                (1, Text().Select(v => $"{Uri.EscapeDataString(field)}={Escape(v)}")),
                (1, InvalidUtf8.Select(v => $"{Uri.EscapeDataString(field)}={v}")))))
            .Select(pairs => ((string?)string.Join('&', pairs.Where(p => p.Length > 0)), "application/x-www-form-urlencoded"));

    /// <summary>A multipart upload of one file with a reference-data name or another, holding random text.</summary>
    private static Gen<(string? Text, string ContentType)> Multipart() =>
        Gen.Select(Gen.OneOf("units.csv", "routing.xlsx", "knowledge.csv", "notes.txt"), Text(), (name, text) =>
            ((string?)$"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{text}\r\n--b--\r\n",
                "multipart/form-data; boundary=b"));

    /// <summary>A JSON value for <paramref name="schema"/>: mostly of a declared type, sometimes of another.</summary>
    private Gen<JsonNode?> Value(JsonObject schema, int depth)
    {
        schema = Resolve(schema);
        var wrong = WrongType();
        if (schema["anyOf"] is JsonArray anyOf)
            return Gen.Frequency((12, Gen.OneOf([.. anyOf.Select(s => Value(s!.AsObject(), depth))])), (1, wrong));
        var types = Types(schema);
        if (types.Count == 0)
            return Gen.Frequency((3, Any()), (1, wrong));
        var typed = types.Select(type => type switch
        {
            "null" => Gen.Const((JsonNode?)null),
            "string" => StringValue(schema),
            "integer" => Integer(schema),
            "number" => Gen.OneOf(0.5, -1e300, 1e300, double.Epsilon).Select(d => (JsonNode?)JsonValue.Create(d)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "array" => depth == 0 ? Gen.Const<JsonNode?>(new JsonArray()) : Value(schema["items"]?.AsObject() ?? [], depth - 1).Array[0, 3].Select(items => (JsonNode?)new JsonArray(items)),
            "object" => depth == 0 ? Gen.Const<JsonNode?>(new JsonObject()) : Object(schema, depth - 1),
            _ => throw new NotSupportedException($"type '{type}'"),
        }).ToArray();
        return Gen.Frequency((12, Gen.OneOf(typed)), (1, wrong));
    }

    private Gen<JsonNode?> StringValue(JsonObject schema)
    {
        Gen<string> text;
        if (schema["enum"] is JsonArray values)
            text = Gen.Frequency((8, Gen.OneOf([.. values.Select(v => v?.GetValue<string>() ?? "")])), (1, Text()));
        else
        {
            text = schema["format"]?.GetValue<string>() switch
            {
                "date" => Gen.Frequency((3, Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    (3, Gen.OneOf("2026-03-02", "2026-03-31", "2026-04-01")), (3, Gen.OneOf("0001-01-01", "9999-12-31", "1899-12-31", "9000-12-31")),
                    (1, Gen.OneOf(Oddities)), (1, Text())),
                "date-time" => Gen.Frequency((3, Gen.DateTimeOffset.Select(d => d.ToString("O", CultureInfo.InvariantCulture))),
                    (2, Gen.OneOf("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00")), (1, Gen.OneOf(Oddities)), (1, Text())),
                "uuid" => Gen.Frequency((3, Gen.OneOf([.. knownIds])), (2, Gen.Guid.Select(g => g.ToString())), (1, Text())),
                _ => Text(),
            };
        }

        return text.Select(s => (JsonNode?)JsonValue.Create(s));
    }

    private static Gen<JsonNode?> Integer(JsonObject schema)
    {
        var minimum = schema["minimum"]?.GetValue<int>() ?? -1000;
        var maximum = schema["maximum"]?.GetValue<int>() ?? 1000;
        return Gen.Frequency(
            (4, Gen.Int[minimum, maximum].Select(n => (JsonNode?)JsonValue.Create(n))),
            (3, Gen.OneOf(0, -1, 1, minimum - 1, maximum + 1, int.MinValue, int.MaxValue).Select(n => (JsonNode?)JsonValue.Create(n))),
            (1, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))));
    }

    private Gen<JsonNode?> Object(JsonObject schema, int depth)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var properties = (schema["properties"]?.AsObject() ?? []).Select(p =>
        {
            var present = Value(p.Value!.AsObject(), depth).Select(v => (KeyValuePair<string, JsonNode?>?)KeyValuePair.Create(p.Key, v));
            return Gen.Frequency((required.Contains(p.Key) ? 19 : 6, present), (required.Contains(p.Key) ? 1 : 3, Gen.Const(default(KeyValuePair<string, JsonNode?>?))));
        });
        var extra = Gen.Frequency((10, Gen.Const(default(KeyValuePair<string, JsonNode?>?))),
            (1, Text().Select(v => (KeyValuePair<string, JsonNode?>?)KeyValuePair.Create("unexpected", (JsonNode?)JsonValue.Create(v)))));
        var additional = schema["additionalProperties"] is JsonObject anyProperty
            ? Sequence([Value(anyProperty, depth).Select(v => (KeyValuePair<string, JsonNode?>?)KeyValuePair.Create("key", v))])
            : Gen.Const<KeyValuePair<string, JsonNode?>?[]>([]);
        return Gen.Select(Sequence([.. properties, extra]), additional, (a, b) =>
            (JsonNode?)new JsonObject(a.Concat(b).OfType<KeyValuePair<string, JsonNode?>>().DistinctBy(p => p.Key)));
    }

    private static Gen<JsonNode?> Any() =>
        Gen.OneOf(Gen.Const((JsonNode?)null), Gen.Int.Select(n => (JsonNode?)JsonValue.Create(n)), Text().Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Const<JsonNode?>(() => new JsonObject { ["a"] = 1 }));

    private static Gen<JsonNode?> WrongType() =>
        Gen.OneOf(Gen.Const<JsonNode?>(() => JsonValue.Create(42)), Gen.Const<JsonNode?>(() => JsonValue.Create("text")), Gen.Const<JsonNode?>(() => JsonValue.Create(true)),
            Gen.Const<JsonNode?>(() => new JsonArray(1, "a")), Gen.Const<JsonNode?>(() => new JsonObject { ["x"] = null }), Gen.Const((JsonNode?)null));

    private static Gen<string> Text() =>
        Gen.Frequency(
            (6, Gen.String[0, 24]),
            (3, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_"].Array[1, 12].Select(c => new string(c))),
            (2, Gen.OneOf(Oddities)),
            (1, Gen.Char['\u4e00', '\u9fa5'].Array[1, 40].Select(c => new string(c))),
            (1, Gen.OneOf(new string('长', 4_001), new string('x', 70_000))));

    private JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
            schema = contract.Document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
        return schema;
    }

    private static List<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => schema["properties"] is not null ? ["object"] : schema["enum"] is not null ? ["string"] : [],
    };

    private static string Render(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>Percent-encodes, turning a lone surrogate (which has no UTF-8) into U+FFFD first.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(text[i]).Append(text[++i]);
            else
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }

        return Uri.EscapeDataString(builder.ToString());
    }

    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const<T[]>([]), (all, next) => Gen.Select(all, next, (items, item) => (T[])[.. items, item]));

    [GeneratedRegex(@"\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
