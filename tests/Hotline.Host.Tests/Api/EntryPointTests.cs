using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Api;

/// <summary>
/// Who may start what over <c>POST /api/workflows/{definitionId}/instances</c>: only entry points, case intake through
/// the intake checks with the submitter from the credential, and idempotent retries answered alike — the holes a review
/// found, each tried as an attacker would.
/// </summary>
public abstract class EntryPointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] UnitRole = ["unit"];
    private static readonly string[] AdministratorRole = ["administrator"];

    private const string Stamp = """
        {
          "id": "stamp-v1", "definitionId": "stamp", "name": "Stamp", "version": 1,
          "inputs": [ { "name": "Note", "type": "String" }, { "name": "SubmittedBy", "type": "String" } ],
          "outputs": [ { "name": "By", "type": "String" } ],
          "variables": [],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "by", "type": "Elsa.SetOutput", "version": 1,
                "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "By" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getInput('SubmittedBy')" } } } ],
            "connections": [] }
        }
        """;

    private LifecycleHost _host = null!;
    private HttpClient _integrator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.AddRange(
                new HandlingUnit { Code = "RX-PD", Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
                new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
                new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
                new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
            await db.SaveChangesAsync();
        }

        await _host.Factory.PublishAsync(Stamp);
        _integrator = _host.Factory.CreateIntegratorClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject CaseInput(string content = "小区门口占道经营，影响通行") => new()
    {
        ["Channel"] = "Web", ["Content"] = content, ["CaseType"] = "Complaint", ["SubjectCode"] = "SR-ROAD",
        ["CitizenName"] = "张敏", ["CitizenPhone"] = "13800138000", ["Address"] = "东湖区新华路1号", ["DistrictCode"] = "990103",
    };

    private async Task<HttpResponseMessage> StartAsync(string definitionId, JsonObject? input, string? key = null, string? correlationId = null, HttpClient? client = null)
    {
        var body = new JsonObject { ["input"] = input };
        if (correlationId is not null)
            body["correlationId"] = correlationId;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{definitionId}/instances")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await (client ?? _integrator).SendAsync(request);
    }

    private async Task<(int Instances, int Cases, int Tasks, int Events)> CountsAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return (await db.WorkflowInstances.CountAsync(), await db.Cases.CountAsync(), await db.InboxTasks.CountAsync(), await db.CaseEvents.CountAsync());
    }

    private async Task<Case> CaseAsync()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            if (await db.Cases.AnyAsync())
                return await db.Cases.AsNoTracking().SingleAsync();
        var run = await _host.StartCaseAsync("Complaint", "路灯不亮", subjectCode: "SR-ROAD");
        return await _host.CaseOfAsync(run.InstanceId);
    }

    [Theory]
    [InlineData("handle")]
    [InlineData("reply")]
    [InlineData("escalate")]
    [InlineData("callback")]
    [InlineData("dispatch")]
    [InlineData("escalation-13710")]
    [InlineData("stamp")]
    public async Task Should_answer_404_and_change_nothing_When_an_integrator_starts_a_definition_that_is_no_entry_point(string definitionId)
    {
        var victim = await CaseAsync();
        var before = await CountsAsync();

        using var response = await StartAsync(definitionId, new JsonObject { ["CaseId"] = victim.Id.ToString(), ["UnitCode"] = "DH-CG", ["Level"] = 3 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Should_register_the_case_through_the_intake_with_the_caller_as_submitter_When_the_lifecycle_is_started()
    {
        using var response = await StartAsync("case-lifecycle", CaseInput());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var @case = await _host.CaseOfAsync(body["instanceId"]!.GetValue<string>());
        Assert.Equal("portal", @case.SubmittedBy);
        Assert.Equal(CaseStatus.Dispatched, @case.Status);
        Assert.Equal(@case.Number, body["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_hand_the_case_to_the_dispatch_desk_When_it_has_neither_subject_nor_district()
    {
        using var response = await StartAsync("case-lifecycle", new JsonObject { ["Channel"] = "Phone", ["Content"] = "反映一个问题", ["CaseType"] = "Help" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Suspended", body["subStatus"]!.GetValue<string>());
        var @case = await _host.CaseOfAsync(body["instanceId"]!.GetValue<string>());
        Assert.Null(@case.SubjectCode);
        var desk = Assert.Single(await _host.PendingTasksAsync("RX-PD"));
        Assert.Equal(Hotline.Domain.Inbox.InboxTaskKind.Dispatch, desk.Kind);
        Assert.Equal(@case.Id, desk.CaseId);
    }

    [Theory]
    [InlineData("SubmittedBy", "wechat")]
    [InlineData("Content", "")]
    [InlineData("CaseType", "Gossip")]
    [InlineData("Channel", "Pigeon")]
    [InlineData("DistrictCode", "12")]
    [InlineData("SubjectCode", "NO-SUCH")]
    [InlineData("Remark", "unknown input")]
    public async Task Should_answer_400_naming_the_input_and_create_nothing_When_a_case_input_fails_the_intake_checks(string input, string value)
    {
        var body = CaseInput();
        body[input] = value;
        var before = await CountsAsync();

        using var response = await StartAsync("case-lifecycle", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey($"input.{input}"), problem.ToJsonString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("""{"input":{"Channel":"Web","Content":"a\u0000b","CaseType":"Help"}}""", "input.Content")]
    [InlineData("""{"input":{"Channel":"Web","Content":"路灯","CaseType":"Help"},"correlationId":"x\u0000"}""", "correlationId")]
    public async Task Should_answer_400_naming_the_field_and_create_nothing_When_a_start_carries_a_NUL_character(string json, string field)
    {
        var before = await CountsAsync();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await _integrator.PostAsync("/api/workflows/case-lifecycle/instances", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Should_answer_400_and_create_nothing_When_the_case_content_is_longer_than_the_intake_allows()
    {
        var before = await CountsAsync();

        using var response = await StartAsync("case-lifecycle", CaseInput(new string('堵', 10_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("input.Content", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Should_answer_every_retry_with_the_one_case_When_the_same_key_and_body_are_sent_twenty_times_at_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => StartAsync("case-lifecycle", CaseInput(), key: "retry-1", correlationId: "portal-77")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await CountsAsync()).Cases);

        using var later = await StartAsync("case-lifecycle", CaseInput(), key: "retry-1", correlationId: "portal-77");
        using var other = await StartAsync("case-lifecycle", CaseInput("另一件事"), key: "retry-1", correlationId: "portal-77");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, (await CountsAsync()).Cases);
    }

    [Fact]
    public async Task Should_replay_the_case_When_the_same_key_and_request_come_through_POST_api_cases_and_the_workflow_endpoint()
    {
        using var first = await _integrator.PostAsJsonAsync("/api/cases", new
        {
            channel = "Web", content = "小区门口占道经营，影响通行", type = "Complaint", subjectCode = "SR-ROAD", citizenName = "张敏",
            citizenPhone = "13800138000", address = "东湖区新华路1号", districtCode = "990103",
        });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var keyed = await StartAsync("case-lifecycle", CaseInput(), key: "k-2");
        using var again = await StartAsync("case-lifecycle", CaseInput(), key: "k-2");

        Assert.Equal(HttpStatusCode.Created, keyed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await CountsAsync()).Cases);
    }

    [Fact]
    public async Task Should_set_SubmittedBy_from_the_credential_and_refuse_it_in_the_input_When_a_workflow_entry_point_declares_it()
    {
        var admin = await _host.Factory.CreateUserClientAsync("zhang-admin", AdministratorRole);
        using (var open = await admin.PutAsJsonAsync("/api/workflows/entry-points/stamp", new { intake = "Workflow" }))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        using var forged = await StartAsync("stamp", new JsonObject { ["Note"] = "x", ["SubmittedBy"] = "wechat" });
        using var started = await StartAsync("stamp", new JsonObject { ["Note"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("input.SubmittedBy", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("portal", (await started.Content.ReadFromJsonAsync<JsonObject>())!["output"]!["By"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Should_answer_415_and_create_nothing_When_a_start_body_is_not_sent_as_JSON(string? mediaType)
    {
        var before = await CountsAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new JsonObject { ["input"] = CaseInput() }.ToJsonString()));
        if (mediaType is not null)
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);

        using var response = await _integrator.PostAsync("/api/workflows/case-lifecycle/instances", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("case-lifecycle")]
    public async Task Should_refuse_opening_with_declared_inputs_When_the_definition_registers_cases(string definitionId)
    {
        var admin = await _host.Factory.CreateUserClientAsync("zhang-admin", AdministratorRole);

        using var response = await admin.PutAsJsonAsync($"/api/workflows/entry-points/{definitionId}", new { intake = "Workflow" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Case intake", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var caseIntake = await admin.PutAsJsonAsync($"/api/workflows/entry-points/{definitionId}", new { intake = "Case" });
        Assert.Equal(HttpStatusCode.OK, caseIntake.StatusCode);
    }

    [Theory]
    [InlineData("escalate")]
    [InlineData("reply")]
    [InlineData("handle")]
    [InlineData("dispatch")]
    [InlineData("recompute-deadline")]
    public async Task Should_refuse_opening_with_declared_inputs_When_the_definition_acts_on_cases(string definitionId)
    {
        var admin = await _host.Factory.CreateUserClientAsync("zhang-admin", AdministratorRole);

        using var response = await admin.PutAsJsonAsync($"/api/workflows/entry-points/{definitionId}", new { intake = "Workflow" });
        using var start = await StartAsync(definitionId, new JsonObject { ["CaseId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("acts on the hotline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_to_start_an_open_entry_point_When_its_newer_version_starts_other_workflows()
    {
        var admin = await _host.Factory.CreateUserClientAsync("zhang-admin", AdministratorRole);
        using (var open = await admin.PutAsJsonAsync("/api/workflows/entry-points/stamp", new { intake = "Workflow" }))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        // Version 2 relays its input to whichever definition the caller names (escalate, say, with another district's case).
        await _host.Factory.PublishAsync("""
            {"id":"stamp-v2","definitionId":"stamp","name":"Stamp","version":2,
             "inputs":[{"name":"Note","type":"String"}],
             "root":{"id":"flow","type":"Elsa.Flowchart","version":1,"activities":[
               {"id":"relay","type":"Elsa.DispatchWorkflow","version":1,
                "workflowDefinitionId":{"typeName":"String","expression":{"type":"JavaScript","value":"getInput('Note')"}}}],
              "connections":[]}}
            """);
        var before = await CountsAsync();

        using var started = await StartAsync("stamp", new JsonObject { ["Note"] = "escalate" });

        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
        Assert.Contains("acts on the hotline", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Should_let_only_administrators_open_and_close_entry_points_When_anyone_tries()
    {
        var unit = await _host.Factory.CreateUserClientAsync("dh-wang", UnitRole, "DH-CG");
        var admin = await _host.Factory.CreateUserClientAsync("zhang-admin", AdministratorRole);

        using var byIntegrator = await _integrator.PutAsJsonAsync("/api/workflows/entry-points/handle", new { intake = "Workflow" });
        using var byUnit = await unit.PutAsJsonAsync("/api/workflows/entry-points/handle", new { intake = "Workflow" });
        using var listByIntegrator = await _integrator.GetAsync("/api/workflows/entry-points");
        Assert.Equal(HttpStatusCode.Forbidden, byIntegrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listByIntegrator.StatusCode);
        using (var stillClosed = await StartAsync("stamp", new JsonObject { ["Note"] = "x" }))
            Assert.Equal(HttpStatusCode.NotFound, stillClosed.StatusCode);

        using var badIntake = await admin.PutAsJsonAsync("/api/workflows/entry-points/stamp", new { intake = "Everything" });
        using var unknown = await admin.PutAsJsonAsync("/api/workflows/entry-points/no-such-definition", new { intake = "Workflow" });
        Assert.Equal(HttpStatusCode.BadRequest, badIntake.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using (var open = await admin.PutAsJsonAsync("/api/workflows/entry-points/stamp", new { intake = "Workflow" }))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var startable = (await _integrator.GetFromJsonAsync<JsonArray>("/api/workflows"))!.Select(w => w!["definitionId"]!.GetValue<string>()).ToList();
        Assert.Equal(["case-lifecycle", "stamp"], startable.Order(StringComparer.Ordinal));
        using (var started = await StartAsync("stamp", new JsonObject { ["Note"] = "x" }))
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        using var close = await admin.DeleteAsync("/api/workflows/entry-points/stamp");
        using var closedAgain = await admin.DeleteAsync("/api/workflows/entry-points/stamp");
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closedAgain.StatusCode);
        using var afterClose = await StartAsync("stamp", new JsonObject { ["Note"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, afterClose.StatusCode);
    }
}

public sealed class SqliteEntryPointTests : EntryPointTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlEntryPointTests : EntryPointTests
{
    protected override bool OnPostgreSql => true;
}
