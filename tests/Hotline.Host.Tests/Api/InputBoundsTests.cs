using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Api;

/// <summary>The out-of-bounds values, each with the parameter its 400 must name.</summary>
public static class InputBoundsData
{
    public static TheoryData<string, string> ApiQueries => new()
    {
        { "/api/cases?from=0001-01-01", "from" },
        { "/api/cases?subjectCode=SR%00", "subjectCode" },
        { "/api/cases?to=9999-12-31", "to" },
        { "/api/cases?from=1899-12-31", "from" },
        { "/api/cases?from=2201-01-01", "from" },
        { "/api/cases?page=2147483647", "page" },
        { "/api/cases?page=-1", "page" },
        { "/api/cases?pageSize=2147483648", "pageSize" },
        { "/api/cases?status=Nope", "status" },
        { "/api/cases?type=1", "type" },
        { "/api/cases?overdue=yes", "overdue" },
        { "/api/cases?subjectCode=" + new string('x', 5000), "subjectCode" },
        { "/api/cases?districtCode=" + new string('9', 5000), "districtCode" },
        { "/api/cases?unitCode=" + new string('x', 5000), "unitCode" },
        { "/api/cases/" + new string('x', 5000), "idOrNumber" },
        { "/api/escalations?page=2147483647", "page" },
        { "/api/escalations?level=99999999999", "level" },
        { "/api/inbox?page=2147483647", "page" },
        { "/api/inbox?unitCode=" + new string('x', 5000), "unitCode" },
        { "/api/inbox/" + new string('x', 5000), "taskId" },
        { "/api/calendar/years/9999", "year" },
        { "/api/calendar/years/0", "year" },
        { "/api/calendar/years/-1", "year" },
        { "/api/calendar/years/10000", "year" },
        { "/api/calendar/years/2147483648", "year" },
        { "/api/calendar/working-days?from=9999-12-01&to=9999-12-31", "from" },
        { "/api/calendar/working-days?from=0001-01-01&to=0001-01-05", "from" },
        { "/api/calendar/add-working-days?date=9999-12-31&days=10", "date" },
        { "/api/calendar/add-working-days?date=2026-03-02&days=99999999999", "days" },
        { "/api/indicators?from=0001-01-01&to=0001-01-02", "from" },
        { "/api/indicators?from=9000-12-31&to=9001-01-01", "to" },
        { "/api/indicators?from=2026-01-01&to=2026-02-01&unitCode=" + new string('x', 5000), "unitCode" },
        { "/api/indicators/ranking?month=9999-12", "month" },
        { "/api/indicators/ranking?month=0001-01", "month" },
        { "/api/reports/daily?date=9999-12-31", "date" },
        { "/api/reports/daily?date=0001-01-01", "date" },
    };

    public static TheoryData<string, string> Open311Queries => new()
    {
        { "/requests.json?start_date=9999-12-31", "start_date" },
        { "/requests.json?end_date=0001-01-01", "end_date" },
        { "/requests.json?start_date=0001-01-01", "start_date" },
        { "/requests.json?end_date=9999-12-31T23:59:59Z", "end_date" },
        { "/requests.json?start_date=0001-01-01T00:00:00+14:00", "start_date" },
        { "/requests.json?service_code=" + new string('x', 5000), "service_code" },
        { "/requests.json?service_request_id=" + new string('x', 5000), "service_request_id" },
        { "/requests/" + new string('x', 5000) + ".json", "service_request_id" },
        { "/services/" + new string('x', 5000) + ".json", "service_code" },
        { "/tokens/" + new string('x', 5000) + ".json", "token" },
        { "/requests.json?service_request_id=%E2%80%AE%00%07", "service_request_id" },
        { "/requests.json?service_code=SR-%00ROAD", "service_code" },
    };
}

