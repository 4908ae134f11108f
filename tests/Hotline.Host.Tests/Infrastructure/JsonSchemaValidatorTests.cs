using System.Text.Json.Nodes;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>The test validator finds what the GeoReport v2 schemas forbid (so a passing contract test means something).</summary>
public sealed class JsonSchemaValidatorTests
{
    private const string Request = """
        {
          "service_request_id": "20260302-000001", "status": "open", "status_notes": null, "service_name": "占道经营",
          "service_code": "SR-ROAD", "description": "占道经营", "agency_responsible": "东湖区城管局",
          "requested_datetime": "2026-03-02T09:00:00+08:00", "updated_datetime": "2026-03-02T09:00:00+08:00",
          "expected_datetime": null, "address": "新华路88号", "lat": null, "long": null, "media_url": null
        }
        """;

    private readonly JsonSchemaValidator _schemas = JsonSchemaValidator.Open311();

    [Fact]
    public void Should_accept_a_request_list_that_follows_the_schema()
    {
        Assert.Empty(_schemas.Validate(new JsonArray(JsonNode.Parse(Request)), "requests.schema.json"));
    }

    [Theory]
    [InlineData("status", "\"pending\"")]
    [InlineData("service_code", "12")]
    [InlineData("requested_datetime", "\"2026-03-02 09:00\"")]
    [InlineData("requested_datetime", "\"2026-03-02T09:00:00\"")]
    [InlineData("lat", "\"28.6\"")]
    [InlineData("media_url", "\"not a uri\"")]
    public void Should_report_a_field_of_the_wrong_kind_through_the_list_reference(string field, string value)
    {
        var request = JsonNode.Parse(Request)!.AsObject();
        request[field] = JsonNode.Parse(value);

        var errors = _schemas.Validate(new JsonArray(request), "requests.schema.json");

        Assert.Contains(errors, e => e.StartsWith($"/0/{field}:", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_a_missing_required_field_and_a_description_over_4000_characters()
    {
        var request = JsonNode.Parse(Request)!.AsObject();
        request.Remove("service_request_id");
        request["description"] = new string('a', 4001);

        var errors = _schemas.Validate(request, "request.schema.json");

        Assert.Contains(errors, e => e.StartsWith(": ", StringComparison.Ordinal) && e.Contains("service_request_id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/description:", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_check_definitions_of_the_swagger_file_by_pointer()
    {
        var attribute = JsonNode.Parse("""{ "service_code": "SR-ROAD", "attributes": [ { "variable": true, "code": "x", "datatype": "colour", "required": "no", "order": 1.5 } ] }""");

        var errors = _schemas.Validate(attribute, "swagger.schema.json", "#/definitions/ServiceDefinition");

        Assert.Contains(errors, e => e.StartsWith("/attributes/0/datatype:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/attributes/0/required:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/attributes/0/order:", StringComparison.Ordinal));
    }
}
