using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Knowledge;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Api;

/// <summary>
/// What an operator looks up while the citizen is on the line: the knowledge base (<c>GET /api/knowledge/search</c>)
/// and the open cases the request may repeat (<c>GET /api/cases/duplicate-candidates</c>), with their refusals.
/// </summary>
public abstract class OperatorLookupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private HttpClient _operator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.AddRange(
                new KnowledgeArticle { Id = "KB-PARK", Title = "居民区停车收费标准", Question = "小区停车怎么收费？", Answer = "按物价局核定标准收费。", Keywords = "停车,收费", SubjectCode = "SR-ROAD" },
                new KnowledgeArticle { Id = "KB-OLD", Title = "旧停车收费规定", Question = "旧规定？", Answer = "已废止。", Keywords = "停车", Status = KnowledgeStatus.Expired },
                new KnowledgeArticle { Id = "KB-WATER", Title = "停水通知查询", Question = "什么时候恢复供水？", Answer = "关注供水公司公告。", Keywords = "停水" });
            await db.SaveChangesAsync();
        }

        _operator = await _host.Factory.CreateUserClientAsync("hw-li", ["operator"]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_list_the_active_articles_that_match_best_first_When_an_operator_searches()
    {
        var hits = await _operator.GetFromJsonAsync<JsonArray>("/api/knowledge/search?q=" + Uri.EscapeDataString("停车怎么收费"));

        Assert.Equal(["KB-PARK"], hits!.Select(h => h!["id"]!.GetValue<string>()));
        Assert.Equal("按物价局核定标准收费。", hits![0]!["answer"]!.GetValue<string>());
        Assert.True(hits[0]!["score"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Should_list_a_subjects_articles_When_only_the_subject_is_given()
    {
        var hits = await _operator.GetFromJsonAsync<JsonArray>("/api/knowledge/search?subjectCode=SR-ROAD");

        Assert.Equal(["KB-PARK"], hits!.Select(h => h!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/knowledge/search", "q")]
    [InlineData("/api/knowledge/search?q=%E5%81%9C%E8%BD%A6&take=0", "take")]
    [InlineData("/api/knowledge/search?q=%E5%81%9C%E8%BD%A6&take=x", "take")]
    [InlineData("/api/cases/duplicate-candidates", "citizenPhone")]
    [InlineData("/api/cases/duplicate-candidates?citizenPhone=abc", "citizenPhone")]
    [InlineData("/api/cases/duplicate-candidates?subjectCode=SR-ROAD&districtCode=99&address=x", "districtCode")]
    public async Task Should_answer_400_naming_the_field_When_a_lookup_is_not_valid(string url, string field)
    {
        using var response = await _operator.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_a_handling_unit_and_an_integrator_When_they_look_up()
    {
        var unit = await _host.Factory.CreateUserClientAsync("cg-wu", ["unit"], "DH-CG");
        using var integrator = _host.Factory.CreateIntegratorClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/knowledge/search?q=%E5%81%9C%E8%BD%A6")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/cases/duplicate-candidates?citizenPhone=13800138000")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync("/api/cases/duplicate-candidates?citizenPhone=13800138000")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_dispatcher_the_callers_number_but_not_the_place_When_it_looks_for_duplicates()
    {
        var dispatcher = await _host.Factory.CreateUserClientAsync("pd-zhao", ["dispatcher"]);
        var byPlace = "/api/cases/duplicate-candidates?subjectCode=SR-ROAD&districtCode=990103&address=" + Uri.EscapeDataString("东湖区新华路88号");

        using var byCaller = await dispatcher.GetAsync("/api/cases/duplicate-candidates?citizenPhone=13800138000");
        using var atPlace = await dispatcher.GetAsync(byPlace);

        // A dispatcher sees callers' numbers masked: it may not learn whose number has cases.
        Assert.Equal(HttpStatusCode.Forbidden, byCaller.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atPlace.StatusCode);
    }

    [Fact]
    public async Task Should_find_a_callers_cases_by_the_full_number_When_the_role_sees_numbers_and_refuse_it_otherwise()
    {
        using var integrator = _host.Factory.CreateIntegratorClient();
        var number = (await (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
        var unit = await _host.Factory.CreateUserClientAsync("cg-zhou", ["unit"], "DH-CG");

        var found = await _operator.GetFromJsonAsync<JsonObject>("/api/cases?phone=" + Uri.EscapeDataString("+86 138-0013-8000"));
        var none = await _operator.GetFromJsonAsync<JsonObject>("/api/cases?phone=13900000000");
        using var refused = await unit.GetAsync("/api/cases?phone=13800138000");
        using var bad = await _operator.GetAsync("/api/cases?phone=abc");

        Assert.Equal(number, Assert.Single(found!["items"]!.AsArray())!["number"]!.GetValue<string>());
        Assert.Empty(none!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("phone"));
    }

    [Fact]
    public async Task Should_find_the_open_case_by_the_same_caller_or_the_same_place_When_the_operator_checks_before_saving()
    {
        using var integrator = _host.Factory.CreateIntegratorClient();
        var filed = await (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).Content.ReadFromJsonAsync<JsonObject>();
        var number = filed!["number"]!.GetValue<string>();

        var byCaller = await _operator.GetFromJsonAsync<JsonArray>("/api/cases/duplicate-candidates?citizenPhone=" + Uri.EscapeDataString("138 0013 8000"));
        var byPlace = await _operator.GetFromJsonAsync<JsonArray>("/api/cases/duplicate-candidates?subjectCode=SR-ROAD&districtCode=990103&address=" + Uri.EscapeDataString("东湖区新华路1号"));
        var otherCaller = await _operator.GetFromJsonAsync<JsonArray>("/api/cases/duplicate-candidates?citizenPhone=13900000000");

        Assert.Equal(number, Assert.Single(byCaller!)!["number"]!.GetValue<string>());
        Assert.Equal("SameCaller", byCaller![0]!["reason"]!.GetValue<string>());
        Assert.Equal(number, Assert.Single(byPlace!)!["number"]!.GetValue<string>());
        Assert.Empty(otherCaller!);
    }
}

public sealed class SqliteOperatorLookupTests : OperatorLookupTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlOperatorLookupTests : OperatorLookupTests
{
    protected override bool OnPostgreSql => true;
}
