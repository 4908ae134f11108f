using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// <c>/api/admin/users</c>: administrators list, read and change accounts; every change is audited with the account before
/// and after (never the password hash); a stale version, a change that would leave no administrator, a bad field, another
/// role and an unknown account are each refused as the API's rules say, changing nothing.
/// </summary>
public abstract class AdminUsersApiTests : AdminTest
{
    private static readonly string[] UnitRole = ["unit"];
    private static readonly string[] OperatorRole = ["operator"];
    private static readonly string[] UnitAndSupervisor = ["unit", "supervisor"];
    private static readonly string[] Wizard = ["wizard"];

    [Fact]
    public async Task Should_list_accounts_filtered_by_role_unit_and_disabled_and_paged_When_an_administrator_asks()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        await Host.Factory.CreateUserClientAsync("zj-chen", UnitRole, "DH-ZJ");
        await Host.Factory.CreateUserClientAsync("op-wang", OperatorRole);
        await BodyAsync(await Admin.PostAsync("/api/admin/users/op-wang/disable", null));

        static List<string> Names(JsonObject page) => [.. page["items"]!.AsArray().Select(u => u!["userName"]!.GetValue<string>())];
        Assert.Equal(["admin", "cg-li", "op-wang", "zj-chen"], Names(await BodyAsync(await Admin.GetAsync("/api/admin/users"))));
        Assert.Equal(["cg-li", "zj-chen"], Names(await BodyAsync(await Admin.GetAsync("/api/admin/users?role=unit"))));
        Assert.Equal(["zj-chen"], Names(await BodyAsync(await Admin.GetAsync("/api/admin/users?unitCode=DH-ZJ"))));
        Assert.Equal(["op-wang"], Names(await BodyAsync(await Admin.GetAsync("/api/admin/users?disabled=true"))));
        var second = await BodyAsync(await Admin.GetAsync("/api/admin/users?disabled=false&page=2&pageSize=2"));
        Assert.Equal(["zj-chen"], Names(second));
        Assert.Equal(3, second["total"]!.GetValue<int>());
        Assert.Equal(["role", "disabled", "pageSize"], await BadFieldsAsync(await Admin.GetAsync("/api/admin/users?role=integrator&disabled=maybe&pageSize=0")));
    }

    [Fact]
    public async Task Should_change_the_profile_and_audit_it_without_the_hash_When_the_version_is_current()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        var before = await UserAsync("cg-li");
        Assert.Equal((1, false), (before["version"]!.GetValue<int>(), before["disabled"]!.GetValue<bool>()));

        var after = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { version = 1, displayName = "李强", roles = UnitAndSupervisor, unitCode = "DH-ZJ" }));

        Assert.Equal(("李强", "DH-ZJ", 2), (after["displayName"]!.GetValue<string>(), after["unitCode"]!.GetValue<string>(), after["version"]!.GetValue<int>()));
        var row = Assert.Single(await AuditAsync());
        Assert.Equal(("admin", AuditActions.UserUpdated, AuditEntityTypes.UserAccount, "cg-li"), (row.Actor, row.Action, row.EntityType, row.EntityId));
        Assert.Equal("DH-CG", JsonNode.Parse(row.Before!)!["unitCode"]!.GetValue<string>());
        Assert.Equal("DH-ZJ", JsonNode.Parse(row.After!)!["unitCode"]!.GetValue<string>());
        Assert.DoesNotContain("pbkdf2", row.Before + row.After, StringComparison.Ordinal);
        Assert.DoesNotContain("password", (row.Before + row.After).Replace("mustChangePassword", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_answer_409_and_change_nothing_When_the_version_is_stale()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { version = 1, displayName = "李强", roles = UnitRole, unitCode = "DH-CG" }));

        var stale = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { version = 1, displayName = "李四", roles = UnitRole, unitCode = "DH-CG" }), HttpStatusCode.Conflict);

        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        Assert.Equal("李强", (await UserAsync("cg-li"))["displayName"]!.GetValue<string>());
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_400_naming_each_bad_field_When_a_change_or_reset_is_bad()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");

        Assert.Equal(["version", "displayName", "roles", "unitCode"],
            await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { displayName = "", roles = Wizard, unitCode = "DH-CG" })));
        Assert.Equal(["unitCode"], await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { version = 1, displayName = "李强", roles = UnitRole, unitCode = "NOPE" })));
        Assert.Equal(["colour"], await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", new { version = 1, colour = "red" })));
        Assert.Equal(["temporaryPassword"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/users/cg-li/password", new { temporaryPassword = "short" })));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_403_for_other_roles_and_404_for_unknown_accounts()
    {
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", OperatorRole);
        foreach (var (method, path) in new[] { ("GET", "/api/admin/users"), ("GET", "/api/admin/users/admin"), ("PUT", "/api/admin/users/admin"),
            ("POST", "/api/admin/users/admin/disable"), ("POST", "/api/admin/users/admin/enable"), ("POST", "/api/admin/users/admin/password"), ("GET", "/api/admin/audit") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { version = 1, displayName = "x", roles = OperatorRole }) };
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await operatorClient.SendAsync(request)).StatusCode));
        }

        await BodyAsync(await Admin.GetAsync("/api/admin/users/nobody"), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PostAsync("/api/admin/users/nobody/disable", null), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/users/nobody/password", new { temporaryPassword = "a-long-temporary-1" }), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/nobody", new { version = 1, displayName = "x", roles = OperatorRole }), HttpStatusCode.NotFound);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Should_answer_409_naming_why_When_the_last_administrator_would_be_disabled_or_demoted()
    {
        var demote = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/admin", new { version = 1, displayName = "管理员", roles = OperatorRole }), HttpStatusCode.Conflict);
        var disable = await BodyAsync(await Admin.PostAsync("/api/admin/users/admin/disable", null), HttpStatusCode.Conflict);

        Assert.Contains("last active administrator", demote["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("last active administrator", disable["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());

        // With a second administrator, the first may step down.
        await Host.Factory.CreateUserClientAsync("admin2", ["administrator"]);
        var demoted = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/admin", new { version = 1, displayName = "管理员", roles = OperatorRole }));
        Assert.Equal(["operator"], demoted["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_refuse_sign_in_and_end_sessions_When_an_account_is_disabled_and_allow_both_again_When_enabled()
    {
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/api/inbox")).StatusCode);

        var disabled = await BodyAsync(await Admin.PostAsync("/api/admin/users/cg-li/disable", null));

        Assert.True(disabled["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await unit.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);

        Host.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await BodyAsync(await Admin.PostAsync("/api/admin/users/cg-li/enable", null));
        await BodyAsync(await SignInAsync("cg-li", HotlineFactory.UserPassword));
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserEnabled], (await AuditAsync()).Select(e => e.Action));
        var rows = await AuditAsync();
        Assert.False(JsonNode.Parse(rows[0].Before!)!["disabled"]!.GetValue<bool>());
        Assert.True(JsonNode.Parse(rows[0].After!)!["disabled"]!.GetValue<bool>());
    }
}

/// <summary>The administration API on SQLite.</summary>
public sealed class SqliteAdminUsersApiTests : AdminUsersApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The administration API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminUsersApiTests : AdminUsersApiTests
{
    protected override bool OnPostgreSql => true;
}
