using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Districts;

/// <summary>
/// Sub-centres (分中心): the staff of 东湖区 (990103) see, list, search and act on their district's cases only, a case of
/// 西湖区 (990104) is answered 404 like one that does not exist, and the city centre sees both. A district's integrator
/// key registers cases in its district only, and its Open311 list shows its district's requests.
/// </summary>
public abstract class DistrictScopeTests : IAsyncLifetime
{
    private const string Donghu = "990103";
    private const string Xihu = "990104";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] CentreRoles = ["dispatcher", "operator", "supervisor"];

    private LifecycleHost _host = null!;
    private HttpClient _city = null!;
    private HttpClient _donghu = null!;
    private string _donghuCase = "";
    private string _xihuCase = "";

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.Add(new HandlingUnit { Code = "XH-CG", Name = "西湖区城管局", Level = UnitLevel.District, DistrictCode = Xihu });
            await db.SaveChangesAsync();
        }

        _city = await _host.Factory.CreateUserClientAsync("city-pd", CentreRoles);
        _donghu = await _host.Factory.CreateUserClientAsync("dh-pd", CentreRoles, districtCode: Donghu);
        using var integrator = _host.Factory.CreateIntegratorClient();
        _donghuCase = await NumberAsync(await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint()));
        // No routing rule for 西湖区: the case waits at the dispatch desk.
        _xihuCase = await NumberAsync(await integrator.PostAsJsonAsync("/api/cases", Complaint(Xihu, "西湖区文三路8号", "13900000002")));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_list_only_its_districts_cases_When_a_sub_centre_lists_and_every_case_When_the_city_does()
    {
        Assert.Equal([_donghuCase], await NumbersAsync(_donghu, "/api/cases"));
        Assert.Equal([_donghuCase, _xihuCase], (await NumbersAsync(_city, "/api/cases")).Order());
        Assert.Empty(await NumbersAsync(_donghu, $"/api/cases?districtCode={Xihu}"));
    }

    [Fact]
    public async Task Should_find_only_its_districts_cases_When_a_sub_centre_searches_the_text()
    {
        var query = "/api/cases?q=" + Uri.EscapeDataString("占道经营");

        Assert.Equal([_donghuCase], await NumbersAsync(_donghu, query));
        Assert.Equal([_donghuCase, _xihuCase], (await NumbersAsync(_city, query)).Order());
    }

    [Fact]
    public async Task Should_answer_404_When_a_sub_centre_reads_another_districts_case_by_number_or_id()
    {
        var xihu = await _city.GetFromJsonAsync<JsonObject>($"/api/cases/{_xihuCase}");
        var id = xihu!["case"]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await _donghu.GetAsync($"/api/cases/{_xihuCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _donghu.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _donghu.GetAsync($"/api/cases/{_donghuCase}")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_another_district_and_default_its_own_When_a_sub_centre_registers_a_case()
    {
        using var refused = await _donghu.PostAsJsonAsync("/api/cases", Complaint(Xihu, "西湖区文三路9号", "13900000003"));
        var defaulted = await _donghu.PostAsJsonAsync("/api/cases", new { channel = "Phone", content = "路灯不亮", type = "Help", citizenPhone = "13900000004" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("districtCode"));
        Assert.Equal(HttpStatusCode.Created, defaulted.StatusCode);
        Assert.Equal(Donghu, (await defaulted.Content.ReadFromJsonAsync<JsonObject>())!["districtCode"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync(c => c.DistrictCode == Xihu ? 1 : 0));
    }

    [Fact]
    public async Task Should_show_and_let_it_act_on_its_districts_tasks_only_When_a_sub_centre_works_the_dispatch_desk()
    {
        var donghuTask = await TaskOfAsync(await _host.Factory.CreateIntegratorClient().PostAsJsonAsync("/api/cases",
            new { channel = "Web", content = "东湖区噪音扰民", type = "Complaint", districtCode = Donghu, citizenPhone = "13900000005" }));
        var xihuTask = await TaskOfAsync(_xihuCase);

        var listed = await _donghu.GetFromJsonAsync<JsonObject>("/api/inbox?unitCode=RX-PD");
        var cityListed = await _city.GetFromJsonAsync<JsonObject>("/api/inbox?unitCode=RX-PD");
        using var read = await _donghu.GetAsync($"/api/inbox/{xihuTask}");
        using var signed = await _donghu.PostAsJsonAsync($"/api/inbox/{xihuTask}/dispatch", new { unitCode = "XH-CG" });

        Assert.Equal([donghuTask], listed!["items"]!.AsArray().Select(t => t!["taskId"]!.GetValue<string>()));
        Assert.Contains(xihuTask, cityListed!["items"]!.AsArray().Select(t => t!["taskId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
    }

    [Fact]
    public async Task Should_count_only_its_districts_cases_When_a_sub_centre_reads_the_indicators_and_the_daily_report()
    {
        var donghuReport = await _donghu.GetFromJsonAsync<JsonObject>("/api/reports/daily?date=2026-03-02");
        var cityReport = await _city.GetFromJsonAsync<JsonObject>("/api/reports/daily?date=2026-03-02");
        var donghuFigures = await _donghu.GetFromJsonAsync<JsonObject>("/api/indicators?from=2026-03-02&to=2026-03-03");
        var cityFigures = await _city.GetFromJsonAsync<JsonObject>("/api/indicators?from=2026-03-02&to=2026-03-03");

        Assert.Equal(1, donghuReport!["registered"]!.GetValue<int>());
        Assert.Equal(2, cityReport!["registered"]!.GetValue<int>());
        Assert.Equal(1, donghuFigures!["cityWide"]!["completion"]!["denominator"]!.GetValue<int>());
        Assert.Equal(2, cityFigures!["cityWide"]!["completion"]!["denominator"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_list_only_its_districts_escalations_When_a_sub_centre_watches_the_ladder()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalationLevel, 1));

        Assert.Equal([_donghuCase], await NumbersAsync(_donghu, "/api/escalations"));
        Assert.Equal(2, (await NumbersAsync(_city, "/api/escalations")).Count);
    }

    [Fact]
    public async Task Should_answer_404_and_change_nothing_When_a_sub_centre_voids_or_merges_into_another_districts_case()
    {
        using var voided = await _donghu.PostAsJsonAsync($"/api/cases/{_xihuCase}/void", new { reason = "测试电话" });
        using var merged = await _donghu.PostAsJsonAsync($"/api/cases/{_donghuCase}/merge", new { intoCase = _xihuCase, reason = "重复" });

        Assert.Equal(HttpStatusCode.NotFound, voided.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, merged.StatusCode);
        Assert.True((await merged.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("intoCase"));
        Assert.Equal(0, await CountAsync(c => c.Status is CaseStatus.Voided or CaseStatus.Merged ? 1 : 0));
    }

    [Fact]
    public async Task Should_not_offer_another_districts_case_as_a_duplicate_When_a_sub_centre_checks_before_saving()
    {
        const string Url = "/api/cases/duplicate-candidates?citizenPhone=13900000002";

        Assert.Empty((await _donghu.GetFromJsonAsync<JsonArray>(Url))!);
        Assert.Equal(_xihuCase, Assert.Single((await _city.GetFromJsonAsync<JsonArray>(Url))!)!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_register_in_its_district_only_and_list_its_districts_requests_When_a_district_key_uses_Open311()
    {
        using var portal = _host.Factory.CreateIntegratorClient(HotlineFactory.DistrictIntegratorKey);
        using var anonymous = _host.Factory.CreateClient();
        using var wrong = await portal.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        var own = await NumberAsync(await portal.PostAsJsonAsync("/api/cases", Complaint(null, "西湖区文三路10号", "13900000006")));
        using var wrongOpen311 = await portal.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "SR-ROAD", ["description"] = "占道经营", ["address_string"] = "东湖区新华路2号", ["attribute[district_code]"] = Donghu,
        }));

        var listed = await portal.GetFromJsonAsync<JsonArray>("/open311/v2/requests.json?start_date=2026-03-01&end_date=2026-03-03");
        var everyone = await anonymous.GetFromJsonAsync<JsonArray>("/open311/v2/requests.json?start_date=2026-03-01&end_date=2026-03-03");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongOpen311.StatusCode);
        Assert.Contains("district", await wrongOpen311.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([_xihuCase, own], listed!.Select(r => r!["service_request_id"]!.GetValue<string>()).Order());
        Assert.Equal(3, everyone!.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/open311/v2/requests/{_donghuCase}.json")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "administrator" }, null, Donghu)]
    [InlineData(new[] { "unit" }, "DH-CG", Donghu)]
    [InlineData(new[] { "dispatcher" }, null, "990199")]
    [InlineData(new[] { "dispatcher" }, null, "99")]
    public async Task Should_refuse_the_district_naming_it_When_an_account_may_not_have_that_district(string[] roles, string? unitCode, string district)
    {
        using var admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);

        using var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "zone-" + roles[0], displayName = "分中心", password = HotlineFactory.UserPassword, roles, unitCode, districtCode = district,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("districtCode"));
    }

    [Fact]
    public async Task Should_confine_an_account_at_once_When_an_administrator_moves_it_to_a_sub_centre_with_an_audit_row()
    {
        using var admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        var before = await admin.GetFromJsonAsync<JsonObject>("/api/admin/users/city-pd");

        using var moved = await admin.PutAsJsonAsync("/api/admin/users/city-pd", new
        {
            version = before!["version"]!.GetValue<int>(), displayName = "城区派单员", roles = CentreRoles, districtCode = Xihu,
        });
        var me = await _city.GetFromJsonAsync<JsonObject>("/api/auth/me");
        var audit = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?entityType=UserAccount&entityId=city-pd");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(Xihu, me!["districtCode"]!.GetValue<string>());
        Assert.Equal([_xihuCase], await NumbersAsync(_city, "/api/cases"));
        var row = audit!["items"]!.AsArray().First(r => r!["action"]!.GetValue<string>() == "user.updated");
        Assert.Null(row!["before"]!["districtCode"]?.GetValue<string>());
        Assert.Equal(Xihu, row["after"]!["districtCode"]!.GetValue<string>());
    }

    private static object Complaint(string? district, string address, string phone) => new
    {
        channel = "Web", content = "门口占道经营", type = "Complaint", subjectCode = "SR-ROAD", citizenPhone = phone, address, districtCode = district,
    };

    private async Task<int> CountAsync(Func<Case, int> weight)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return (await db.Cases.AsNoTracking().ToListAsync()).Sum(weight);
    }

    private async Task<string> TaskOfAsync(HttpResponseMessage created) => await TaskOfAsync(await NumberAsync(created));

    private async Task<string> TaskOfAsync(string number)
    {
        var detail = await _city.GetFromJsonAsync<JsonObject>($"/api/cases/{number}");
        return detail!["pendingTasks"]!.AsArray().Single(t => t!["unitCode"]!.GetValue<string>() == "RX-PD")!["taskId"]!.GetValue<string>();
    }

    private static async Task<List<string>> NumbersAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonObject>(url))!["items"]!.AsArray().Select(c => c!["number"]!.GetValue<string>())];

    private static async Task<string> NumberAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
        }
    }
}

public sealed class SqliteDistrictScopeTests : DistrictScopeTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlDistrictScopeTests : DistrictScopeTests
{
    protected override bool OnPostgreSql => true;
}
