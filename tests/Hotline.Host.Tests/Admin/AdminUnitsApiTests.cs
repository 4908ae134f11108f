using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Host.Tests.Api;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// <c>/api/admin/units</c>: the unit tree is listed and read with its counts, changed with the version read and audited;
/// moving or deactivating a unit that still has work or active children, a loop, a taken code, a bad field, a stale
/// version, another role and an unknown code are each refused as the API's rules say, changing nothing.
/// </summary>
public abstract class AdminUnitsApiTests : AdminTest
{
    private static object Town(string code, string parentCode, bool active = true, int? version = null) =>
        new { code, version, name = "新华街道", parentCode, level = "Town", isOnDuty24h = true, responseLevel = "Priority", contactPhone = "0399-1234567", active };

    private static object District(string code, int version, string? parentCode = null, bool active = true, string level = "District") =>
        new { version, name = "东湖区城管局", parentCode, level, districtCode = "990103", active };

    [Fact]
    public async Task Should_create_list_read_and_change_units_with_audit_When_an_administrator_edits_the_tree()
    {
        var created = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/units", Town("DH-XH", "DH-CG")), HttpStatusCode.Created);
        Assert.Equal(("990103", "Priority", true, 1), (created["districtCode"]!.GetValue<string>(), created["responseLevel"]!.GetValue<string>(),
            created["isOnDuty24h"]!.GetValue<bool>(), created["version"]!.GetValue<int>()));

        static List<string> Codes(JsonObject page) => [.. page["items"]!.AsArray().Select(u => u!["code"]!.GetValue<string>())];
        Assert.Equal(["RX-PD", "DH-CG", "DH-ZJ", "DH-XH"], Codes(await BodyAsync(await Admin.GetAsync("/api/admin/units"))));
        Assert.Equal(["DH-XH"], Codes(await BodyAsync(await Admin.GetAsync("/api/admin/units?parentCode=DH-CG&level=Town&districtCode=990103&active=true"))));
        var second = await BodyAsync(await Admin.GetAsync("/api/admin/units?page=2&pageSize=3"));
        Assert.Equal(["DH-XH"], Codes(second));
        Assert.Equal(4, second["total"]!.GetValue<int>());
        Assert.Equal(1, (await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-CG")))["childCount"]!.GetValue<int>());

        var changed = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-XH", new { version = 1, name = "新华街道办事处", parentCode = "DH-CG", level = "Town" }));

        Assert.Equal(("新华街道办事处", "Standard", 2), (changed["name"]!.GetValue<string>(), changed["responseLevel"]!.GetValue<string>(), changed["version"]!.GetValue<int>()));
        var rows = await AuditByActionAsync(AuditActions.UnitCreated, AuditActions.UnitUpdated);
        Assert.All(rows.Values, r => Assert.Equal(("admin", AuditEntityTypes.HandlingUnit, "DH-XH"), (r.Actor, r.EntityType, r.EntityId)));
        Assert.Null(rows[AuditActions.UnitCreated].Before);
        Assert.Equal("新华街道", JsonNode.Parse(rows[AuditActions.UnitCreated].After!)!["name"]!.GetValue<string>());
        var updated = rows[AuditActions.UnitUpdated];
        Assert.Equal(("新华街道", "Priority"), (JsonNode.Parse(updated.Before!)!["name"]!.GetValue<string>(), JsonNode.Parse(updated.Before!)!["responseLevel"]!.ToString()));
        Assert.Equal("新华街道办事处", JsonNode.Parse(updated.After!)!["name"]!.GetValue<string>());
        Assert.Equal(2, JsonNode.Parse(updated.After!)!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_answer_409_naming_the_open_tasks_When_a_unit_with_work_is_deactivated_or_moved()
    {
        using var integrator = Host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        Assert.Equal(1, (await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-CG")))["openTaskCount"]!.GetValue<int>());

        var deactivate = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", District("DH-CG", 1, active: false)), HttpStatusCode.Conflict);
        var move = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", District("DH-CG", 1, parentCode: "RX-PD")), HttpStatusCode.Conflict);

        Assert.Contains("1 open task; reassign them first", deactivate["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1 open task; reassign them first", move["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var unit = await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-CG"));
        Assert.Equal((true, null, 1), (unit["active"]!.GetValue<bool>(), unit["parentCode"]?.GetValue<string>(), unit["version"]!.GetValue<int>()));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Should_move_its_cases_to_the_new_unit_and_then_let_it_be_deactivated_When_an_administrator_reassigns_a_units_tasks()
    {
        using var integrator = Host.Factory.CreateIntegratorClient();
        var number = (await BodyAsync(await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint()), HttpStatusCode.Created))["number"]!.GetValue<string>();

        var invalid = await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units/DH-CG/reassign-tasks", new { toUnitCode = "DH-CG" }));
        using var unknown = await Admin.PostAsJsonAsync("/api/admin/units/NO-SUCH/reassign-tasks", new { toUnitCode = "DH-ZJ", reason = "撤并" });
        var result = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/units/DH-CG/reassign-tasks", new { toUnitCode = "DH-ZJ", reason = "机构撤并，职能划入住建局" }));
        var deactivated = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", District("DH-CG", 1, active: false)));

        Assert.Equal(["toUnitCode", "reason"], invalid);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal([number], result["moved"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(result["notMoved"]!.AsArray());
        Assert.Equal(0, result["openTasksLeft"]!.GetValue<int>());
        Assert.False(deactivated["active"]!.GetValue<bool>());
        var detail = await BodyAsync(await Admin.GetAsync($"/api/cases/{number}"));
        Assert.Equal("DH-ZJ", detail["case"]!["leadUnitCode"]!.GetValue<string>());
        Assert.Equal("DH-ZJ", Assert.Single(detail["pendingTasks"]!.AsArray())!["unitCode"]!.GetValue<string>());
        var row = (await AuditByActionAsync(AuditActions.UnitTasksReassigned, AuditActions.UnitUpdated, AuditActions.PhoneViewed))[AuditActions.UnitTasksReassigned];
        Assert.Equal(1, JsonNode.Parse(row.Before!)!["openTasks"]!.GetValue<int>());
        Assert.Equal(number, JsonNode.Parse(row.After!)!["moved"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_409_When_a_unit_with_active_children_is_deactivated_or_put_under_its_descendant()
    {
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/units", Town("ZJ-XH", "DH-ZJ")), HttpStatusCode.Created);

        var deactivate = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", District("DH-ZJ", 1, active: false)), HttpStatusCode.Conflict);
        var cycle = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", District("DH-ZJ", 1, parentCode: "ZJ-XH", level: "Community")), HttpStatusCode.Conflict);
        var duplicate = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/units", Town("ZJ-XH", "DH-ZJ")), HttpStatusCode.Conflict);

        Assert.Contains("1 active child unit; move or deactivate them first", deactivate["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("its own descendant ZJ-XH", cycle["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already a unit 'ZJ-XH'", duplicate["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_409_with_the_current_version_When_the_version_is_stale()
    {
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", District("DH-ZJ", 1) ));

        var stale = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", new { version = 1, name = "旧名", level = "District", districtCode = "990103" }), HttpStatusCode.Conflict);

        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        Assert.Equal("东湖区城管局", (await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-ZJ")))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_400_naming_each_bad_field_When_a_unit_is_not_valid()
    {
        Assert.Equal(["code", "name", "level", "districtCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "bad code!" })));
        Assert.Equal(["parentCode", "districtCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", Town("DH-XH", "NOPE"))));
        Assert.Equal(["level"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "DH-XH", name = "x", parentCode = "DH-CG", level = "Community" })));
        Assert.Equal(["districtCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "DH-XH", name = "x", parentCode = "DH-CG", level = "Town", districtCode = "990104" })));
        Assert.Equal(["level"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "DH-XH", name = "x", level = "Town", districtCode = "990103" })));
        Assert.Equal(["version", "code"], await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", new { code = "DH-XX", name = "x", level = "District", districtCode = "990103" })));
        Assert.Equal(["level"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "DH-XH", level = "Village" })));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_403_for_unit_users_and_operators_and_404_for_unknown_codes()
    {
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", ["operator"]);
        var dispatcher = await Host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        foreach (var client in new[] { unit, operatorClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/units")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/units/DH-CG")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/units", Town("DH-XH", "DH-CG"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/admin/units/DH-CG", District("DH-CG", 1))).StatusCode);
        }

        await BodyAsync(await dispatcher.GetAsync("/api/admin/units/DH-CG"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/admin/units", Town("DH-XH", "DH-CG"))).StatusCode);
        await BodyAsync(await Admin.GetAsync("/api/admin/units/NOPE"), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/NOPE", District("NOPE", 1)), HttpStatusCode.NotFound);
        Assert.Empty(await AuditAsync());
    }
}

/// <summary>The unit tree API on SQLite.</summary>
public sealed class SqliteAdminUnitsApiTests : AdminUnitsApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The unit tree API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminUnitsApiTests : AdminUnitsApiTests
{
    protected override bool OnPostgreSql => true;
}
