using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Notifications;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.CaseOperations;

/// <summary>
/// 督办意见 over HTTP (<c>POST /api/cases/{idOrNumber}/instructions</c>): a supervisor's instruction lands in the
/// timeline and the lead unit's notifications in one save; every refusal (role 403, case not visible 404, bad text 400
/// naming <c>text</c>, ended case 409) writes nothing.
/// </summary>
public abstract class CaseInstructionsApiTests : IAsyncLifetime
{
    private LifecycleHost _host = null!;
    private HttpClient _supervisor = null!;
    private HttpClient _integrator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            // A second district, for a sub-centre's supervisor who may not see 东湖区's cases.
            db.Add(new HandlingUnit { Code = "XH-CG", Name = "西湖区城管局", Level = UnitLevel.District, DistrictCode = "990104" });
            await db.SaveChangesAsync();
        }

        _supervisor = await _host.Factory.CreateUserClientAsync("db-sun", ["supervisor"]);
        _integrator = _host.Factory.CreateIntegratorClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_record_the_instruction_and_tell_the_lead_unit_When_a_supervisor_instructs()
    {
        var number = await FileAsync();

        using var response = await _supervisor.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "  请于今日内到现场核实并反馈  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var written = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("请于今日内到现场核实并反馈", "DH-CG", number), (written["text"]!.GetValue<string>(), written["unitCode"]!.GetValue<string>(), written["caseNumber"]!.GetValue<string>()));
        var timeline = (await _supervisor.GetFromJsonAsync<JsonObject>($"/api/cases/{number}"))!["timeline"]!.AsArray();
        var instructed = Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == nameof(CaseEventKind.SupervisionInstructed));
        Assert.Equal("请于今日内到现场核实并反馈", instructed!["data"]!["text"]!.GetValue<string>());
        var told = Assert.Single(await NotificationsAsync(NotificationKind.Instructed));
        Assert.Equal((NotificationRecipients.Unit("DH-CG"), number, "请于今日内到现场核实并反馈"), (told.Recipient, told.CaseNumber, told.Arguments.Single()));
    }

    [Fact]
    public async Task Should_let_a_leader_instruct_and_refuse_every_other_role_with_403()
    {
        var number = await FileAsync();
        var leader = await _host.Factory.CreateUserClientAsync("ld-zhou", ["leader"]);
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);

        using var byLeader = await leader.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "领导批示：加快办理" });
        using var byUnit = await unit.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "x" });
        using var byDispatcher = await dispatcher.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "x" });
        using var byIntegrator = await _integrator.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "x" });

        Assert.Equal(HttpStatusCode.Created, byLeader.StatusCode);
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [byUnit.StatusCode, byDispatcher.StatusCode, byIntegrator.StatusCode]);
        Assert.Equal(1, await InstructionCountAsync());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"text":"   "}""")]
    public async Task Should_answer_400_naming_text_and_write_nothing_When_the_instruction_is_empty(string body)
    {
        var number = await FileAsync();

        using var response = await _supervisor.PostAsync($"/api/cases/{number}/instructions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("text"));
        Assert.Equal(0, await InstructionCountAsync());
    }

    [Fact]
    public async Task Should_answer_400_When_the_instruction_is_longer_than_1000_characters()
    {
        var number = await FileAsync();

        using var response = await _supervisor.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = new string('督', CaseInstructions.MaxLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await InstructionCountAsync());
    }

    [Fact]
    public async Task Should_answer_404_for_a_case_out_of_sight_and_409_for_an_ended_one()
    {
        var number = await FileAsync();
        var voided = await FileAsync();
        var desk = await _host.Factory.CreateUserClientAsync("op-li", ["operator"]);
        (await desk.PostAsJsonAsync($"/api/cases/{voided}/void", new { reason = "挂断" })).EnsureSuccessStatusCode();
        var otherDistrict = await _host.Factory.CreateUserClientAsync("xq-sun", ["supervisor"], districtCode: "990104");

        using var unknown = await _supervisor.PostAsJsonAsync("/api/cases/20990101-000001/instructions", new { text = "x" });
        using var outOfSight = await otherDistrict.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "x" });
        using var ended = await _supervisor.PostAsJsonAsync($"/api/cases/{voided}/instructions", new { text = "x" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict), (unknown.StatusCode, outOfSight.StatusCode, ended.StatusCode));
        Assert.Equal(0, await InstructionCountAsync());
        Assert.Empty(await NotificationsAsync(NotificationKind.Instructed));
    }

    private async Task<string> FileAsync()
    {
        using var response = await _integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    private async Task<int> InstructionCountAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.SupervisionInstructed);
    }

    private async Task<List<Notification>> NotificationsAsync(NotificationKind kind)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync();
    }
}

public sealed class SqliteCaseInstructionsApiTests : CaseInstructionsApiTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlCaseInstructionsApiTests : CaseInstructionsApiTests
{
    protected override bool OnPostgreSql => true;
}
