using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Inbox;
using Hotline.Workbench.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The 13710 checkpoints as work, driven by the ladder's graph (<c>escalation-13710</c>) with the fake clock: after the
/// 1d checkpoint the lead unit gets a progress-report task due at the 3d checkpoint; a report filed in time waits for
/// the supervisor's 销号 (the ladder stops) or 保留督办; a report not filed is withdrawn, recorded as missed, and the
/// ladder climbs on. Through the workbench's ports (<see cref="IWorkbenchInbox"/>, <see cref="IWorkbenchSupervision"/>).
/// </summary>
public abstract class WorkbenchCheckpointTests : IAsyncLifetime
{
    private const string Report = "已约谈占道商户，限期三日内清理，正在跟进";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClaimsPrincipal Supervisor = WorkbenchPeople.Person("db-sun", HotlineRoles.Supervisor);
    private static readonly ClaimsPrincipal Unit = WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG");

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    /// <summary>A complaint in 东湖区 led by DH-CG, then the clock through level 2 and its 1d checkpoint.</summary>
    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        await _host.AdvanceToAsync((await TheCaseAsync()).DeadlineAt!.Value.AddMinutes(1));
        // Red, level 1, level 2, the 1d checkpoint: each step's timer in turn (the board names the next one).
        for (var step = 0; step < 4 && (await RowAsync()).NextStep != "wait-3d"; step++)
            await _host.AdvanceToAsync((await RowAsync()).NextAt!.Value.AddMinutes(1));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_stop_the_ladder_When_the_unit_reports_in_time_and_the_supervisor_closes_the_item()
    {
        var row = await RowAsync();
        Assert.Equal((SupervisionLevel.Level2, "wait-3d"), (row.Level, row.NextStep));
        var task = Assert.Single(await ReportTasksAsync());
        Assert.Equal(row.NextAt, task.DueAt); // due when the 3d checkpoint fires
        Assert.Equal(InboxTaskStatus.Open, task.Status);

        Assert.Null(await ActAsync(Unit, task.TaskId, Report));
        row = await RowAsync();
        Assert.Equal((Report, "东湖区城管局", true, "wait-7d"), (row.Report?.Text, row.Report?.Unit, row.AwaitsDecision, row.NextStep));
        Assert.Equal(DecisionOutcome.Closed, await DecideAsync(Supervisor, SupervisionVerdict.Close, "已整改到位"));

        var @case = await TheCaseAsync();
        Assert.Equal(0, @case.EscalationLevel);
        var events = await _host.EventsAsync(@case.Id);
        var reported = CaseEventData.Read<TaskOutcomeData>(events.Single(e => e.Kind == CaseEventKind.ProgressReported).Data)!;
        Assert.Equal((Report, "DH-CG"), (reported.ResultText("text"), reported.UnitCode));
        var closed = CaseEventData.Read<SupervisionClosedData>(events.Single(e => e.Kind == CaseEventKind.SupervisionClosed).Data);
        Assert.Equal(new SupervisionClosedData(2, "已整改到位", "DH-CG"), closed);
        row = await RowAsync();
        Assert.Equal((SupervisionLevel.Red, false, null), (row.Level, row.AwaitsDecision, row.NextStep));

        await _host.AdvanceToAsync(Monday.AddDays(60));
        var after = await _host.EventsAsync(@case.Id);
        Assert.DoesNotContain(after.Skip(events.Count), e => e.Kind is CaseEventKind.Escalated or CaseEventKind.SupervisionCheckpoint or CaseEventKind.ProgressReportMissed);
        Assert.Equal(0, (await TheCaseAsync()).EscalationLevel);
    }

    [Fact]
    public async Task Should_withdraw_the_task_record_the_missed_report_and_climb_to_level_3_When_the_unit_does_not_report()
    {
        var checkpoint = (await RowAsync()).NextAt!.Value;

        await _host.AdvanceToAsync(checkpoint);

        var @case = await TheCaseAsync();
        var events = await _host.EventsAsync(@case.Id);
        var missed = CaseEventData.Read<EscalationData>(events.Single(e => e.Kind == CaseEventKind.ProgressReportMissed).Data)!;
        Assert.Equal(("3d", 2), (missed.Checkpoint, missed.Level));
        Assert.Contains(events, e => e.Kind == CaseEventKind.SupervisionCheckpoint && e.Data!.Contains("\"3d\"", StringComparison.Ordinal));
        Assert.Equal(InboxTaskStatus.Cancelled, Assert.Single(await ReportTasksAsync()).Status);
        Assert.NotNull(await ActAsync(Unit, (await ReportTasksAsync())[0].TaskId, Report));
        var row = await RowAsync();
        Assert.Equal(("wait-7d", false), (row.NextStep, row.AwaitsDecision));

        await _host.AdvanceToAsync(row.NextAt!.Value);

        Assert.Equal(3, (await TheCaseAsync()).EscalationLevel);
        Assert.Equal(DecisionOutcome.NoOpenItem, await DecideAsync(Supervisor, SupervisionVerdict.Close, null));
    }

