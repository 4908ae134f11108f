using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// Sign-in rules the administration brings: a temporary password set by an administrator must be changed through
/// <c>POST /api/auth/password</c> before signing in; repeated wrong passwords lock an account for a while (a clear 403,
/// never a 500); an administrator's enable lifts a lock-out.
/// </summary>
public abstract class SignInPolicyTests : AdminTest
{
    private static readonly string[] UnitRole = ["unit"];

    [Fact]
    public async Task Should_require_a_new_password_before_sign_in_When_an_administrator_reset_it()
    {
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");

        var reset = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/users/cg-li/password", new { temporaryPassword = "temporary-pass-1" }));

        Assert.True(reset["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await unit.GetAsync("/api/inbox")).StatusCode); // the old session ended
        var refused = await BodyAsync(await SignInAsync("cg-li", "temporary-pass-1"), HttpStatusCode.Forbidden);
        Assert.Contains("/api/auth/password", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);

        var anonymous = Host.Factory.CreateClient();
        Assert.Equal(["newPassword"], await BadFieldsAsync(await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "cg-li", currentPassword = "temporary-pass-1", newPassword = "temporary-pass-1" })));
        Assert.Equal(["userName", "currentPassword", "newPassword"], await BadFieldsAsync(await anonymous.PostAsJsonAsync("/api/auth/password", new { newPassword = "short" })));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "cg-li", currentPassword = "wrong-password-9", newPassword = "my-own-password-2" })).StatusCode);
        Host.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await BodyAsync(await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "cg-li", currentPassword = "temporary-pass-1", newPassword = "my-own-password-2" }), HttpStatusCode.NoContent);

        var signedIn = await BodyAsync(await SignInAsync("cg-li", "my-own-password-2"));
        Assert.Equal("cg-li", signedIn["user"]!["userName"]!.GetValue<string>());
        var rows = await AuditAsync();
        Assert.Equal([(AuditActions.PasswordReset, "admin"), (AuditActions.PasswordChanged, "cg-li")], rows.Select(e => (e.Action, e.Actor)));
        Assert.All(rows, e => Assert.DoesNotContain("pbkdf2", e.Before + e.After, StringComparison.Ordinal));
        Assert.False(JsonNode.Parse(rows[1].After!)!["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_answer_409_When_an_administrator_resets_their_own_password()
    {
        var refused = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/users/admin/password", new { temporaryPassword = "temporary-pass-1" }), HttpStatusCode.Conflict);

        Assert.Contains("/api/auth/password", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await BodyAsync(await SignInAsync("admin", HotlineFactory.AdminPassword));
    }

    [Fact]
    public async Task Should_lock_the_account_for_the_configured_time_When_the_password_is_wrong_too_often()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        for (var i = 1; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("cg-li", "wrong-password-" + i)).StatusCode);

        var locked = await BodyAsync(await SignInAsync("cg-li", "wrong-password-5"), HttpStatusCode.Forbidden);

        Assert.Equal("Account locked", locked["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Host.Factory.CreateClient().PostAsJsonAsync("/api/auth/password",
            new { userName = "cg-li", currentPassword = HotlineFactory.UserPassword, newPassword = "my-own-password-2" })).StatusCode);
        Assert.NotNull((await UserAsync("cg-li"))["lockedUntil"]);

        Host.Factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);
        Host.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await BodyAsync(await SignInAsync("cg-li", HotlineFactory.UserPassword));
        Assert.Equal(0, (await UserAsync("cg-li"))["failedSignInAttempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_lift_a_lock_out_When_an_administrator_enables_the_account()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", UnitRole, "DH-CG");
        for (var i = 1; i <= 5; i++)
            await SignInAsync("cg-li", "wrong-password-" + i);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);

        await BodyAsync(await Admin.PostAsync("/api/admin/users/cg-li/enable", null));

        await BodyAsync(await SignInAsync("cg-li", HotlineFactory.UserPassword));
        Assert.Equal(AuditActions.UserEnabled, Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task Should_say_the_account_is_locked_or_needs_a_new_password_When_the_designer_sign_in_is_refused_for_that()
    {
        await Host.Factory.CreateUserClientAsync("admin-wang", AdministratorRole);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/users/admin-wang/password", new { temporaryPassword = "temporary-pass-1" }));
        await Host.Factory.CreateUserClientAsync("admin-zhao", AdministratorRole);
        for (var i = 1; i <= 5; i++)
            await SignInAsync("admin-zhao", "wrong-password-" + i);

        var (mustChange, mustChangePage) = await DesignerSignInAsync("admin-wang", "temporary-pass-1");
        var (locked, lockedPage) = await DesignerSignInAsync("admin-zhao", HotlineFactory.UserPassword);
        var (wrong, wrongPage) = await DesignerSignInAsync("admin-wang", "wrong-password-9");

        Assert.Equal(HttpStatusCode.Forbidden, mustChange);
        Assert.Contains("临时密码", mustChangePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, locked);
        Assert.Contains("账号已暂时锁定", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Contains("用户名或密码错误", wrongPage, StringComparison.Ordinal);
    }

    private static readonly string[] AdministratorRole = ["administrator"];

    private async Task<(HttpStatusCode Status, string Page)> DesignerSignInAsync(string userName, string password)
    {
        using var client = Host.Factory.CreateClient();
        using var response = await client.PostAsync("/designer/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/designer/",
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Sign-in rules on SQLite.</summary>
public sealed class SqliteSignInPolicyTests : SignInPolicyTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>Sign-in rules on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlSignInPolicyTests : SignInPolicyTests
{
    protected override bool OnPostgreSql => true;
}
