using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Admin;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workbench.Administration;
using Hotline.Workbench.Administration.Routing;
using Hotline.Workbench.Administration.Subjects;
using Hotline.Workbench.Administration.Units;
using Hotline.Workbench.Administration.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The administration screens' ports as the host implements them, over the administration API's own services: another
/// role gets nothing and changes nothing; a stale version is reported as stale with the record as it is now; a unit with
/// work is refused with its count and can be emptied; the simulator answers from the rules the screen saves; a password
/// reset hands over a temporary password that works once.
/// </summary>
public abstract class WorkbenchAdministrationTests : AdminTest
{
    private static readonly ClaimsPrincipal Administrator = WorkbenchPeople.Person("admin", HotlineRoles.Administrator);

    private Task<T> UseAsync<TPort, T>(Func<TPort, Task<T>> use) where TPort : notnull => WorkbenchPeople.UseAsync(Host.Factory, use);

    private static UnitFields District(string name, int? version, bool active = true) =>
        new(null, version, name, null, UnitLevel.District, "990103", false, ResponseLevel.Standard, null, active);

    [Theory]
    [InlineData(HotlineRoles.Supervisor)]
    [InlineData(HotlineRoles.Leader)]
    [InlineData(HotlineRoles.Dispatcher)]
    public async Task Should_answer_nothing_and_change_nothing_When_another_role_uses_the_administration_ports(string role)
    {
        var person = WorkbenchPeople.Person("someone", role);
        using var unitUser = await Host.Factory.CreateUserClientAsync("cg-li", [HotlineRoles.Unit], "DH-CG");
        var audited = (await AuditAsync()).Count;

        Assert.Empty(await UseAsync<IWorkbenchUnits, IReadOnlyList<UnitView>>(p => p.ListAsync(person, default)));
        Assert.Empty((await UseAsync<IWorkbenchReference, AdminChoices>(p => p.ChoicesAsync(person, default))).Units);
        Assert.Empty(await UseAsync<IWorkbenchSubjects, IReadOnlyList<Subject>>(p => p.ListAsync(person, default)));
        Assert.Empty(await UseAsync<IWorkbenchRouting, IReadOnlyList<RoutingRule>>(p => p.ListAsync(person, new(null, null, null), default)));
        Assert.Empty(await UseAsync<IWorkbenchUsers, IReadOnlyList<UserAccountView>>(p => p.ListAsync(person, new(null, null, null, null), default)));
        Assert.Null((await UseAsync<IWorkbenchRouting, RoutingSimulation>(p => p.SimulateAsync(person, "SR-ROAD", "990103", default))).Result);
        var refused = new[]
        {
            (await UseAsync<IWorkbenchUnits, Change<UnitView>>(p => p.SaveAsync(person, "DH-CG", District("改名", 1), default))).Outcome,
            (await UseAsync<IWorkbenchSubjects, Change<Subject>>(p => p.SaveAsync(person, null, new("SR-NEW", null, "新分类", null, [Hotline.Domain.Cases.CaseType.Complaint], null), default))).Outcome,
            (await UseAsync<IWorkbenchRouting, Change<RoutingRule>>(p => p.DeleteAsync(person, "R-ROAD", 1, default))).Outcome,
            (await UseAsync<IWorkbenchUsers, Change<UserAccountView>>(p => p.SetDisabledAsync(person, "cg-li", true, default))).Outcome,
            (await UseAsync<IWorkbenchUsers, PasswordReset>(p => p.ResetPasswordAsync(person, "cg-li", default))).Change.Outcome,
        };
        var units = await UseAsync<IWorkbenchUnits, IReadOnlyList<UnitView>>(p => p.ListAsync(Administrator, default));

        Assert.All(refused, outcome => Assert.Equal(ChangeOutcome.NotFound, outcome));
        Assert.Equal("东湖区城管局", units.Single(u => u.Code == "DH-CG").Name);
        Assert.Single(await UseAsync<IWorkbenchRouting, IReadOnlyList<RoutingRule>>(p => p.ListAsync(Administrator, new(null, null, null), default)));
        Assert.Equal(audited, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Should_report_the_version_as_stale_with_the_record_as_it_is_When_a_unit_or_rule_is_saved_from_an_old_read()
    {
        var first = await UseAsync<IWorkbenchUnits, Change<UnitView>>(p => p.SaveAsync(Administrator, "DH-CG", District("东湖区城市管理局", 1), default));
        var stale = await UseAsync<IWorkbenchUnits, Change<UnitView>>(p => p.SaveAsync(Administrator, "DH-CG", District("东湖区城管", 1), default));
        var staleDelete = await UseAsync<IWorkbenchRouting, Change<RoutingRule>>(p => p.DeleteAsync(Administrator, "R-ROAD", 7, default));

        Assert.Equal((ChangeOutcome.Done, 2), (first.Outcome, first.Entity!.Version));
        Assert.Equal((ChangeOutcome.Stale, "东湖区城市管理局", 2), (stale.Outcome, stale.Entity!.Name, stale.Entity.Version));
        Assert.Equal(ChangeOutcome.Stale, staleDelete.Outcome);
        Assert.Single(await UseAsync<IWorkbenchRouting, IReadOnlyList<RoutingRule>>(p => p.ListAsync(Administrator, new("SR-ROAD", null, null), default)));
    }

    [Fact]
    public async Task Should_refuse_with_the_count_then_move_the_work_When_a_unit_with_an_open_task_is_deactivated_and_reassigned()
    {
        using var integrator = Host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();

        var refused = await UseAsync<IWorkbenchUnits, Change<UnitView>>(p => p.SaveAsync(Administrator, "DH-CG", District("东湖区城管局", 1, active: false), default));
        var bad = await UseAsync<IWorkbenchUnits, UnitReassignment>(p => p.ReassignAsync(Administrator, "DH-CG", "DH-CG", "", default));
        var moved = await UseAsync<IWorkbenchUnits, UnitReassignment>(p => p.ReassignAsync(Administrator, "DH-CG", "DH-ZJ", "机构调整", default));
        var deactivated = await UseAsync<IWorkbenchUnits, Change<UnitView>>(p => p.SaveAsync(Administrator, "DH-CG", District("东湖区城管局", 1, active: false), default));

        Assert.Equal(ChangeOutcome.Refused, refused.Outcome);
        Assert.Contains("1 open task", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(["reason", "toUnitCode"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((1, 0, 0), (moved.Moved.Count, moved.NotMoved.Count, moved.OpenTasksLeft));
        Assert.Equal((ChangeOutcome.Done, false), (deactivated.Outcome, deactivated.Entity!.Active));
    }

    [Fact]
    public async Task Should_route_to_the_new_unit_When_an_administrator_adds_a_unit_a_subject_and_a_rule_through_the_ports()
    {
        var unit = await UseAsync<IWorkbenchUnits, Change<UnitView>>(p =>
            p.SaveAsync(Administrator, null, new("DH-SW", null, "东湖区水务局", null, UnitLevel.District, "990103", true, ResponseLevel.Priority, null, true), default));
        var subject = await UseAsync<IWorkbenchSubjects, Change<Subject>>(p =>
            p.SaveAsync(Administrator, null, new("SR-WATER", null, "供水问题", null, [Hotline.Domain.Cases.CaseType.Complaint], null), default));
        var rule = await UseAsync<IWorkbenchRouting, Change<RoutingRule>>(p =>
            p.SaveAsync(Administrator, null, new("R-WATER", null, "SR-WATER", "990103", "DH-SW", ["DH-ZJ"], 0), default));
        var answer = await UseAsync<IWorkbenchRouting, RoutingSimulation>(p => p.SimulateAsync(Administrator, "SR-WATER", "990103", default));
        var bad = await UseAsync<IWorkbenchRouting, RoutingSimulation>(p => p.SimulateAsync(Administrator, "NOPE", "12", default));

        Assert.Equal((ChangeOutcome.Done, ChangeOutcome.Done, ChangeOutcome.Done), (unit.Outcome, subject.Outcome, rule.Outcome));
        Assert.Equal(("DH-SW", "R-WATER", false), (answer.Result!.LeadUnitCode, answer.Result.RuleId, answer.Result.IsDefaultDispatch));
        Assert.Equal(["DH-ZJ"], answer.Result.AssistingUnitCodes);
        Assert.Equal(["districtCode", "subjectCode"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(new("DH-SW", "东湖区水务局"), (await UseAsync<IWorkbenchReference, AdminChoices>(p => p.ChoicesAsync(Administrator, default))).Units);
    }

    [Fact]
    public async Task Should_hand_over_a_temporary_password_that_must_be_changed_When_an_administrator_resets_one()
    {
        using var unitUser = await Host.Factory.CreateUserClientAsync("cg-li", [HotlineRoles.Unit], "DH-CG");
        var reset = await UseAsync<IWorkbenchUsers, PasswordReset>(p => p.ResetPasswordAsync(Administrator, "cg-li", default));
        var own = await UseAsync<IWorkbenchUsers, PasswordReset>(p => p.ResetPasswordAsync(Administrator, "admin", default));
        var account = (await UseAsync<IWorkbenchUsers, IReadOnlyList<UserAccountView>>(p => p.ListAsync(Administrator, new(null, "DH-CG", null, null), default)))
            .Single(a => a.UserName == "cg-li");
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeOwnPasswordAsync("cg-li", reset.TemporaryPassword, "a-new-password-1");

        Assert.Equal(ChangeOutcome.Done, reset.Change.Outcome);
        Assert.True(reset.TemporaryPassword!.Length >= UserService.MinPasswordLength);
        Assert.True(account.MustChangePassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("cg-li", HotlineFactory.UserPassword)).StatusCode);
        Assert.Equal(SignInOutcome.Succeeded, changed.Outcome);
        Assert.Equal((ChangeOutcome.Refused, null), (own.Change.Outcome, own.TemporaryPassword));
    }
}

/// <summary>The administration ports on SQLite.</summary>
public sealed class SqliteWorkbenchAdministrationTests : WorkbenchAdministrationTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The administration ports on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchAdministrationTests : WorkbenchAdministrationTests
{
    protected override bool OnPostgreSql => true;
}
