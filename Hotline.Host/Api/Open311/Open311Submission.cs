using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Domain.Cases;
using Hotline.Domain.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace Hotline.Host.Api.Open311;

/// <summary>
/// The fields of a <c>POST requests</c>: from an <c>application/x-www-form-urlencoded</c> (or multipart) form as
/// GeoReport v2 says, or from a JSON object; query-string parameters fill in what the body lacks (the Open311 Swagger
/// file puts them there). <c>attribute[code]</c> fields are kept apart, by code.
/// </summary>
public sealed partial class Open311Form
{
    /// <summary>Largest accepted body: a 4,000-character description, percent-encoded, fits several times over.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _attributes = new(StringComparer.OrdinalIgnoreCase);

    private Open311Form()
    {
    }

    /// <summary>Plain fields by name (case-insensitive); a field may repeat.</summary>
    public IReadOnlyDictionary<string, List<string>> Fields => _fields;

    /// <summary>Attribute values by attribute code (case-insensitive), from <c>attribute[code]</c>.</summary>
    public IReadOnlyDictionary<string, List<string>> Attributes => _attributes;

    /// <summary>Reads the body; the error says why it cannot be read (too large, not a form, not JSON).</summary>
    public static async Task<(Open311Form? Form, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
            return (null, $"body: larger than {MaxBodyBytes} bytes.");
        var form = Empty();
        string? error = null;
        if (request.HasFormContentType)
            error = await form.AddFormAsync(request, cancellationToken);
        else if (request.HasJsonContentType())
            error = await form.AddJsonBodyAsync(request, cancellationToken);
        else if (request.ContentType is { Length: > 0 } && request.ContentLength != 0)
            error = "body: must be application/x-www-form-urlencoded (or multipart/form-data, or application/json).";
        if (error is not null)
            return (null, error);

        form.AddQuery(request.Query);
        return (form, null);
    }

    /// <summary>The form of fields already read (a multipart body's), with the query's fields the body lacks.</summary>
    internal static Open311Form FromFields(IEnumerable<KeyValuePair<string, string>> fields, IQueryCollection query)
    {
        var form = Empty();
        foreach (var (name, value) in fields)
            form.Add(name, value);
        form.AddQuery(query);
        return form;
    }

