using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Hotline.Domain.Cases;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Open311;

/// <summary>The city the Open311 tests file into, and HTTP helpers for GeoReport v2 calls.</summary>
public static class Open311TestSupport
{
    public const string Base = "/open311/v2";
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Mon 2026-03-02 09:00 China time: a complaint registered now is due Mon 2026-03-16 17:30 (10 working days).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);

    /// <summary>The fields GeoReport v2 defines for a request record, in the spec's order.</summary>
    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private static readonly string[] RequiredRequestFields = ["service_request_id", "status", "service_code", "requested_datetime"];
    private static readonly string[] Statuses = ["open", "closed"];

    /// <summary>A dispatch desk, a district and its units; 占道经营 (complaint) under 市容环境, 路灯不亮 (help); rules for district 990103.</summary>
    public static async Task SeedAsync(LifecycleHost host)
    {
        await using var db = await host.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = "RX-PD", Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100", ContactPhone = "0791-12345000" },
            new HandlingUnit { Code = "DH-GOV", Name = "东湖区人民政府", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103", ContactPhone = "0791-86660001" },
            new HandlingUnit { Code = "DH-SC", Name = "东湖区市场监管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-CITY", Name = "市容环境", DefaultCaseType = CaseType.Complaint });
        await db.SaveChangesAsync();
        db.AddRange(
            new Subject { Code = "SR-ROAD", Name = "占道经营", ParentCode = "SR-CITY", DefaultCaseType = CaseType.Complaint },
            new Subject { Code = "SR-LIGHT", Name = "路灯不亮", DefaultCaseType = CaseType.Help });
        await db.SaveChangesAsync();
        db.AddRange(
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 },
            new RoutingRule { Id = "R-LIGHT", SubjectCode = "SR-LIGHT", DistrictCode = "990103", LeadUnitCode = "DH-GOV", Priority = 10 });
        await db.SaveChangesAsync();
    }

    /// <summary>A form as Open311 clients post it.</summary>
    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The fields of a valid request for 占道经营 in district 990103, with the integrator key; <paramref name="change"/> edits them.</summary>
    public static List<(string Name, string Value)> ValidFields(Action<List<(string Name, string Value)>>? change = null)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("api_key", HotlineFactory.IntegratorKey),
            ("service_code", "SR-ROAD"),
            ("address_string", "东湖区新华路88号门口"),
            ("description", "新华路88号门口有商贩长期占道经营，行人只能走机动车道。"),
            ("phone", "138 0013 8000"),
            ("first_name", "敏"),
            ("last_name", "张"),
            ("attribute[district_code]", "990103"),
        };
        change?.Invoke(fields);
        return fields;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Base + path);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<(HttpStatusCode Status, XDocument Body)> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Base + path);
        return (response.StatusCode, await ReadXmlAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(HttpClient client, HttpContent content, string format = "json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.{format}") { Content = content };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task<XDocument> ReadXmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    /// <summary>The descriptions of an Open311 error list, after checking its shape: <c>[{code, description}]</c>, each code the HTTP status.</summary>
    public static List<string> ErrorDescriptions(HttpStatusCode status, JsonNode? body)
    {
        var errors = Assert.IsType<JsonArray>(body);
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            var fields = Assert.IsType<JsonObject>(error);
            Assert.Equal(["code", "description"], fields.Select(f => f.Key));
            Assert.Equal((int)status, fields["code"]!.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(fields["description"]!.GetValue<string>()));
        }

        return errors.Select(e => e!["description"]!.GetValue<string>()).ToList();
    }

    /// <summary>Checks <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c> and returns the descriptions.</summary>
    public static List<string> XmlErrorDescriptions(HttpStatusCode status, XDocument body)
    {
        Assert.Equal("errors", body.Root!.Name.LocalName);
        var errors = body.Root.Elements().ToList();
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.Equal("error", error.Name.LocalName);
            Assert.Equal(["code", "description"], error.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        }

        return errors.Select(e => e.Element("description")!.Value).ToList();
    }

    /// <summary>Checks that <paramref name="request"/> is a <c>&lt;request&gt;</c> whose children are request fields, each once, in the spec's order.</summary>
    public static void AssertXmlRequest(XElement request)
    {
        Assert.Equal("request", request.Name.LocalName);
        var names = request.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.All(names, n => Assert.Contains(n, RequestFields));
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(names.OrderBy(n => Array.IndexOf(RequestFields, n)), names);
        foreach (var required in RequiredRequestFields)
            Assert.False(string.IsNullOrEmpty(request.Element(required)?.Value), $"<{required}> is missing or empty");
        Assert.Contains(request.Element("status")!.Value, Statuses);
        Assert.All(request.Elements(), e => Assert.False(e.HasElements, $"<{e.Name}> must be a simple value"));
    }

    public static async Task<int> CaseCountAsync(LifecycleHost host)
    {
        await using var db = await host.Contexts.CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    public static async Task<Case> CaseByNumberAsync(LifecycleHost host, string number)
    {
        await using var db = await host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
    }
}