/// <summary>
/// Every query, route and body parameter at and past its bounds (dates at the calendar's ends, years far out, huge
/// pages, long strings, invalid encodings) is a 400 naming the parameter, never a 500.
/// </summary>
public abstract class InputBoundsTests<THost>(THost host) : IClassFixture<THost> where THost : SeededApiHost
{
    [Theory]
    [MemberData(nameof(InputBoundsData.ApiQueries), MemberType = typeof(InputBoundsData))]
    public async Task Should_answer_400_naming_the_parameter_When_an_API_query_or_route_value_is_out_of_bounds(string url, string field)
    {
        using var response = await host.Admin.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), text);
    }

    [Theory]
    [MemberData(nameof(InputBoundsData.Open311Queries), MemberType = typeof(InputBoundsData))]
    public async Task Should_answer_400_naming_the_parameter_When_an_Open311_query_or_route_value_is_out_of_bounds(string url, string field)
    {
        using var client = host.Factory.CreateClient();
        var (status, body) = await Open311TestSupport.GetJsonAsync(client, url);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body}");
        Assert.Contains(Open311TestSupport.ErrorDescriptions(status, body), d => d.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_answer_400_naming_the_year_When_a_calendar_year_far_out_is_saved()
    {
        using var content = new StringContent("""{"source":"x","holidays":[],"makeUpWorkingDays":[]}""", Encoding.UTF8, "application/json");
        using var response = await host.Admin.PutAsync("/api/calendar/years/9999", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("year"), text);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })]
    [InlineData(new byte[] { 0xc3, 0x28 })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    public async Task Should_answer_400_naming_the_body_When_an_Open311_JSON_body_has_invalid_UTF8(byte[] invalid)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"api_key":"{{HotlineFactory.IntegratorKey}}","service_code":"SR-ROAD","description":"占道""")
            .Concat(invalid).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var client = host.Factory.CreateClient();
        var (status, body) = await Open311TestSupport.PostJsonAsync(client, content);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body}");
        Assert.Contains(Open311TestSupport.ErrorDescriptions(status, body), d => d.StartsWith("body:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"service_code":"SR-ROAD","description":"占道\ud800经营"}""", "description")]
    [InlineData("""{"service_code":"SR-ROAD","description":"x","first_name":"\udc00"}""", "first_name")]
    [InlineData("""{"service_code":"SR-ROAD","attribute":{"district_code":"\ud800"}}""", "attribute[district_code]")]
    [InlineData("""{"service_code":"SR-ROAD","\ud800":"x"}""", "body")]
    [InlineData("""{"service_code":"SR-ROAD","address_string":"东湖区新华路1号","description":"占道\u0000经营"}""", "description")]
    public async Task Should_answer_400_naming_the_field_When_an_Open311_JSON_string_has_a_lone_surrogate(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HotlineFactory.IntegratorKey);
        var (status, body) = await Open311TestSupport.PostJsonAsync(client, content);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body}");
        Assert.Contains(Open311TestSupport.ErrorDescriptions(status, body), d => d.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_answer_400_and_create_no_case_When_an_Open311_form_field_carries_a_NUL_character()
    {
        var contexts = host.Factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Hotline.Domain.Persistence.HotlineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var marker = "夜间施工扰民" + Guid.NewGuid().ToString("N");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "SR-ROAD", ["description"] = marker + "\0", ["api_key"] = HotlineFactory.IntegratorKey,
        });
        using var client = host.Factory.CreateClient();

        using var response = await client.PostAsync("/open311/v2/requests.json", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("body:", body, StringComparison.Ordinal);
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Cases, c => c.Content.StartsWith(marker)));
    }

    [Fact]
    public async Task Should_answer_403_before_reading_the_body_When_an_Open311_header_key_is_wrong()
    {
        using var content = new ByteArrayContent([0x7b, 0xff, 0xfe]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");
        var (status, body) = await Open311TestSupport.PostJsonAsync(client, content);
        Assert.True(status == HttpStatusCode.Forbidden, $"{(int)status}: {body}");
    }

    [Theory]
    [InlineData("/api/cases", """{"channel":"Web","content":"占道\ud800经营","type":"Complaint"}""", "content")]
    [InlineData("/api/auth/token", """{"userName":"\ud800","password":"x"}""", "userName")]
    public async Task Should_answer_400_naming_the_field_When_an_API_JSON_string_has_a_lone_surrogate(string url, string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await host.Admin.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey(field), text);
    }

    [Fact]
    public async Task Should_answer_400_naming_the_body_When_an_API_JSON_body_has_invalid_UTF8()
    {
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("""{"channel":"Web","content":"占"""), 0xff, .. Encoding.UTF8.GetBytes("\"}")]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Admin.PostAsync("/api/cases", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("content"), text);
    }
}

public sealed class SqliteInputBoundsTests(SqliteSeededApiHost host) : InputBoundsTests<SqliteSeededApiHost>(host);

public sealed class PostgreSqlInputBoundsTests(PostgreSqlSeededApiHost host) : InputBoundsTests<PostgreSqlSeededApiHost>(host);