    private void AddQuery(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (Has(name))
                continue;
            foreach (var value in values)
                Add(name, value ?? "");
        }
    }

    /// <summary>The first value of a field, trimmed, or null when missing or blank; more than one value is an error.</summary>
    public string? One(string name, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Fields.TryGetValue(name, out var values))
            return null;
        if (values.Count > 1)
            errors.Add($"{name}: one value expected, {values.Count} were given.");
        return string.IsNullOrWhiteSpace(values[0]) ? null : values[0].Trim();
    }

    private async Task<string?> AddFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection collection;
        try
        {
            collection = await request.ReadFormAsync(new FormOptions
            {
                ValueCountLimit = 200,
                KeyLengthLimit = 200,
                ValueLengthLimit = MaxBodyBytes,
                MultipartBodyLengthLimit = MaxBodyBytes,
                MultipartHeadersLengthLimit = 16 * 1024,
            }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return "body: the form cannot be read: " + e.Message;
        }

        foreach (var (name, values) in collection)
        {
            foreach (var value in values)
                Add(name, value ?? "");
        }

        return null;
    }

    private async Task<string?> AddJsonBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadJsonAsync(request, cancellationToken);
        if (error is not null)
            return error;
        try
        {
            return AddJson(body!);
        }
        catch (InvalidOperationException)
        {
            // A property name with an unpaired surrogate escape ("\ud800") cannot be read as text.
            return "body: a property name is not valid text (an unpaired surrogate escape).";
        }
    }

    private bool Has(string name) =>
        AttributeName().Match(name) is { Success: true } m ? Attributes.ContainsKey(m.Groups[1].Value) : Fields.ContainsKey(name);

    private static Open311Form Empty() => new();

    private void Add(string name, string value)
    {
        var match = AttributeName().Match(name);
        var (target, key) = match.Success ? (_attributes, match.Groups[1].Value) : (_fields, name);
        if (!target.TryGetValue(key, out var list))
            target[key] = list = [];
        list.Add(value);
    }

    private string? AddJson(JsonNode body)
    {
        if (body is not JsonObject obj)
            return "The JSON body must be an object of fields.";
        foreach (var (name, value) in obj)
        {
            if (string.Equals(name, "attribute", StringComparison.OrdinalIgnoreCase) && value is JsonObject attributes)
            {
                foreach (var (code, attributeValue) in attributes)
                {
                    if (AddJsonValue($"attribute[{code}]", attributeValue) is { } error)
                        return error;
                }
            }
            else if (AddJsonValue(name, value) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? AddJsonValue(string name, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not JsonValue scalar)
                        return $"{name}: a value must be a string or a number.";
                    if (AddScalar(name, scalar) is { } error)
                        return error;
                }

                return null;
            case JsonValue scalar:
                return AddScalar(name, scalar);
            default:
                return $"{name}: a value must be a string or a number.";
        }
    }

    private string? AddScalar(string name, JsonValue value)
    {
        string text;
        try
        {
            text = Scalar(value);
        }
        catch (InvalidOperationException)
        {
            // JSON may escape an unpaired surrogate ("\ud800"), which is no text: reading it as a string throws.
            return $"{name}: not valid text (an unpaired surrogate escape).";
        }

        Add(name, text);
        return null;
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => value.ToJsonString(),
    };

    private static async Task<(JsonNode? Body, string? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
                return (null, $"body: larger than {MaxBodyBytes} bytes.");
        }

        var bytes = buffer.ToArray();
        // The JSON reader checks structure, not the bytes inside strings: invalid UTF-8 would throw only when read.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            return (null, "body: not valid UTF-8.");
        try
        {
            return bytes.Length == 0 ? (new JsonObject(), null) : (JsonNode.Parse(bytes), null);
        }
        catch (JsonException e)
        {
            return (null, "body: not valid JSON: " + e.Message);
        }
    }

    [GeneratedRegex(@"^attribute\[([^\[\]]+)\](?:\[\])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AttributeName();
}

/// <summary>
/// Turns an Open311 <c>POST requests</c> for a subject into a <see cref="CaseIntakeRequest"/>, or into errors that each
/// start with the Open311 field at fault.
/// </summary>
public static class Open311Submission
{
    /// <summary>Longest description (GeoReport v2 and <see cref="CaseIntake.MaxContentLength"/> agree).</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>Longest address (the case's column).</summary>
    public const int MaxAddressLength = 256;

    /// <summary>The Open311 field for each field <see cref="CaseIntake"/> reports, so its errors name what the client sent.</summary>
    public static IReadOnlyDictionary<string, string> IntakeFieldNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["channel"] = $"attribute[{Open311Mapping.ChannelAttribute}]",
        ["content"] = "description",
        ["type"] = $"attribute[{Open311Mapping.CaseTypeAttribute}]",
        ["subjectCode"] = "service_code",
        ["citizenName"] = "first_name/last_name",
        ["citizenPhone"] = "phone",
        ["address"] = "address_string",
        ["districtCode"] = $"attribute[{Open311Mapping.DistrictCodeAttribute}]",
        ["urgency"] = $"attribute[{Open311Mapping.UrgencyAttribute}]",
        ["knowledgeArticleId"] = "knowledge_article_id",
        ["Idempotency-Key"] = "Idempotency-Key",
    };

    private static readonly string[] KnownAttributes =
        [Open311Mapping.CaseTypeAttribute, Open311Mapping.UrgencyAttribute, Open311Mapping.DistrictCodeAttribute, Open311Mapping.ChannelAttribute];

    /// <summary>The case request, or the errors (then the request is null and nothing may be created).</summary>
    public static (CaseIntakeRequest? Request, IReadOnlyList<string> Errors) Validate(Open311Form form, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(subject);
        var errors = new List<string>();

        var description = form.One("description", errors);
        if (description is null)
            errors.Add($"description: required: what the citizen reports (at most {MaxDescriptionLength} characters).");
        else if (description.Length > MaxDescriptionLength)
            errors.Add($"description: {description.Length} characters, longer than the {MaxDescriptionLength} allowed.");

        var address = Location(form, errors);
        if (address is { Length: > MaxAddressLength })
            errors.Add($"address_string: longer than {MaxAddressLength} characters.");

        var phone = form.One("phone", errors);
        var name = Open311Mapping.CitizenName(form.One("first_name", errors), form.One("last_name", errors));
        if (name is { Length: > 64 })
            errors.Add("first_name/last_name: longer than 64 characters together.");

        var (caseType, urgency, channel, districtCode) = ReadAttributes(form, subject, errors);
        if (errors.Count > 0)
            return (null, errors);
        return (new CaseIntakeRequest(
            Channel: channel.ToString(),
            Content: description,
            Type: caseType.ToString(),
            SubjectCode: subject.Code,
            CitizenName: name,
            CitizenPhone: phone,
            Address: address,
            DistrictCode: districtCode,
            Urgency: urgency.ToString()), errors);
    }

    private static (CaseType Type, CaseUrgency Urgency, CaseChannel Channel, string? DistrictCode) ReadAttributes(Open311Form form, Subject subject, List<string> errors)
    {
        var caseType = subject.DefaultCaseType;
        var urgency = CaseUrgency.Normal;
        var channel = Open311Mapping.DefaultChannel;
        string? districtCode = null;
        foreach (var (code, values) in form.Attributes)
        {
            var field = $"attribute[{code}]";
            if (values.Count > 1)
            {
                errors.Add($"{field}: one value expected, {values.Count} were given.");
                continue;
            }

            var value = values[0].Trim();
            switch (KnownAttributes.FirstOrDefault(k => string.Equals(k, code, StringComparison.OrdinalIgnoreCase)))
            {
                case Open311Mapping.CaseTypeAttribute:
                    caseType = Choice(field, value, caseType, Open311Mapping.CaseTypeName, errors);
                    break;
                case Open311Mapping.UrgencyAttribute:
                    urgency = Choice(field, value, urgency, Open311Mapping.UrgencyName, errors);
                    break;
                case Open311Mapping.ChannelAttribute:
                    channel = Choice(field, value, channel, Open311Mapping.ChannelName, errors);
                    break;
                case Open311Mapping.DistrictCodeAttribute:
                    districtCode = DistrictCode(field, value, districtCode, errors);
                    break;
                default:
                    errors.Add($"{field}: service {subject.Code} has no attribute '{code}' ({Open311Mapping.CaseTypeAttribute}, {Open311Mapping.UrgencyAttribute}, " +
                        $"{Open311Mapping.DistrictCodeAttribute}, {Open311Mapping.ChannelAttribute}).");
                    break;
            }
        }

        return (caseType, urgency, channel, districtCode);
    }

    /// <summary>A six-digit district code; a blank value keeps <paramref name="fallback"/>, anything else is an error.</summary>
    private static string? DistrictCode(string field, string value, string? fallback, List<string> errors)
    {
        if (value.Length == 0)
            return fallback;
        if (value.Length == 6 && value.All(char.IsAsciiDigit))
            return value;
        errors.Add($"{field}: '{value}' is not a district code (six digits).");
        return fallback;
    }

    /// <summary><see cref="CaseIntake"/>'s errors, each starting with the Open311 field it is about.</summary>
    public static IReadOnlyList<string> FromIntake(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Select(e => $"{IntakeFieldNames.GetValueOrDefault(e.Key, e.Key)}: {string.Join(" ", e.Value)}").ToList();
    }

    /// <summary>The address to store: <c>address_string</c>, else "lat,long" (coordinates are not stored apart).</summary>
    private static string? Location(Open311Form form, List<string> errors)
    {
        var address = form.One("address_string", errors);
        var latText = form.One("lat", errors);
        var longText = form.One("long", errors);
        if (latText is null && longText is null)
        {
            if (address is null)
                errors.Add("address_string: a location is required: address_string, or lat and long.");
            return address;
        }

        var lat = Coordinate("lat", latText, 90, errors);
        var lon = Coordinate("long", longText, 180, errors);
        if (address is not null)
            return address;
        return lat is { } a && lon is { } b ? string.Create(CultureInfo.InvariantCulture, $"{a},{b}") : null;
    }

    private static double? Coordinate(string field, string? text, double limit, List<string> errors)
    {
        if (text is null)
        {
            errors.Add($"{field}: required with {(field == "lat" ? "long" : "lat")}.");
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
            return value;
        errors.Add($"{field}: '{text}' is not a WGS-84 {(field == "lat" ? "latitude" : "longitude")} (a number from -{limit} to {limit}).");
        return null;
    }

    private static T Choice<T>(string field, string value, T fallback, Func<T, string> chineseName, List<string> errors) where T : struct, Enum
    {
        if (value.Length == 0)
            return fallback;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase) || chineseName(candidate) == value)
                return candidate;
        }

        errors.Add($"{field}: '{value}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(c => $"{c} ({chineseName(c)})"))}.");
        return fallback;
    }
}
