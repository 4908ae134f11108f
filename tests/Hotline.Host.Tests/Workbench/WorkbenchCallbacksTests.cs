using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Audit;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The workbench's callback desk (<see cref="IWorkbenchCallbacks"/> as the host implements it): the desk's callback
/// tasks only, with what the citizen was told; a result recorded through the inbox API's checks; the workflow's own
/// retry after an unreachable call and re-handling after an unsatisfied one; refusals that change nothing.
/// </summary>
public abstract class WorkbenchCallbacksTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly ClaimsPrincipal Agent = WorkbenchPeople.Person("hf-zhao", HotlineRoles.CallbackAgent);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    /// <summary>A complaint answered by DH-CG and replied to by the centre: the callback desk has its callback.</summary>
    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已责令商户退回店内经营。" });
        await _host.ActAsync("RX-PD", "Approved", centre: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<T> WithDeskAsync<T>(Func<IWorkbenchCallbacks, Task<T>> use) => WorkbenchPeople.UseAsync(_host.Factory, use);

    private Task<CallbackDesk> DeskAsync(ClaimsPrincipal? user = null) => WithDeskAsync(d => d.ListAsync(user ?? Agent, 1, 20, default));

    private async Task<Case> TheCaseAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().OrderBy(c => c.Number).FirstAsync();
    }

    [Fact]
    public async Task Should_list_the_desks_callback_tasks_only_with_the_citizen_the_reply_and_the_units_name_When_an_agent_opens_the_desk()
    {
        using (var integrator = _host.Factory.CreateIntegratorClient())
            (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint("另一处占道经营"))).EnsureSuccessStatusCode();
        await _host.AdvanceToAsync(Monday.AddHours(1));
        var desk = await DeskAsync();

        var row = Assert.Single(desk.Items);
        Assert.Equal(((await TheCaseAsync()).Number, "张敏", "13800138000"), (row.CaseNumber, row.CitizenName, row.CitizenPhone));
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-CG")).Kind);
        Assert.Equal(("占道经营", "东湖区城管局", "已责令商户退回店内经营。", 1), (row.Subject, row.LeadUnit, row.Reply, row.Attempt));
        Assert.Empty(desk.Waiting);
        Assert.Empty((await DeskAsync(WorkbenchPeople.Person("pd-wang", HotlineRoles.Dispatcher))).Items);
        Assert.Empty((await DeskAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"))).Items);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Actor == "hf-zhao" && e.Action == AuditActions.PhoneViewed));
    }

    [Fact]
    public async Task Should_close_the_case_When_the_agent_records_satisfied_and_resolved()
    {
        var row = Assert.Single((await DeskAsync()).Items);

        var answer = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, new CallbackCommand(CallbackResults.Satisfied, true, "很满意"), default));

        Assert.Equal(new CallbackAnswer(null, CaseStatus.Closed), answer);
        Assert.Equal(CaseStatus.Closed, (await TheCaseAsync()).Status);
        Assert.Empty((await DeskAsync()).Items);
    }

    [Fact]
    public async Task Should_show_the_workflows_next_call_two_working_hours_later_When_the_citizen_is_unreachable()
    {
        // Fri 2026-03-06 16:30: the workflow calls again two working hours later, Mon 10:00 (the weekend does not count).
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 6, 16, 30, 0, China));
        var row = Assert.Single((await DeskAsync()).Items);
        var monday10 = new DateTimeOffset(2026, 3, 9, 10, 0, 0, China);

        var answer = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, new CallbackCommand(CallbackResults.Unreachable, null, "无人接听"), default));
        var waiting = await DeskAsync();
        await _host.AdvanceToAsync(monday10);
        var again = await DeskAsync();

        Assert.Equal(new CallbackAnswer(null, CaseStatus.AwaitingCallback, monday10), answer);
        Assert.Empty(waiting.Items);
        var retry = Assert.Single(waiting.Waiting);
        Assert.Equal((1, monday10), (retry.Attempts, retry.NextCallAt));
        Assert.Equal(2, Assert.Single(again.Items).Attempt);
        Assert.Empty(again.Waiting);
    }

    [Fact]
    public async Task Should_close_the_case_without_a_next_call_When_the_last_allowed_call_is_unreachable()
    {
        var unreachable = new CallbackCommand(CallbackResults.Unreachable, null, null);
        var answers = new List<CallbackAnswer>();
        for (var call = 1; call <= 3; call++)
        {
            var row = Assert.Single((await DeskAsync()).Items);
            Assert.Equal(call, row.Attempt);
            answers.Add(await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, unreachable, default)));
            if (answers[^1].NextCallAt is { } next)
                await _host.AdvanceToAsync(next);
        }

        Assert.All(answers.Take(2), a => Assert.Equal(CaseStatus.AwaitingCallback, a.CaseStatus));
        Assert.Equal(new CallbackAnswer(null, CaseStatus.Closed), answers[2]);
        var desk = await DeskAsync();
        Assert.Empty(desk.Items);
        Assert.Empty(desk.Waiting);
    }

    [Fact]
    public async Task Should_send_the_case_back_to_the_unit_When_the_citizen_is_unsatisfied()
    {
        var row = Assert.Single((await DeskAsync()).Items);

        var answer = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, new CallbackCommand(CallbackResults.Unsatisfied, false, "商户又摆出来了"), default));

        Assert.Null(answer.Error);
        Assert.Equal(CaseStatus.Dispatched, answer.CaseStatus);
        Assert.Equal(1, (await TheCaseAsync()).ReopenCount);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-CG")).Kind);
        Assert.Empty((await DeskAsync()).Items);
    }

    [Fact]
    public async Task Should_refuse_with_the_reason_and_change_nothing_When_the_person_the_result_or_the_state_is_wrong()
    {
        var row = Assert.Single((await DeskAsync()).Items);
        var satisfied = new CallbackCommand(CallbackResults.Satisfied, true, null);

        var unit = await WithDeskAsync(d => d.RecordAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"), row.TaskId, satisfied, default));
        var operatorAnswer = await WithDeskAsync(d => d.RecordAsync(WorkbenchPeople.Person("op-wang", HotlineRoles.Operator), row.TaskId, satisfied, default));
        var badResult = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, new CallbackCommand("Delighted", true, null), default));
        var noResolved = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, new CallbackCommand(CallbackResults.Satisfied, null, null), default));
        Assert.Equal(CaseStatus.AwaitingCallback, (await TheCaseAsync()).Status);
        Assert.Null((await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, satisfied, default))).Error);
        var twice = await WithDeskAsync(d => d.RecordAsync(Agent, row.TaskId, satisfied, default));

        Assert.Equal("该回访任务不存在，或您无权查看。", unit.Error);
        Assert.Equal("回访任务由回访员办理。", operatorAnswer.Error);
        Assert.Equal("请选择回访结果。", badResult.Error);
        Assert.Equal("请选择问题是否已解决。", noResolved.Error);
        Assert.Equal("该任务已办结或已撤回，不能再办理。", twice.Error);
        Assert.Empty((await DeskAsync(WorkbenchPeople.Person("op-wang", HotlineRoles.Operator))).Items);
    }
}

/// <summary>The callback desk on SQLite.</summary>
public sealed class SqliteWorkbenchCallbacksTests : WorkbenchCallbacksTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The callback desk on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchCallbacksTests : WorkbenchCallbacksTests
{
    protected override bool OnPostgreSql => true;
}
