using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Api;

/// <summary>
/// The hotline's HTTP API end to end: an integrator's API key creates the case, each role works it with its own token,
/// and every role × unit check, idempotency and bad input is answered as the issue asks.
/// </summary>
public abstract class CaseApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Wizard = ["wizard"];
    private static readonly string[] UnitRole = ["unit"];

    private LifecycleHost _host = null!;
    private HttpClient _integrator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        _integrator = _host.Factory.CreateIntegratorClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Complaint(string content = "小区门口占道经营，影响通行") => ApiCity.Complaint(content);

    private async Task<JsonObject> CreateAsync(object? body = null, string? key = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body ?? Complaint()) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        using var response = await _integrator.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {json}");
        return json!;
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    [Fact]
    public async Task Should_mask_the_numbers_in_what_the_caller_said_When_the_role_sees_the_callers_number_masked()
    {
        var created = await CreateAsync(Complaint("请回电１３８００１３８０００，或拨0731-88881234。押金12000元未退。"));
        var number = created["number"]!.GetValue<string>();
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var operatorClient = await _host.Factory.CreateUserClientAsync("op-wang", ["operator"]);

        var seenByUnit = (await OkAsync(await unit.GetAsync($"/api/cases/{number}")))["case"]!;
        var listedForUnit = Assert.Single((await OkAsync(await unit.GetAsync("/api/cases")))["items"]!.AsArray())!;
        var seenByOperator = (await OkAsync(await operatorClient.GetAsync($"/api/cases/{number}")))["case"]!;

        Assert.Equal("请回电138****8000，或拨0731-****1234。押金12000元未退。", seenByUnit["content"]!.GetValue<string>());
        Assert.Equal(seenByUnit["content"]!.GetValue<string>(), listedForUnit["content"]!.GetValue<string>());
        Assert.Equal("请回电138****8000，或拨0731-****1234。押金12000元未退。", created["content"]!.GetValue<string>());
        Assert.Equal("请回电１３８００１３８０００，或拨0731-88881234。押金12000元未退。", seenByOperator["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_take_a_case_from_an_integrators_request_to_closing_through_HTTP_alone_with_each_roles_token()
    {
        var created = await CreateAsync();
        var number = created["number"]!.GetValue<string>();
        Assert.Equal("Dispatched", created["status"]!.GetValue<string>());
        Assert.Equal("138****8000", created["citizenPhone"]!.GetValue<string>());

        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var inbox = await OkAsync(await unit.GetAsync("/api/inbox"));
        var task = Assert.Single(inbox["items"]!.AsArray())!;
        Assert.Equal(number, task["caseNumber"]!.GetValue<string>());
        Assert.Equal("Handle", task["kind"]!.GetValue<string>());
        var taskId = task["taskId"]!.GetValue<string>();
        Assert.Equal("SignedFor", (await OkAsync(await unit.PostAsync($"/api/inbox/{taskId}/claim", null)))["task"]!["status"]!.GetValue<string>());
        var answered = await OkAsync(await unit.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "已责令商户退回店内经营。" }));
        Assert.Equal("AwaitingReview", answered["case"]!["status"]!.GetValue<string>());

        var dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        var review = Assert.Single((await OkAsync(await dispatcher.GetAsync("/api/inbox")))["items"]!.AsArray())!;
        Assert.Equal("ReviewAnswer", review["kind"]!.GetValue<string>());
        var approved = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/inbox/{review["taskId"]}/review", new { decision = "approve" }));
        Assert.Equal("AwaitingCallback", approved["case"]!["status"]!.GetValue<string>());

        var agent = await _host.Factory.CreateUserClientAsync("hf-zhao", ["callback-agent"]);
        var call = Assert.Single((await OkAsync(await agent.GetAsync("/api/inbox")))["items"]!.AsArray())!;
        var detail = await OkAsync(await agent.GetAsync($"/api/cases/{number}"));
        Assert.Equal("13800138000", detail["case"]!["citizenPhone"]!.GetValue<string>()); // a callback agent must dial the number
        var closed = await OkAsync(await agent.PostAsJsonAsync($"/api/inbox/{call["taskId"]}/callback", new { result = "Satisfied", resolved = true, note = "满意" }));
        Assert.Equal("Closed", closed["case"]!["status"]!.GetValue<string>());

        var final = await OkAsync(await _integrator.GetAsync($"/api/cases/{number}"));
        Assert.Equal("Closed", final["case"]!["status"]!.GetValue<string>());
        var kinds = final["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["Registered", "DeadlineSet", "Dispatched", "TaskCreated", "SignedFor", "AnswerSubmitted", "TaskCreated", "AnswerAccepted", "Replied", "TaskCreated", "CallbackRecorded", "Closed"], kinds);
        var answer = final["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "AnswerSubmitted")!;
        Assert.Equal(("Unit", "DH-CG"), (answer["actorKind"]!.GetValue<string>(), answer["actorId"]!.GetValue<string>()));
        Assert.Empty(final["pendingTasks"]!.AsArray());
    }

    [Fact]
    public async Task Should_start_one_case_When_the_same_idempotency_key_is_sent_twice_and_refuse_the_key_for_another_body()
    {
        var first = await CreateAsync(key: "portal-0001");
        var again = await CreateAsync(key: "portal-0001", expected: HttpStatusCode.OK);
        var other = await CreateAsync(Complaint("另一件事"), key: "portal-0001", expected: HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first["number"]!.GetValue<string>(), again["number"]!.GetValue<string>());
        Assert.Contains("Idempotency", other["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_start_one_case_When_the_same_idempotency_key_arrives_concurrently()
    {
        var calls = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Complaint()) };
            request.Headers.Add("Idempotency-Key", "portal-race");
            using var response = await _integrator.SendAsync(request);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]?.GetValue<string>());
        })).ToList();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(results.Select(r => r.Item2).Distinct());
        Assert.Equal(1, await CaseCountAsync());
    }

    [Theory]
    [InlineData("""{"channel":"Web","type":"Complaint"}""", "content")]
    [InlineData("""{"channel":"Web","content":"x"}""", "type")]
    [InlineData("""{"channel":"Fax","content":"x","type":"Complaint"}""", "channel")]
    [InlineData("""{"channel":"Web","content":123,"type":"Complaint"}""", "content")]
    [InlineData("""{"channel":"Web","content":"x","type":"Complaint","subjectCode":"SR-NOPE"}""", "subjectCode")]
    [InlineData("""{"channel":"Web","content":"x","type":"Complaint","districtCode":"12"}""", "districtCode")]
    [InlineData("""{"channel":"Web","content":"x","type":"Complaint","citizenPhone":"call me"}""", "citizenPhone")]
    [InlineData("""{"channel":"Web","content":"x","type":"Complaint","colour":"red"}""", "colour")]
    [InlineData("""{"channel":"Web","content":"x","type":"Complaint","urgency":"Whenever"}""", "urgency")]
    public async Task Should_answer_400_naming_the_bad_field_and_create_nothing_When_the_case_is_not_valid(string body, string field)
    {
        using var response = await _integrator.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]?.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(0, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_answer_400_for_malformed_JSON_and_413_for_an_oversized_body_creating_nothing()
    {
        using var malformed = await _integrator.PostAsync("/api/cases", new StringContent("""{"channel":"Web", "content": """, Encoding.UTF8, "application/json"));
        using var huge = await _integrator.PostAsync("/api/cases", JsonContent.Create(new { channel = "Web", type = "Complaint", content = new string('长', 70_000) }));
        using var tooLong = await _integrator.PostAsync("/api/cases", JsonContent.Create(new { channel = "Web", type = "Complaint", content = new string('长', 4_001) }));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("content", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_refuse_anonymous_callers_and_roles_that_may_not_create_cases()
    {
        using var anonymous = await _host.Factory.CreateClient().PostAsJsonAsync("/api/cases", Complaint());
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        using var byUnit = await unit.PostAsJsonAsync("/api/cases", Complaint());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(0, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_hide_another_units_case_and_task_as_not_found_and_refuse_actions_of_the_wrong_role_or_state()
    {
        var number = (await CreateAsync())["number"]!.GetValue<string>();
        var owner = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var stranger = await _host.Factory.CreateUserClientAsync("zj-chen", ["unit"], "DH-ZJ");
        var dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        var taskId = Assert.Single((await OkAsync(await owner.GetAsync("/api/inbox")))["items"]!.AsArray())!["taskId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/inbox/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/inbox/{taskId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "冒充" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync("/api/inbox?unitCode=DH-CG")).StatusCode);
        Assert.Empty((await OkAsync(await stranger.GetAsync("/api/inbox")))["items"]!.AsArray());
        Assert.Equal(0, (await OkAsync(await stranger.GetAsync("/api/cases")))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "代答" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync($"/api/inbox/{taskId}/review", new { decision = "approve" })).StatusCode);
        var missing = await owner.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("answer", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await OkAsync(await owner.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "已处理" }));
        var twice = await owner.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "再答一次" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Completed", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var seen = await OkAsync(await owner.GetAsync($"/api/cases/{number}"));
        Assert.Equal("138****8000", seen["case"]!["citizenPhone"]!.GetValue<string>());
        var awaiting = await OkAsync(await owner.GetAsync("/api/cases?status=AwaitingReview"));
        Assert.Equal((1, false), (awaiting["total"]!.GetValue<int>(), awaiting["totalCapped"]!.GetValue<bool>()));
        var inbox = await OkAsync(await owner.GetAsync("/api/inbox?status=all"));
        Assert.Equal((1, false), (inbox["total"]!.GetValue<int>(), inbox["totalCapped"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Should_refuse_an_extension_after_the_deadline_with_409_and_a_return_to_a_unit_that_does_not_exist_with_400()
    {
        await CreateAsync();
        var owner = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        var taskId = Assert.Single((await OkAsync(await owner.GetAsync("/api/inbox")))["items"]!.AsArray())!["taskId"]!.GetValue<string>();

        await OkAsync(await owner.PostAsJsonAsync($"/api/inbox/{taskId}/return", new { reason = "属住建部门管辖" }));
        var review = Assert.Single((await OkAsync(await dispatcher.GetAsync("/api/inbox?kind=ReviewReturn")))["items"]!.AsArray())!["taskId"]!.GetValue<string>();
        var nowhere = await dispatcher.PostAsJsonAsync($"/api/inbox/{review}/review", new { decision = "approve", unitCode = "NO-SUCH" });
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Contains("unitCode", await nowhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var redispatched = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/inbox/{review}/review", new { decision = "approve", unitCode = "DH-ZJ" }));
        Assert.Equal("DH-ZJ", redispatched["case"]!["leadUnitCode"]!.GetValue<string>());

        var zj = await _host.Factory.CreateUserClientAsync("zj-chen", ["unit"], "DH-ZJ");
        var handle = Assert.Single((await OkAsync(await zj.GetAsync("/api/inbox")))["items"]!.AsArray())!["taskId"]!.GetValue<string>();
        _host.Factory.Clock.Advance(TimeSpan.FromDays(30));
        zj = await _host.Factory.SignInAsync("zj-chen", HotlineFactory.UserPassword); // the morning's sign-in has expired
        var late = await zj.PostAsJsonAsync($"/api/inbox/{handle}/extension", new { days = 3, reason = "太晚了" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("deadline", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_sign_people_in_with_tokens_that_the_administrator_issues_and_that_stop_at_sign_out()
    {
        using var wrong = await _host.Factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "guess-guess-guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        var bad = await admin.PostAsJsonAsync("/api/users", new { userName = "x y", displayName = "", password = "short", roles = Wizard, unitCode = (string?)null });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["displayName", "password", "roles", "userName"], errors.Select(e => e.Key).Order());
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "cg-li", displayName = "李强", password = "a-long-password-1", roles = UnitRole, unitCode = "DH-CG" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var li = await _host.Factory.SignInAsync("cg-li", "a-long-password-1");
        var me = await OkAsync(await li.GetAsync("/api/auth/me"));
        Assert.Equal(("cg-li", "李强", "DH-CG"), (me["userName"]!.GetValue<string>(), me["displayName"]!.GetValue<string>(), me["unitCode"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await li.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await li.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await li.GetAsync("/api/auth/me")).StatusCode);

        _host.Factory.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Should_list_escalated_cases_by_level_for_supervisors_only()
    {
        var number = (await CreateAsync())["number"]!.GetValue<string>();
        // Due Mon 2026-03-16 17:30; level 1 one working day later, level 2 three.
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 17, 17, 30, 0, TimeSpan.FromHours(8)));
        var supervisor = await _host.Factory.CreateUserClientAsync("db-sun", ["supervisor"]);
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");

        var level1 = await OkAsync(await supervisor.GetAsync("/api/escalations?level=1"));
        var level2 = await OkAsync(await supervisor.GetAsync("/api/escalations?level=2"));

        Assert.Equal(number, Assert.Single(level1["items"]!.AsArray())!["number"]!.GetValue<string>());
        Assert.Equal(("Red", 1), (level1["items"]![0]!["warning"]!.GetValue<string>(), level1["items"]![0]!["escalationLevel"]!.GetValue<int>()));
        Assert.Empty(level2["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/escalations?level=7")).StatusCode);
    }

    [Fact]
    public async Task Should_serve_an_OpenAPI_document_listing_every_endpoint_with_its_shapes()
    {
        var document = await OkAsync(await _host.Factory.CreateClient().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/auth/token", "/api/auth/logout", "/api/auth/me", "/api/users", "/api/cases", "/api/cases/{idOrNumber}", "/api/escalations",
            "/api/inbox", "/api/inbox/{taskId}", "/api/inbox/{taskId}/claim", "/api/inbox/{taskId}/answer", "/api/inbox/{taskId}/return",
            "/api/inbox/{taskId}/extension", "/api/inbox/{taskId}/sub-dispatch", "/api/inbox/{taskId}/opinion", "/api/inbox/{taskId}/dispatch",
            "/api/inbox/{taskId}/review", "/api/inbox/{taskId}/callback", "/api/workflows/{definitionId}/instances",
        })
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document.");
        var create = paths["/api/cases"]!["post"]!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(create["responses"]!["201"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(create["responses"]!["400"]);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("CaseIntakeRequest"), string.Join(", ", schemas.Select(s => s.Key)));
        Assert.True(schemas["CaseIntakeRequest"]!["properties"]!.AsObject().ContainsKey("content"));
    }
}

/// <summary>The API on SQLite.</summary>
public sealed class SqliteCaseApiTests : CaseApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCaseApiTests : CaseApiTests
{
    protected override bool OnPostgreSql => true;
}