    [Fact]
    public async Task Should_refuse_When_another_unit_reports_a_unit_closes_the_item_or_it_is_closed_twice()
    {
        var task = Assert.Single(await ReportTasksAsync());
        Assert.Equal(DecisionOutcome.NoOpenItem, await DecideAsync(Supervisor, SupervisionVerdict.Close, null)); // no report yet

        Assert.NotNull(await ActAsync(WorkbenchPeople.Person("zj-zhao", HotlineRoles.Unit, "DH-ZJ"), task.TaskId, Report));
        Assert.Equal(InboxTaskStatus.Open, Assert.Single(await ReportTasksAsync()).Status);
        Assert.NotNull(await ActAsync(Unit, task.TaskId, new string('进', 1001)));
        Assert.Null(await ActAsync(Unit, task.TaskId, Report));

        Assert.Equal(DecisionOutcome.NotFound, await DecideAsync(Unit, SupervisionVerdict.Close, null));
        Assert.Equal(DecisionOutcome.NotFound, await DecideAsync(WorkbenchPeople.Person("xq-sun", HotlineRoles.Supervisor, districtCode: "990104"), SupervisionVerdict.Close, null));
        Assert.Equal(DecisionOutcome.Invalid, await DecideAsync(Supervisor, SupervisionVerdict.Keep, " "));
        Assert.Equal(DecisionOutcome.Kept, await DecideAsync(WorkbenchPeople.Person("ld-zhou", HotlineRoles.Leader), SupervisionVerdict.Keep, "请明确清理完成时间"));
        var row = await RowAsync();
        Assert.Equal(("请明确清理完成时间", true), (row.Instruction?.Text, row.AwaitsDecision));
        Assert.Equal(DecisionOutcome.Closed, await DecideAsync(Supervisor, SupervisionVerdict.Close, null));
        Assert.Equal(DecisionOutcome.NoOpenItem, await DecideAsync(Supervisor, SupervisionVerdict.Close, null));

        var events = await _host.EventsAsync((await TheCaseAsync()).Id);
        Assert.Single(events, e => e.Kind == CaseEventKind.SupervisionClosed);
        Assert.Single(events, e => e.Kind == CaseEventKind.ProgressReported);
    }

    private async Task<SupervisionRow> RowAsync() =>
        Assert.Single((await WorkbenchPeople.UseAsync<IWorkbenchSupervision, SupervisionBoard>(_host.Factory, b => b.BoardAsync(Supervisor, default))).Rows);

    private async Task<DecisionOutcome> DecideAsync(ClaimsPrincipal user, SupervisionVerdict verdict, string? text)
    {
        var number = (await TheCaseAsync()).Number;
        return await WorkbenchPeople.UseAsync<IWorkbenchSupervision, DecisionOutcome>(_host.Factory, b => b.DecideAsync(user, number, verdict, text, default));
    }

    private Task<string?> ActAsync(ClaimsPrincipal user, string taskId, string text) =>
        WorkbenchPeople.UseAsync<IWorkbenchInbox, string?>(_host.Factory, i => i.ActAsync(user, taskId, new InboxCommand(InboxVerb.Report, text), default));

    private async Task<List<InboxTask>> ReportTasksAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.InboxTasks.AsNoTracking().Where(t => t.Kind == InboxTaskKind.ProgressReport).ToListAsync();
    }

    private async Task<Case> TheCaseAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().OrderBy(c => c.Number).FirstAsync();
    }
}

/// <summary>The 13710 checkpoints as work on SQLite.</summary>
public sealed class SqliteWorkbenchCheckpointTests : WorkbenchCheckpointTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The 13710 checkpoints as work on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchCheckpointTests : WorkbenchCheckpointTests
{
    protected override bool OnPostgreSql => true;
}
