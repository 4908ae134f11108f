using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hotline.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Elsa;

/// <summary>
/// The serializer options of the host's answers to the Studio: <see cref="ElsaWire.Options"/> plus every moment in the
/// hotline's time zone (<c>Hotline:Calendar:TimeZone</c>) with its offset. Some Studio screens show a moment as it comes
/// (version history) and others in the browser's zone (instance list); in the hotline's zone both read the same.
/// </summary>
public sealed class ElsaWireFormat
{
    /// <summary>The format and its zone from the calendar settings.</summary>
    public ElsaWireFormat(IOptions<CalendarOptions> calendar)
    {
        Zone = calendar.Value.ToWorkingHours().TimeZone;
        Options = new(ElsaWire.Options) { Converters = { new ZonedMomentConverter(Zone) } };
    }

    /// <summary>The hotline's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The options.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>A moment in <paramref name="zone"/> with its offset, as the serializer writes it: for moments built into JSON text.</summary>
    public static string Moment(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A copy of an activity's data (a task's payload, an activity's outputs) with every moment in it, a string holding
    /// an ISO 8601 date, time and offset, in <paramref name="zone"/>: the same instants, on the hotline's clock.
    /// </summary>
    public static JsonNode? Moments(JsonNode? node, TimeZoneInfo zone)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                    copy[key] = Moments(value, zone);
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(item => Moments(item, zone)).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var text) && text.Length > 19 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment):
                return JsonValue.Create(Moment(moment, zone));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A moment kept as text in an instance's state (UTC unless it says otherwise), in <paramref name="zone"/>; other text as it is.</summary>
    public static string? Moment(string? text, TimeZoneInfo zone) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? Moment(value, zone) : text;

    // ISO 8601 with the zone's offset (2026-03-02T09:00:00+08:00), which the Studio's DateTimeOffset parsing reads back.
    private sealed class ZonedMomentConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Moment(value, zone));
    }
}

/// <summary>A JSON answer serialized with the host's <see cref="ElsaWireFormat"/>.</summary>
internal sealed class ElsaJsonResult(object value, int statusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        var options = httpContext.RequestServices.GetRequiredService<ElsaWireFormat>().Options;
        return httpContext.Response.WriteAsJsonAsync(value, value.GetType(), options, httpContext.RequestAborted);
    }
}
