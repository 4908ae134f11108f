using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Host.Tests.Api;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Tests.Elsa.StudioModels;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// The audit log: who saw a citizen's full number, who published a definition, the administrators' view of the log
/// (filtered, newest first), and the database's refusal to change or remove a row.
/// </summary>
public abstract class AuditLogTests : AdminTest
{
    [Fact]
    public async Task Should_write_one_row_per_view_When_a_case_is_shown_with_the_full_number()
    {
        var created = await BodyAsync(await Host.Factory.CreateIntegratorClient().PostAsJsonAsync("/api/cases", ApiCity.Complaint()), HttpStatusCode.Created);
        var number = created["number"]!.GetValue<string>();
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", ["operator"]);
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");

        var seen = await BodyAsync(await operatorClient.GetAsync($"/api/cases/{number}"));
        await BodyAsync(await operatorClient.GetAsync($"/api/cases/{created["id"]}"));
        var masked = await BodyAsync(await unit.GetAsync($"/api/cases/{number}"));

        Assert.Equal("13800138000", seen["case"]!["citizenPhone"]!.GetValue<string>());
        Assert.Equal("138****8000", masked["case"]!["citizenPhone"]!.GetValue<string>());
        var rows = await AuditAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, e => Assert.Equal(("op-wang", AuditActions.PhoneViewed, AuditEntityTypes.Case, number), (e.Actor, e.Action, e.EntityType, e.EntityId)));
        Assert.All(rows, e => Assert.DoesNotContain("13800138000", e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_record_who_published_When_a_definition_is_published_through_the_designer_api()
    {
        var draft = (await SaveAsync(Admin, Create("Greeting")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        Assert.Empty(await AuditAsync());

        var published = (await SaveAsync(Admin, WithActivities(draft, ("hello", "Elsa.WriteLine")), publish: true))["workflowDefinition"]!.AsObject();
        var definitionId = published["definitionId"]!.GetValue<string>();
        await BodyAsync(await Admin.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/publish", null)); // already published: no row

        var row = Assert.Single(await AuditAsync());
        Assert.Equal(("admin", AuditActions.DefinitionPublished, AuditEntityTypes.WorkflowDefinition, definitionId), (row.Actor, row.Action, row.EntityType, row.EntityId));
        Assert.Equal(published["version"]!.GetValue<int>(), JsonNode.Parse(row.After!)!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_list_the_log_newest_first_filtered_by_entity_actor_and_dates_When_an_administrator_asks()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        await Host.Factory.CreateUserClientAsync("admin2", ["administrator"]);
        await BodyAsync(await Admin.PostAsync("/api/admin/users/cg-li/disable", null));
        Host.Factory.Clock.Advance(TimeSpan.FromDays(1));
        var admin2 = await Host.Factory.SignInAsync("admin2", Infrastructure.HotlineFactory.UserPassword);
        await BodyAsync(await admin2.PostAsync("/api/admin/users/cg-li/enable", null));
        await BodyAsync(await admin2.PostAsync("/api/admin/users/admin/disable", null));

        static List<string> Actions(JsonObject page) => [.. page["items"]!.AsArray().Select(e => $"{e!["action"]} {e["entityId"]}")];
        var all = await BodyAsync(await admin2.GetAsync("/api/admin/audit"));
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal("user.disabled cg-li", Actions(all)[2]);
        Assert.Equal(["user.enabled cg-li", "user.disabled cg-li"], Actions(await BodyAsync(await admin2.GetAsync("/api/admin/audit?entityType=UserAccount&entityId=cg-li"))));
        Assert.Equal(["user.disabled cg-li"], Actions(await BodyAsync(await admin2.GetAsync("/api/admin/audit?actor=admin"))));
        Assert.Equal(["user.disabled cg-li"], Actions(await BodyAsync(await admin2.GetAsync("/api/admin/audit?from=2026-03-02&to=2026-03-02"))));
        Assert.Equal(2, (await BodyAsync(await admin2.GetAsync("/api/admin/audit?from=2026-03-03&pageSize=1")))["total"]!.GetValue<int>());
        Assert.Equal(["pageSize", "from"], await BadFieldsAsync(await admin2.GetAsync("/api/admin/audit?from=2026-03-04&to=2026-03-03&pageSize=500")));
        Assert.Equal(["to"], await BadFieldsAsync(await admin2.GetAsync("/api/admin/audit?to=yesterday")));
    }

    [Fact]
    public async Task Should_refuse_an_update_or_a_delete_When_a_row_of_the_log_is_changed_in_the_database()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        await BodyAsync(await Admin.PostAsync("/api/admin/users/cg-li/disable", null));
        await using var db = await Host.Contexts.CreateDbContextAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Actor" = 'someone-else'"""));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        var row = Assert.Single(await AuditAsync());
        Assert.Equal("admin", row.Actor);
    }
}

/// <summary>The audit log on SQLite.</summary>
public sealed class SqliteAuditLogTests : AuditLogTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The audit log on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAuditLogTests : AuditLogTests
{
    protected override bool OnPostgreSql => true;
}
