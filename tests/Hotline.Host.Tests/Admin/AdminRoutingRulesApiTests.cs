using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// <c>/api/admin/routing/rules</c>: the routing matrix is listed, read, extended, changed and pruned with the version
/// read and audited, and the simulator follows it; a rule naming what does not exist, an inactive lead, a lead that
/// also assists, a twin rule, a stale version, another role and an unknown id are refused.
/// </summary>
public abstract class AdminRoutingRulesApiTests : AdminTest
{
    private static readonly string[] Zj = ["DH-ZJ"];

    private static object Rule(string? id, string lead, string[]? assisting = null, int priority = 20, int? version = null, string? districtCode = "990103") =>
        new { id, version, subjectCode = "SR-ROAD", districtCode, leadUnitCode = lead, assistingUnitCodes = assisting ?? [], priority };

    [Fact]
    public async Task Should_create_list_change_and_delete_rules_with_audit_When_an_administrator_edits_the_matrix()
    {
        var created = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-ROAD-ZJ", "DH-ZJ")), HttpStatusCode.Created);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        var simulated = await BodyAsync(await Admin.GetAsync("/api/admin/routing/simulate?subjectCode=SR-ROAD&districtCode=990103"));
        Assert.Equal("R-ROAD-ZJ", simulated["ruleId"]!.GetValue<string>());
        static List<string> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];
        Assert.Equal(["R-ROAD-ZJ", "R-ROAD"], Ids(await BodyAsync(await Admin.GetAsync("/api/admin/routing/rules?subjectCode=SR-ROAD&districtCode=990103"))));
        Assert.Equal(["R-ROAD"], Ids(await BodyAsync(await Admin.GetAsync("/api/admin/routing/rules?unitCode=DH-CG"))));

        var changed = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/routing/rules/R-ROAD-ZJ", Rule(null, "DH-CG", Zj, priority: 5, version: 1)));
        Assert.Equal(Zj, changed["assistingUnitCodes"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["R-ROAD-ZJ"], Ids(await BodyAsync(await Admin.GetAsync("/api/admin/routing/rules?unitCode=DH-ZJ&subjectCode=SR-ROAD"))));
        await BodyAsync(await Admin.DeleteAsync("/api/admin/routing/rules/R-ROAD-ZJ?version=2"));

        await BodyAsync(await Admin.GetAsync("/api/admin/routing/rules/R-ROAD-ZJ"), HttpStatusCode.NotFound);
        var rows = await AuditByActionAsync(AuditActions.RoutingRuleCreated, AuditActions.RoutingRuleUpdated, AuditActions.RoutingRuleDeleted);
        var updated = rows[AuditActions.RoutingRuleUpdated];
        Assert.Equal(("DH-ZJ", "DH-CG"), (JsonNode.Parse(updated.Before!)!["leadUnitCode"]!.ToString(), JsonNode.Parse(updated.After!)!["leadUnitCode"]!.ToString()));
        var deleted = rows[AuditActions.RoutingRuleDeleted];
        Assert.Equal((5, null), (JsonNode.Parse(deleted.Before!)!["priority"]!.GetValue<int>(), deleted.After));
    }

    [Fact]
    public async Task Should_answer_400_naming_the_field_When_a_rule_names_what_does_not_exist_or_cannot_be()
    {
        Assert.Equal(["subjectCode", "districtCode", "leadUnitCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { id = "R-X", subjectCode = "NOPE", districtCode = "12", leadUnitCode = "NOPE" })));
        Assert.Equal(["assistingUnitCodes"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ", ["DH-ZJ"]))));
        Assert.Equal(["assistingUnitCodes"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ", ["NOPE"]))));
        Assert.Equal(["assistingUnitCodes"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ", ["DH-CG", "DH-CG"]))));
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-ZJ", new { version = 1, name = "东湖区住建局", level = "District", districtCode = "990103", active = false }));
        Assert.Equal(["leadUnitCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ"))));
        Assert.Equal(["version"], await BadFieldsAsync(await Admin.DeleteAsync("/api/admin/routing/rules/R-ROAD")));
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_409_When_a_rule_twins_another_or_the_version_is_stale()
    {
        var twin = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ", priority: 10)), HttpStatusCode.Conflict);
        Assert.Contains("Rule R-ROAD already routes SR-ROAD in 990103 at priority 10", twin["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-ROAD", "DH-ZJ", priority: 3)), HttpStatusCode.Conflict);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/routing/rules/R-ROAD", Rule(null, "DH-ZJ", priority: 10, version: 1)));

        var stale = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/routing/rules/R-ROAD", Rule(null, "DH-CG", priority: 10, version: 1)), HttpStatusCode.Conflict);
        var staleDelete = await BodyAsync(await Admin.DeleteAsync("/api/admin/routing/rules/R-ROAD?version=1"), HttpStatusCode.Conflict);

        Assert.Equal((2, 2), (stale["currentVersion"]!.GetValue<int>(), staleDelete["currentVersion"]!.GetValue<int>()));
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_403_for_unit_users_and_operators_and_404_for_unknown_ids()
    {
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", ["operator"]);
        var dispatcher = await Host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        foreach (var client in new[] { unit, operatorClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/routing/rules")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/routing/rules/R-ROAD")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/routing/rules", Rule("R-X", "DH-ZJ"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/admin/routing/rules/R-ROAD", Rule(null, "DH-ZJ", version: 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/admin/routing/rules/R-ROAD?version=1")).StatusCode);
        }

        await BodyAsync(await dispatcher.GetAsync("/api/admin/routing/rules/R-ROAD"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.DeleteAsync("/api/admin/routing/rules/R-ROAD?version=1")).StatusCode);
        await BodyAsync(await Admin.GetAsync("/api/admin/routing/rules/NOPE"), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/routing/rules/NOPE", Rule(null, "DH-ZJ", version: 1)), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.DeleteAsync("/api/admin/routing/rules/NOPE?version=1"), HttpStatusCode.NotFound);
        Assert.Empty(await AuditAsync());
    }
}

/// <summary>The routing matrix API on SQLite.</summary>
public sealed class SqliteAdminRoutingRulesApiTests : AdminRoutingRulesApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The routing matrix API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminRoutingRulesApiTests : AdminRoutingRulesApiTests
{
    protected override bool OnPostgreSql => true;
}
