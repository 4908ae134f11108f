using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Elsa;

/// <summary>
/// The serializer options of the host's answers to the Studio: <see cref="ElsaWire.Options"/> plus every moment in the
/// hotline's time zone (<c>Hotline:Calendar:TimeZone</c>) with its offset. Some Studio screens show a moment as it comes
/// (version history) and others in the browser's zone (instance list); in the hotline's zone both read the same.
/// </summary>
public sealed class ElsaWireFormat(IOptions<CalendarOptions> calendar)
{
    /// <summary>The options.</summary>
    public JsonSerializerOptions Options { get; } = new(ElsaWire.Options)
    {
        Converters = { new ZonedMomentConverter(calendar.Value.ToWorkingHours().TimeZone) },
    };

    // ISO 8601 with the zone's offset (2026-03-02T09:00:00+08:00), which the Studio's DateTimeOffset parsing reads back.
    private sealed class ZonedMomentConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
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
