using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Activities;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Notifications;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Inbox;
using Hotline.Workbench.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The workbench's supervision board (<see cref="IWorkbenchSupervision"/> as the host implements it): a case the fake
/// clock moves past its deadline at its ladder level, with the escalation workflow's next timer; supervisors and leaders
/// only; a district's supervisor sees that district's cases only.
/// </summary>
public abstract class WorkbenchSupervisionTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly ClaimsPrincipal Supervisor = WorkbenchPeople.Person("db-sun", HotlineRoles.Supervisor);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    /// <summary>A complaint in 东湖区 (990103) led by DH-CG, then the clock just past its deadline.</summary>
    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        await _host.AdvanceToAsync((await TheCaseAsync()).DeadlineAt!.Value.AddMinutes(1));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<SupervisionBoard> BoardAsync(ClaimsPrincipal user) =>
        WorkbenchPeople.UseAsync<IWorkbenchSupervision, SupervisionBoard>(_host.Factory, b => b.BoardAsync(user, default));

    private async Task<Case> TheCaseAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().OrderBy(c => c.Number).FirstAsync();
    }

    [Fact]
    public async Task Should_show_the_case_as_red_with_the_level_1_timer_next_When_the_clock_passes_its_deadline()
    {
        var @case = await TheCaseAsync();

        var row = Assert.Single((await BoardAsync(Supervisor)).Rows);

        Assert.Equal((SupervisionLevel.Red, @case.Number, "占道经营", "东湖区城管局"), (row.Level, row.CaseNumber, row.Subject, row.LeadUnit));
        Assert.Equal(["东湖区城管局"], row.HeldBy);
        Assert.Equal("wait-level1", row.NextStep);
        Assert.True(row.NextAt > @case.DeadlineAt, "the level-1 letter comes a working day after the deadline");
        Assert.Equal(new CheckpointCount(WaitAnchor.Deadline, 1, WaitUnit.WorkingDays, null, "等待提级督办"), row.NextCount);
    }

    [Fact]
    public async Task Should_move_the_case_to_level_1_When_the_clock_passes_the_next_checkpoint()
    {
        var next = Assert.Single((await BoardAsync(Supervisor)).Rows).NextAt!.Value;

        await _host.AdvanceToAsync(next.AddMinutes(1));
        var row = Assert.Single((await BoardAsync(WorkbenchPeople.Person("ld-zhou", HotlineRoles.Leader))).Rows);

        Assert.Equal((SupervisionLevel.Level1, "wait-level2"), (row.Level, row.NextStep));
        Assert.Equal((WaitAnchor.Deadline, 3, WaitUnit.WorkingDays), (row.NextCount?.Anchor, row.NextCount?.Offset, row.NextCount?.Unit));
    }

    [Fact]
    public async Task Should_show_nothing_When_a_unit_user_or_an_operator_asks()
    {
        Assert.Empty((await BoardAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"))).Rows);
        Assert.Empty((await BoardAsync(WorkbenchPeople.Person("op-wang", HotlineRoles.Operator))).Rows);
        Assert.Single((await BoardAsync(Supervisor)).Rows);
    }

    [Fact]
    public async Task Should_tell_the_unit_the_supervisors_and_the_leaders_When_the_case_climbs_to_level_1()
    {
        var next = Assert.Single((await BoardAsync(Supervisor)).Rows).NextAt!.Value;

        await _host.AdvanceToAsync(next.AddMinutes(1));

        await using var db = await _host.Contexts.CreateDbContextAsync();
        var told = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Escalated).ToListAsync();
        Assert.Equal(
            [NotificationRecipients.Leaders, NotificationRecipients.Supervisors, NotificationRecipients.Unit("DH-CG")],
            told.Select(n => n.Recipient).Order(StringComparer.Ordinal));
        Assert.All(told, n => Assert.Equal("1", Assert.Single(n.Arguments)));
    }

    [Fact]
    public async Task Should_show_the_instruction_on_the_board_and_in_the_units_inbox_When_a_supervisor_instructs()
    {
        var number = (await TheCaseAsync()).Number;

        var outcome = await InstructAsync(Supervisor, number, "请今日内联系市民并反馈进展");

        Assert.Equal(InstructionOutcome.Recorded, outcome);
        var shown = Assert.Single((await BoardAsync(Supervisor)).Rows).Instruction;
        Assert.Equal(("请今日内联系市民并反馈进展", "db-sun"), (shown?.Text, shown?.By));
        var unit = WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG");
        var inbox = await WorkbenchPeople.UseAsync<IWorkbenchInbox, InboxList>(_host.Factory, i => i.ListAsync(unit, 1, 20, default));
        Assert.Equal("请今日内联系市民并反馈进展", Assert.Single(inbox.Items, t => t.CaseNumber == number).Instruction?.Text);
    }

    [Fact]
    public async Task Should_refuse_and_record_nothing_When_the_text_is_empty_or_the_person_may_not_instruct()
    {
        var number = (await TheCaseAsync()).Number;

        Assert.Equal(InstructionOutcome.Invalid, await InstructAsync(Supervisor, number, " "));
        Assert.Equal(InstructionOutcome.NotFound, await InstructAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"), number, "x"));
        Assert.Equal(InstructionOutcome.NotFound, await InstructAsync(WorkbenchPeople.Person("xq-sun", HotlineRoles.Supervisor, districtCode: "990104"), number, "x"));
        Assert.Equal(InstructionOutcome.NotFound, await InstructAsync(Supervisor, "20990101-000001", "x"));

        Assert.Null(Assert.Single((await BoardAsync(Supervisor)).Rows).Instruction);
    }

    private Task<InstructionOutcome> InstructAsync(ClaimsPrincipal user, string number, string text) =>
        WorkbenchPeople.UseAsync<IWorkbenchSupervision, InstructionOutcome>(_host.Factory, b => b.InstructAsync(user, number, text, default));

    [Fact]
    public async Task Should_show_only_its_districts_cases_When_a_district_supervisor_asks()
    {
        Assert.Empty((await BoardAsync(WorkbenchPeople.Person("xq-sun", HotlineRoles.Supervisor, districtCode: "990104"))).Rows);
        Assert.Single((await BoardAsync(WorkbenchPeople.Person("dh-sun", HotlineRoles.Supervisor, districtCode: "990103"))).Rows);
    }
}

/// <summary>The supervision board on SQLite.</summary>
public sealed class SqliteWorkbenchSupervisionTests : WorkbenchSupervisionTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The supervision board on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchSupervisionTests : WorkbenchSupervisionTests
{
    protected override bool OnPostgreSql => true;
}
