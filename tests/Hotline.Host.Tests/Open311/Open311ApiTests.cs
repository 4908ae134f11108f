using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Tests.Open311.Open311TestSupport;

namespace Hotline.Host.Tests.Open311;

/// <summary>GeoReport v2 services, definitions, tokens, errors and validation over HTTP (SQLite).</summary>
public sealed class Open311ApiTests : IAsyncLifetime
{
    private readonly JsonSchemaValidator _schemas = JsonSchemaValidator.Open311();
    private LifecycleHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday);
        await SeedAsync(_host);
        _client = _host.Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Should_list_every_subject_as_a_realtime_service_grouped_by_its_default_case_type_When_services_are_asked_for()
    {
        var (status, body) = await GetJsonAsync(_client, "/services.json");

        Assert.Equal(HttpStatusCode.OK, status);
        _schemas.AssertValid(body, "services.schema.json");
        var services = body!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["SR-CITY", "SR-LIGHT", "SR-ROAD"], services.Select(s => s["service_code"]!.GetValue<string>()));
        var road = services[2];
        Assert.Equal("占道经营", road["service_name"]!.GetValue<string>());
        Assert.Equal("市容环境 › 占道经营", road["description"]!.GetValue<string>());
        Assert.True(road["metadata"]!.GetValue<bool>());
        Assert.Equal("realtime", road["type"]!.GetValue<string>());
        Assert.Equal("投诉", road["group"]!.GetValue<string>());
        Assert.Equal("求助", services[1]["group"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_services_with_service_elements_When_xml_is_asked_for()
    {
        var (status, xml) = await GetXmlAsync(_client, "/services.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(3, xml.Root.Elements("service").Count());
        Assert.Equal(xml.Root.Elements().Count(), xml.Root.Elements("service").Count());
        var road = xml.Root.Elements().Single(s => s.Element("service_code")!.Value == "SR-ROAD");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], road.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", road.Element("metadata")!.Value);
        Assert.Equal("realtime", road.Element("type")!.Value);
        Assert.Equal("投诉", road.Element("group")!.Value);
    }

    [Fact]
    public async Task Should_define_case_type_urgency_district_code_and_channel_When_a_service_definition_is_asked_for()
    {
        var (status, body) = await GetJsonAsync(_client, "/services/SR-ROAD.json");

        Assert.Equal(HttpStatusCode.OK, status);
        _schemas.AssertValid(body, "service-definition.schema.json");
        _schemas.AssertValid(body, "swagger.schema.json", "#/definitions/ServiceDefinition");
        Assert.Equal("SR-ROAD", body!["service_code"]!.GetValue<string>());
        var attributes = body["attributes"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["case_type", "urgency", "district_code", "channel"], attributes.Select(a => a["code"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4], attributes.Select(a => a["order"]!.GetValue<int>()));
        Assert.All(attributes, a => Assert.False(a["required"]!.GetValue<bool>()));
        var caseType = attributes[0];
        Assert.Equal("singlevaluelist", caseType["datatype"]!.GetValue<string>());
        Assert.Equal(["Consultation:咨询", "Help:求助", "Complaint:投诉", "Report:举报", "Suggestion:建议", "Praise:表扬"],
            caseType["values"]!.AsArray().Select(v => $"{v!["key"]!.GetValue<string>()}:{v["name"]!.GetValue<string>()}"));
        Assert.Contains("投诉", caseType["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Normal", "Urgent", "Emergency"], attributes[1]["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
        Assert.Equal("string", attributes[2]["datatype"]!.GetValue<string>());
        Assert.Null(attributes[2]["values"]);
        Assert.Contains("Web", attributes[3]["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));

        var (_, light) = await GetJsonAsync(_client, "/services/SR-LIGHT.json");
        Assert.Contains("求助", light!["attributes"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_nest_attribute_and_value_elements_When_a_service_definition_is_asked_for_in_xml()
    {
        var (status, xml) = await GetXmlAsync(_client, "/services/SR-ROAD.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal(["service_code", "attributes"], xml.Root.Elements().Select(e => e.Name.LocalName));
        var attributes = xml.Root.Element("attributes")!.Elements().ToList();
        Assert.Equal(4, attributes.Count);
        Assert.All(attributes, a => Assert.Equal("attribute", a.Name.LocalName));
        var caseType = attributes[0];
        Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"], caseType.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", caseType.Element("variable")!.Value);
        Assert.Equal("false", caseType.Element("required")!.Value);
        Assert.Equal("1", caseType.Element("order")!.Value);
        var values = caseType.Element("values")!.Elements().ToList();
        Assert.Equal(6, values.Count);
        Assert.All(values, v => Assert.Equal(["key", "name"], v.Elements().Select(e => e.Name.LocalName)));
        Assert.Equal("Complaint", values[2].Element("key")!.Value);
        Assert.Equal("投诉", values[2].Element("name")!.Value);
        Assert.Null(attributes[2].Element("values"));
    }

    [Fact]
    public async Task Should_answer_404_with_an_error_list_When_the_service_or_the_request_is_unknown()
    {
        var (status, body) = await GetJsonAsync(_client, "/services/SR-NOPE.json");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("service_code:", Assert.Single(ErrorDescriptions(status, body)), StringComparison.Ordinal);

        var (xmlStatus, xml) = await GetXmlAsync(_client, "/services/SR-NOPE.xml");
        Assert.Equal(HttpStatusCode.NotFound, xmlStatus);
        Assert.StartsWith("service_code:", Assert.Single(XmlErrorDescriptions(xmlStatus, xml)), StringComparison.Ordinal);

        var (requestStatus, requestBody) = await GetJsonAsync(_client, "/requests/20260302-999999.json");
        Assert.Equal(HttpStatusCode.NotFound, requestStatus);
        Assert.StartsWith("service_request_id:", Assert.Single(ErrorDescriptions(requestStatus, requestBody)), StringComparison.Ordinal);

        var (requestXmlStatus, requestXml) = await GetXmlAsync(_client, "/requests/20260302-999999.xml");
        Assert.Equal(HttpStatusCode.NotFound, requestXmlStatus);
        Assert.Single(XmlErrorDescriptions(requestXmlStatus, requestXml));
    }

    [Fact]
    public async Task Should_answer_400_in_xml_When_the_format_is_neither_json_nor_xml()
    {
        var (status, xml) = await GetXmlAsync(_client, "/services.csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("format:", Assert.Single(XmlErrorDescriptions(status, xml)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no service_code", HttpStatusCode.BadRequest, "service_code")]
    [InlineData("unknown service_code", HttpStatusCode.NotFound, "service_code")]
    [InlineData("no location", HttpStatusCode.BadRequest, "address_string")]
    [InlineData("lat without long", HttpStatusCode.BadRequest, "long")]
    [InlineData("latitude out of range", HttpStatusCode.BadRequest, "lat")]
    [InlineData("no description", HttpStatusCode.BadRequest, "description")]
    [InlineData("description too long", HttpStatusCode.BadRequest, "description")]
    [InlineData("address too long", HttpStatusCode.BadRequest, "address_string")]
    [InlineData("bad case_type", HttpStatusCode.BadRequest, "attribute[case_type]")]
    [InlineData("bad urgency", HttpStatusCode.BadRequest, "attribute[urgency]")]
    [InlineData("bad district_code", HttpStatusCode.BadRequest, "attribute[district_code]")]
    [InlineData("bad channel", HttpStatusCode.BadRequest, "attribute[channel]")]
    [InlineData("unknown attribute", HttpStatusCode.BadRequest, "attribute[colour]")]
    [InlineData("two case types", HttpStatusCode.BadRequest, "attribute[case_type]")]
    [InlineData("bad phone", HttpStatusCode.BadRequest, "phone")]
    [InlineData("no api key", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("wrong api key", HttpStatusCode.Forbidden, "api_key")]
    public async Task Should_answer_an_error_naming_the_field_and_create_nothing_When_the_post_is_bad(string problem, HttpStatusCode expected, string field)
    {
        var fields = ValidFields(f => Spoil(problem, f));

        var (status, body) = await PostJsonAsync(_client, Form([.. fields]));

        Assert.Equal(expected, status);
        var descriptions = ErrorDescriptions(status, body);
        Assert.Contains(descriptions, d => d.StartsWith(field + ":", StringComparison.Ordinal));
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task Should_name_every_bad_field_in_one_answer_When_several_are_bad()
    {
        var fields = ValidFields(f =>
        {
            f.RemoveAll(x => x.Name is "description" or "address_string");
            f.Add(("attribute[urgency]", "ASAP"));
        });

        var (status, body) = await PostJsonAsync(_client, Form([.. fields]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["address_string", "attribute[urgency]", "description"], ErrorDescriptions(status, body).Select(d => d[..d.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task Should_answer_errors_in_xml_and_create_nothing_When_the_api_key_is_missing_on_an_xml_post()
    {
        var fields = ValidFields(f => f.RemoveAll(x => x.Name == "api_key"));
        using var response = await _client.PostAsync($"{Base}/requests.xml", Form([.. fields]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("api_key:", Assert.Single(XmlErrorDescriptions(HttpStatusCode.Forbidden, await ReadXmlAsync(response))), StringComparison.Ordinal);
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task Should_answer_service_requests_with_a_request_element_When_a_post_asks_for_xml()
    {
        using var response = await _client.PostAsync($"{Base}/requests.xml", Form([.. ValidFields()]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await ReadXmlAsync(response);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements());
        Assert.Equal("request", request.Name.LocalName);
        Assert.Equal(["service_request_id", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        Assert.Matches(@"^20260302-\d{6}$", request.Element("service_request_id")!.Value);
        Assert.Equal("", request.Element("account_id")!.Value);
        await CaseByNumberAsync(_host, request.Element("service_request_id")!.Value);
    }

    [Fact]
    public async Task Should_accept_the_key_from_the_X_Api_Key_header_and_file_a_json_body_with_its_attributes_and_coordinates()
    {
        var json = new JsonObject
        {
            ["service_code"] = "SR-LIGHT",
            ["lat"] = 28.6829,
            ["long"] = 115.8579,
            ["description"] = "路口三盏路灯连续一周不亮。",
            ["attribute"] = new JsonObject { ["case_type"] = "建议", ["urgency"] = "Urgent", ["channel"] = "WeChat", ["district_code"] = "990103" },
        };
        using var content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        _client.DefaultRequestHeaders.Add("X-Api-Key", HotlineFactory.OtherIntegratorKey);

        var (status, body) = await PostJsonAsync(_client, content);

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        var @case = await CaseByNumberAsync(_host, body![0]!["service_request_id"]!.GetValue<string>());
        Assert.Equal("28.6829,115.8579", @case.Address);
        Assert.Equal(CaseType.Suggestion, @case.Type);
        Assert.Equal(CaseUrgency.Urgent, @case.Urgency);
        Assert.Equal(CaseChannel.WeChat, @case.Channel);
        Assert.Equal("SR-LIGHT", @case.SubjectCode);
        Assert.Null(@case.CitizenName);
        Assert.Null(@case.CitizenPhone);
        Assert.Equal("DH-GOV", @case.LeadUnitCode);
    }

    [Fact]
    public async Task Should_answer_the_same_request_and_create_one_case_When_a_post_is_retried_with_the_same_Idempotency_Key()
    {
        var (first, firstBody) = await PostJsonAsync(_client, Form([.. ValidFields()]), idempotencyKey: "portal-20260302-0001");
        var (second, secondBody) = await PostJsonAsync(_client, Form([.. ValidFields()]), idempotencyKey: "portal-20260302-0001");
        var (reused, reusedBody) = await PostJsonAsync(_client, Form([.. ValidFields(f => f[3] = ("description", "另一件事：小区路灯不亮。"))]), idempotencyKey: "portal-20260302-0001");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(firstBody![0]!["service_request_id"]!.GetValue<string>(), secondBody![0]!["service_request_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, reused);
        Assert.StartsWith("Idempotency-Key:", Assert.Single(ErrorDescriptions(reused, reusedBody)), StringComparison.Ordinal);
        Assert.Equal(1, await CaseCountAsync(_host));
    }

    [Fact]
    public async Task Should_answer_the_case_number_of_a_case_id_When_a_token_is_looked_up()
    {
        var (_, created) = await PostJsonAsync(_client, Form([.. ValidFields()]));
        var number = created![0]!["service_request_id"]!.GetValue<string>();
        var caseId = (await CaseByNumberAsync(_host, number)).Id.ToString();

        var (status, body) = await GetJsonAsync(_client, $"/tokens/{caseId}.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var token = Assert.IsType<JsonObject>(Assert.Single(body!.AsArray()));
        _schemas.AssertValid(token, "swagger.schema.json", "#/definitions/TokenResponse");
        Assert.Equal(number, token["service_request_id"]!.GetValue<string>());
        Assert.Equal(caseId, token["token"]!.GetValue<string>());

        var (xmlStatus, xml) = await GetXmlAsync(_client, $"/tokens/{caseId}.xml");
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(["service_request_id", "token"], Assert.Single(xml.Root.Elements("request")).Elements().Select(e => e.Name.LocalName));

        var (unknown, unknownBody) = await GetJsonAsync(_client, $"/tokens/{Guid.NewGuid()}.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.StartsWith("token:", Assert.Single(ErrorDescriptions(unknown, unknownBody)), StringComparison.Ordinal);
        var (notGuid, _) = await GetJsonAsync(_client, "/tokens/abc.json");
        Assert.Equal(HttpStatusCode.NotFound, notGuid);
    }

    [Fact]
    public async Task Should_mask_the_citizens_numbers_and_name_in_the_public_description_When_the_citizen_wrote_them_into_it()
    {
        var fields = ValidFields(f => f[3] = ("description", "我是张敏，电话138-0013-8000，备用 +86 139 0000 1111，门牌号 2026-88 号，座机0791-86660001。"));
        var (_, created) = await PostJsonAsync(_client, Form([.. fields]));
        var number = created![0]!["service_request_id"]!.GetValue<string>();

        var (_, body) = await GetJsonAsync(_client, $"/requests/{number}.json");

        var description = body![0]!["description"]!.GetValue<string>();
        Assert.Equal("我是张*，电话138-****-8000，备用 +86 139 **** 1111，门牌号 2026-88 号，座机0791-****0001。", description);
        Assert.Equal("我是张敏，电话138-0013-8000，备用 +86 139 0000 1111，门牌号 2026-88 号，座机0791-86660001。", (await CaseByNumberAsync(_host, number)).Content);
    }

    [Fact]
    public async Task Should_describe_the_six_methods_with_their_GeoReport_field_names_in_the_OpenAPI_document()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/services.{format}", "/services/{service_code}.{format}", "/requests.{format}", "/requests/{service_request_id}.{format}", "/tokens/{token}.{format}" })
            Assert.True(paths.ContainsKey(Base + path), $"{Base}{path} is missing from the OpenAPI document.");
        Assert.NotNull(paths[$"{Base}/requests.{{format}}"]!["post"]!["requestBody"]!["content"]!["application/x-www-form-urlencoded"]);
        Assert.NotNull(paths[$"{Base}/requests.{{format}}"]!["post"]!["responses"]!["403"]);
        var request = document["components"]!["schemas"]!["Open311ServiceRequest"]!["properties"]!.AsObject();
        Assert.Equal(["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "lat", "long", "media_url"], request.Select(p => p.Key));
    }

    private static void Spoil(string problem, List<(string Name, string Value)> fields)
    {
        void Remove(string name) => fields.RemoveAll(f => f.Name == name);
        void Set(string name, string value)
        {
            Remove(name);
            fields.Add((name, value));
        }

        switch (problem)
        {
            case "no service_code": Remove("service_code"); break;
            case "unknown service_code": Set("service_code", "SR-NOPE"); break;
            case "no location": Remove("address_string"); break;
            case "lat without long": Remove("address_string"); Set("lat", "28.68"); break;
            case "latitude out of range": Remove("address_string"); Set("lat", "128.5"); Set("long", "115.85"); break;
            case "no description": Remove("description"); break;
            case "description too long": Set("description", new string('占', 4001)); break;
            case "address too long": Set("address_string", new string('路', 257)); break;
            case "bad case_type": Set("attribute[case_type]", "Gripe"); break;
            case "bad urgency": Set("attribute[urgency]", "ASAP"); break;
            case "bad district_code": Set("attribute[district_code]", "99010"); break;
            case "bad channel": Set("attribute[channel]", "Fax"); break;
            case "unknown attribute": Set("attribute[colour]", "red"); break;
            case "two case types": Set("attribute[case_type]", "Complaint"); fields.Add(("attribute[case_type]", "Help")); break;
            case "bad phone": Set("phone", "call me maybe"); break;
            case "no api key": Remove("api_key"); break;
            case "wrong api key": Set("api_key", HotlineFactory.IntegratorKey + "x"); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }

    private async Task AssertNothingCreatedAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.WorkflowInstances.CountAsync());
        Assert.Equal(0, await db.InboxTasks.CountAsync());
    }
}
