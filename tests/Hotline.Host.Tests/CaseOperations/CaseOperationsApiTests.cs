using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.CaseOperations;

/// <summary>
/// The five case operations over HTTP: each answers the case as saved, and each refusal is what the API's rules say
/// (403 for a role that may not, 404 for a case the caller may not see, 400 naming the field, 409 in the wrong state),
/// changing nothing.
/// </summary>
public abstract class CaseOperationsApiTests : IAsyncLifetime
{
    private LifecycleHost _host = null!;
    private HttpClient _dispatcher = null!;
    private HttpClient _operator = null!;
    private HttpClient _integrator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.Add(new Subject { Code = "SR-BUILD", Name = "违章建筑", DefaultCaseType = Hotline.Domain.Cases.CaseType.Report });
            db.Add(new RoutingRule { Id = "R-BUILD", SubjectCode = "SR-BUILD", DistrictCode = "990103", LeadUnitCode = "DH-ZJ", Priority = 10 });
            await db.SaveChangesAsync();
        }

        _dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        _operator = await _host.Factory.CreateUserClientAsync("op-li", ["operator"]);
        _integrator = _host.Factory.CreateIntegratorClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_the_case_as_saved_When_each_operation_succeeds()
    {
        var voided = await PostAsync(_operator, $"/api/cases/{await FileAsync()}/void", new { reason = "测试电话" });
        var first = await FileAsync();
        var merged = await PostAsync(_operator, $"/api/cases/{await FileAsync()}/merge", new { intoCase = first, reason = "同一问题" });
        var reassigned = await PostAsync(_dispatcher, $"/api/cases/{await FileAsync()}/reassign", new { unitCode = "DH-ZJ", reason = "属住建职责" });
        var reclassified = await PostAsync(_dispatcher, $"/api/cases/{await FileAsync()}/reclassify", new { subjectCode = "SR-BUILD", type = "Report", reason = "实为违建举报" });
        var complex = await PostAsync(_dispatcher, $"/api/cases/{await FileAsync()}/complex", new { reason = "涉及多部门", workingDays = 12 });

        Assert.Equal("Voided", voided["status"]!.GetValue<string>());
        Assert.Equal(("Merged", first), (merged["status"]!.GetValue<string>(), await NumberOfAsync(merged["mergedIntoCaseId"]!.GetValue<string>())));
        Assert.Equal("DH-ZJ", reassigned["leadUnitCode"]!.GetValue<string>());
        Assert.Equal(("SR-BUILD", "Report", "DH-ZJ"), (reclassified["subjectCode"]!.GetValue<string>(), reclassified["type"]!.GetValue<string>(), reclassified["leadUnitCode"]!.GetValue<string>()));
        Assert.True(complex["isComplex"]!.GetValue<bool>());
        Assert.Equal(12, complex["deadlineRule"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_answer_403_When_a_role_may_not_operate()
    {
        var number = await FileAsync();
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/cases/{number}/void", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _integrator.PostAsJsonAsync($"/api/cases/{number}/void", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _operator.PostAsJsonAsync($"/api/cases/{number}/reassign", new { unitCode = "DH-ZJ", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _operator.PostAsJsonAsync($"/api/cases/{number}/reclassify", new { type = "Report", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _operator.PostAsJsonAsync($"/api/cases/{number}/complex", new { reason = "x" })).StatusCode);
        Assert.Equal("Dispatched", (await StatusAsync(number)));
    }

    [Theory]
    [InlineData("void", """{}""", "reason")]
    [InlineData("merge", """{"reason":"重复"}""", "intoCase")]
    [InlineData("merge", """{"intoCase":"20990101-000001","reason":"重复"}""", "intoCase")]
    [InlineData("reassign", """{"reason":"改派"}""", "unitCode")]
    [InlineData("reassign", """{"unitCode":"NO-SUCH","reason":"改派"}""", "unitCode")]
    [InlineData("reclassify", """{"type":"Riddle","reason":"改类"}""", "type")]
    [InlineData("complex", """{"reason":"疑难","workingDays":16}""", "workingDays")]
    public async Task Should_answer_400_naming_the_field_and_change_nothing_When_the_request_is_bad(string operation, string body, string field)
    {
        var number = await FileAsync();

        using var response = await _dispatcher.PostAsync($"/api/cases/{number}/{operation}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal("Dispatched", await StatusAsync(number));
    }

    [Fact]
    public async Task Should_answer_404_for_a_case_the_caller_may_not_see_and_409_for_an_ended_one()
    {
        var number = await FileAsync();
        var voided = await FileAsync();
        await PostAsync(_operator, $"/api/cases/{voided}/void", new { reason = "挂断" });

        using var unknown = await _dispatcher.PostAsJsonAsync("/api/cases/20990101-000001/void", new { reason = "x" });
        using var again = await _dispatcher.PostAsJsonAsync($"/api/cases/{voided}/void", new { reason = "x" });
        using var intoEnded = await _dispatcher.PostAsJsonAsync($"/api/cases/{number}/merge", new { intoCase = voided, reason = "x" });
        using var reassignEnded = await _dispatcher.PostAsJsonAsync($"/api/cases/{voided}/reassign", new { unitCode = "DH-ZJ", reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, intoEnded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reassignEnded.StatusCode);
        Assert.Equal("Dispatched", await StatusAsync(number));
    }

    private async Task<string> FileAsync()
    {
        using var response = await _integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<string> StatusAsync(string number) =>
        (await _dispatcher.GetFromJsonAsync<JsonObject>($"/api/cases/{number}"))!["case"]!["status"]!.GetValue<string>();

    private async Task<string> NumberOfAsync(string id) =>
        (await _dispatcher.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!["case"]!["number"]!.GetValue<string>();
}

public sealed class SqliteCaseOperationsApiTests : CaseOperationsApiTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlCaseOperationsApiTests : CaseOperationsApiTests
{
    protected override bool OnPostgreSql => true;
}
