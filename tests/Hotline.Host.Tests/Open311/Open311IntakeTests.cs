using System.Net;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Host.Api.Open311;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using static Hotline.Host.Tests.Open311.Open311TestSupport;

namespace Hotline.Host.Tests.Open311;

/// <summary>
/// The acceptance criteria of the Open311 issue, end to end on each database: a GeoReport v2 <c>POST requests</c>
/// becomes a case in the routed unit's inbox, and the requests read back validate against the GeoReport v2 schemas.
/// </summary>
public abstract class Open311IntakeTests : IAsyncLifetime
{
    private static readonly string ComplaintDeadline = "2026-03-16T17:30:00+08:00";
    private readonly JsonSchemaValidator _schemas = JsonSchemaValidator.Open311();
    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_file_a_case_into_the_routed_units_inbox_and_show_it_open_with_that_unit_When_an_Open311_client_posts_a_form()
    {
        var client = _host.Factory.CreateClient();

        var (status, body) = await PostJsonAsync(client, Form([.. ValidFields()]));

        Assert.Equal(HttpStatusCode.OK, status);
        var created = Assert.IsType<JsonObject>(Assert.Single(Assert.IsType<JsonArray>(body)));
        Assert.Equal(["service_request_id", "service_notice", "account_id"], created.Select(p => p.Key));
        var number = created["service_request_id"]!.GetValue<string>();
        Assert.Matches(@"^20260302-\d{6}$", number);
        Assert.Null(created["account_id"]);
        Assert.Contains(number, created["service_notice"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2026-03-16 17:30", created["service_notice"]!.GetValue<string>(), StringComparison.Ordinal);

        var @case = await CaseByNumberAsync(_host, number);
        Assert.Equal("SR-ROAD", @case.SubjectCode);
        Assert.Equal(CaseType.Complaint, @case.Type);
        Assert.Equal(CaseChannel.Web, @case.Channel);
        Assert.Equal(CaseUrgency.Normal, @case.Urgency);
        Assert.Equal("东湖区新华路88号门口", @case.Address);
        Assert.Equal("990103", @case.DistrictCode);
        Assert.Equal("张敏", @case.CitizenName);
        Assert.Equal("13800138000", @case.CitizenPhone);
        Assert.Equal("新华路88号门口有商贩长期占道经营，行人只能走机动车道。", @case.Content);
        Assert.Equal(CaseStatus.Dispatched, @case.Status);
        Assert.Equal("DH-CG", @case.LeadUnitCode);
        var task = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        Assert.Equal(@case.Id, task.CaseId);
        Assert.Equal(InboxTaskKind.Handle, task.Kind);
        Assert.Empty(await _host.PendingTasksAsync("RX-PD"));

        var (getStatus, requests) = await GetJsonAsync(client, $"/requests/{number}.json");

        Assert.Equal(HttpStatusCode.OK, getStatus);
        _schemas.AssertValid(requests, "requests.schema.json");
        var record = Assert.IsType<JsonObject>(Assert.Single(requests!.AsArray()));
        Assert.All(record.Select(p => p.Key), k => Assert.Contains(k, RequestFields));
        Assert.Equal(number, record["service_request_id"]!.GetValue<string>());
        Assert.Equal("open", record["status"]!.GetValue<string>());
        Assert.Equal("已派单", record["status_notes"]!.GetValue<string>());
        Assert.Equal("SR-ROAD", record["service_code"]!.GetValue<string>());
        Assert.Equal("占道经营", record["service_name"]!.GetValue<string>());
        Assert.Equal("东湖区城管局", record["agency_responsible"]!.GetValue<string>());
        Assert.Equal(@case.Content, record["description"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:00+08:00", record["requested_datetime"]!.GetValue<string>());
        Assert.Equal(ComplaintDeadline, record["expected_datetime"]!.GetValue<string>());
        Assert.Equal("东湖区新华路88号门口", record["address"]!.GetValue<string>());
        Assert.Null(record["lat"]);
        Assert.Null(record["long"]);
        Assert.Null(record["media_url"]);
        var raw = requests.ToJsonString();
        Assert.DoesNotContain("13800138000", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("张敏", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(@case.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);

        var (xmlStatus, xml) = await GetXmlAsync(client, $"/requests/{number}.xml");

        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = Assert.Single(xml.Root.Elements());
        AssertXmlRequest(element);
        Assert.Equal(number, element.Element("service_request_id")!.Value);
        Assert.Equal("open", element.Element("status")!.Value);
        Assert.Equal("东湖区城管局", element.Element("agency_responsible")!.Value);
        Assert.Equal(ComplaintDeadline, element.Element("expected_datetime")!.Value);
        Assert.Equal("", element.Element("lat")!.Value);
    }

    [Fact]
    public async Task Should_filter_requests_by_status_service_code_ids_and_a_window_of_at_most_90_days_When_requests_are_listed()
    {
        var client = _host.Factory.CreateClient();
        var road = await PostAsync(client, ValidFields());
        var light = await PostAsync(client, ValidFields(f => f[1] = ("service_code", "SR-LIGHT")));
        await _host.AdvanceToAsync(Monday.AddHours(2));
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已清理占道摊点，并安排每日巡查。" });
        await _host.ActAsync("RX-PD", "Approved", centre: true);
        await _host.ActAsync("RX-HF", "Satisfied", new { resolved = true }, centre: true);
        Assert.Equal(CaseStatus.Closed, (await CaseByNumberAsync(_host, road)).Status);
        // A hundred days later: the first two are out of the default window of the last 90 days.
        _host.Factory.Clock.Advance(TimeSpan.FromDays(100));
        var later = await PostAsync(client, ValidFields());

        Assert.Equal([later], await NumbersAsync(client, "/requests.json"));
        Assert.Equal([light, road], await NumbersAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-03-03"));
        Assert.Equal([light, road], await NumbersAsync(client, "/requests.json?start_date=2026-03-02T08:00:00%2B08:00&end_date=2026-03-02T10:00:00%2B08:00"));
        Assert.Equal([road], await NumbersAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-03-03&status=closed"));
        Assert.Equal([light], await NumbersAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-03-03&status=open"));
        Assert.Equal([light, road], await NumbersAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-03-03&status=open,closed"));
        Assert.Equal([light], await NumbersAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-03-03&service_code=SR-LIGHT"));
        Assert.Equal([later], await NumbersAsync(client, "/requests.json?service_code=SR-ROAD"));
        // service_request_id overrides every other filter, the default window included.
        Assert.Equal([later, road], await NumbersAsync(client, $"/requests.json?service_request_id={road},{later},20990101-000001&status=open&service_code=SR-LIGHT"));

        var (status, closed) = await GetJsonAsync(client, $"/requests/{road}.json");
        Assert.Equal(HttpStatusCode.OK, status);
        _schemas.AssertValid(closed, "requests.schema.json");
        Assert.Equal("closed", closed![0]!["status"]!.GetValue<string>());
        Assert.Equal("已办结", closed[0]!["status_notes"]!.GetValue<string>());
        Assert.Equal("2026-03-02T11:00:00+08:00", closed[0]!["updated_datetime"]!.GetValue<string>());

        var (tooLong, errors) = await GetJsonAsync(client, "/requests.json?start_date=2026-03-01&end_date=2026-06-01");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains(ErrorDescriptions(tooLong, errors), e => e.StartsWith("start_date/end_date:", StringComparison.Ordinal));
        var (badStatus, statusErrors) = await GetJsonAsync(client, "/requests.json?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains(ErrorDescriptions(badStatus, statusErrors), e => e.StartsWith("status:", StringComparison.Ordinal));

        var (xmlStatus, xml) = await GetXmlAsync(client, "/requests.xml?start_date=2026-03-01&end_date=2026-03-03");
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(2, xml.Root.Elements().Count());
        Assert.All(xml.Root.Elements(), AssertXmlRequest);
        Assert.Equal(["open", "closed"], xml.Root.Elements().Select(e => e.Element("status")!.Value));
    }

    private static async Task<string> PostAsync(HttpClient client, List<(string Name, string Value)> fields)
    {
        var (status, body) = await PostJsonAsync(client, Form([.. fields]));
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        return body![0]!["service_request_id"]!.GetValue<string>();
    }

    private async Task<List<string>> NumbersAsync(HttpClient client, string path)
    {
        var (status, body) = await GetJsonAsync(client, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body?.ToJsonString()}");
        _schemas.AssertValid(body, "requests.schema.json");
        return body!.AsArray().Select(r => r!["service_request_id"]!.GetValue<string>()).ToList();
    }
}

/// <summary>The Open311 acceptance scenarios on SQLite.</summary>
public sealed class SqliteOpen311IntakeTests : Open311IntakeTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The Open311 acceptance scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlOpen311IntakeTests : Open311IntakeTests
{
    protected override bool OnPostgreSql => true;
}
