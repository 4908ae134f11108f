using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Domain.Privacy;
using Hotline.Domain.Quality;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Host.Tests.Workbench;
using Hotline.Workbench.Callbacks;
using Hotline.Workbench.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Quality;

/// <summary>
/// 三查 through the graphs: a complaint answered by DH-CG, replied to and called back; the sampling step in
/// <c>case-lifecycle</c> (查工单) and <c>callback</c> (查回访) picks it by the configured share; the quality desk
/// (<see cref="IWorkbenchQuality"/>) passes it (closed stays closed) or fails it (back to the lead unit, the reason on
/// the timeline); the callback desk makes the second call; refusals change nothing.
/// </summary>
public abstract class QualityCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly ClaimsPrincipal Checker = WorkbenchPeople.Person("dc-sun", HotlineRoles.Supervisor);
    private static readonly ClaimsPrincipal Agent = WorkbenchPeople.Person("hf-zhao", HotlineRoles.CallbackAgent);
    private static readonly QualityCommand WrongAnswer = new(true, false, true, "未说明退回时间");

    private LifecycleHost? _host;

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    /// <summary>The host with the shares set, and a complaint answered by DH-CG and replied to: the callback desk has its callback.</summary>
    private async Task<LifecycleHost> StartAsync(double caseShare, double callbackShare)
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql, services => services.Configure<QualityOptions>(o =>
        {
            o.CaseShare = caseShare;
            o.CallbackShare = callbackShare;
        }));
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已责令商户退回店内经营。" });
        await _host.ActAsync("RX-PD", "Approved", centre: true);
        return _host;
    }

    /// <summary>The host started with <paramref name="caseShare"/>, the citizen called back satisfied and resolved.</summary>
    private async Task<LifecycleHost> ClosedAsync(double caseShare)
    {
        var host = await StartAsync(caseShare, 0);
        var call = Assert.Single((await CallbacksAsync()).Items);
        Assert.Null((await UseAsync<IWorkbenchCallbacks, CallbackAnswer>(d => d.RecordAsync(Agent, call.TaskId, new(CallbackResults.Satisfied, true, null), default))).Error);
        return host;
    }

    private Task<T> UseAsync<TPort, T>(Func<TPort, Task<T>> use) where TPort : notnull => WorkbenchPeople.UseAsync(_host!.Factory, use);

    private Task<QualityDesk> DeskAsync(ClaimsPrincipal? user = null) => UseAsync<IWorkbenchQuality, QualityDesk>(d => d.ListAsync(user ?? Checker, 1, 20, default));

    private Task<CallbackDesk> CallbacksAsync() => UseAsync<IWorkbenchCallbacks, CallbackDesk>(d => d.ListAsync(Agent, 1, 20, default));

    private Task<QualityAnswer> CheckAsync(ClaimsPrincipal user, string taskId, QualityCommand command) =>
        UseAsync<IWorkbenchQuality, QualityAnswer>(d => d.CheckAsync(user, taskId, command, default));

    private async Task<Case> TheCaseAsync()
    {
        await using var db = await _host!.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task Should_put_the_closed_case_on_the_quality_desk_with_names_and_a_masked_number_When_the_case_share_is_one()
    {
        await ClosedAsync(caseShare: 1);

        var row = Assert.Single((await DeskAsync()).Items);
        var @case = await TheCaseAsync();
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal((@case.Number, "占道经营", "东湖区城管局", "已责令商户退回店内经营。", "Satisfied"), (row.CaseNumber, row.Subject, row.LeadUnit, row.Answer, row.CallbackResult));
        Assert.Equal(PersonalDataMasker.MaskPhone(@case.CitizenPhone), row.CitizenPhone);
        Assert.NotEqual(@case.CitizenPhone, row.CitizenPhone);
        var task = Assert.Single(await _host!.PendingTasksAsync(QualityChecklist.DeskCode));
        Assert.Equal((InboxTaskKind.QualityCheck, "查工单"), (task.Kind, task.TaskName));
        Assert.Empty((await DeskAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"))).Items);
        Assert.Empty((await DeskAsync(Agent)).Items);
    }

    [Fact]
    public async Task Should_send_the_case_back_to_the_lead_unit_with_the_failed_items_as_the_reason_When_the_check_fails()
    {
        await ClosedAsync(caseShare: 1);
        var row = Assert.Single((await DeskAsync()).Items);

        var answer = await CheckAsync(Checker, row.TaskId, WrongAnswer);

        Assert.Equal(new QualityAnswer(null, CaseStatus.Dispatched), answer);
        var @case = await TheCaseAsync();
        Assert.Equal((1, (DateTimeOffset?)null), (@case.ReopenCount, @case.ClosedAt));
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host!.PendingTasksAsync("DH-CG")).Kind);
        var events = await _host.EventsAsync(@case.Id);
        var check = CaseEventData.Read<TaskOutcomeData>(events.Last(e => e.Kind == CaseEventKind.QualityChecked).Data)!;
        Assert.Equal((QualityChecklist.Failed, false, true), (check.Outcome, check.ResultFlag("answerComplete"), check.ResultFlag("classificationRight")));
        Assert.Equal("dc-sun", events.Last(e => e.Kind == CaseEventKind.QualityChecked).ActorId);
        var reopened = CaseEventData.Read<ReopenedData>(events.Last(e => e.Kind == CaseEventKind.Reopened).Data)!;
        Assert.Equal(("质检不合格：答复不完整；未说明退回时间", "DH-CG"), (reopened.Reason, reopened.UnitCode));
        Assert.Empty((await DeskAsync()).Items);
    }

    [Fact]
    public async Task Should_keep_the_case_closed_and_record_the_checklist_When_the_check_passes()
    {
        await ClosedAsync(caseShare: 1);
        var row = Assert.Single((await DeskAsync()).Items);

        var answer = await CheckAsync(Checker, row.TaskId, new QualityCommand(true, true, true, null));

        Assert.Equal(new QualityAnswer(null, CaseStatus.Closed), answer);
        var @case = await TheCaseAsync();
        Assert.Equal((CaseStatus.Closed, 0), (@case.Status, @case.ReopenCount));
        Assert.Empty(await _host!.PendingTasksAsync("DH-CG"));
        var events = await _host.EventsAsync(@case.Id);
        Assert.Equal(CaseEventKind.QualityChecked, events[^1].Kind);
        var check = CaseEventData.Read<TaskOutcomeData>(events[^1].Data)!;
        Assert.Equal((QualityChecklist.Passed, true), (check.Outcome, check.ResultFlag("handledProperly")));
    }

    [Fact]
    public async Task Should_close_without_a_quality_check_When_the_case_share_is_zero()
    {
        await ClosedAsync(caseShare: 0);

        Assert.Equal(CaseStatus.Closed, (await TheCaseAsync()).Status);
        Assert.Empty(await _host!.PendingTasksAsync(QualityChecklist.DeskCode));
        Assert.Empty((await DeskAsync()).Items);
    }

    [Fact]
    public async Task Should_make_a_second_callback_and_reopen_the_case_When_a_sampled_satisfied_citizen_is_unsatisfied_the_second_time()
    {
        await StartAsync(caseShare: 0, callbackShare: 1);
        var first = Assert.Single((await CallbacksAsync()).Items);
        Assert.False(first.Second);

        var firstAnswer = await UseAsync<IWorkbenchCallbacks, CallbackAnswer>(d => d.RecordAsync(Agent, first.TaskId, new(CallbackResults.Satisfied, true, null), default));
        var second = Assert.Single((await CallbacksAsync()).Items);
        var secondAnswer = await UseAsync<IWorkbenchCallbacks, CallbackAnswer>(d => d.RecordAsync(Agent, second.TaskId, new(CallbackResults.Unsatisfied, false, "其实又摆出来了"), default));

        Assert.Equal(CaseStatus.AwaitingCallback, firstAnswer.CaseStatus);
        Assert.True(second.Second);
        Assert.Equal(CaseStatus.Dispatched, secondAnswer.CaseStatus);
        var @case = await TheCaseAsync();
        Assert.Equal(1, @case.ReopenCount);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host!.PendingTasksAsync("DH-CG")).Kind);
        var kinds = await _host.TimelineAsync(@case.Id);
        Assert.Equal(1, kinds.Count(k => k == CaseEventKind.CallbackRecorded));
        Assert.Equal(1, kinds.Count(k => k == CaseEventKind.SecondCallbackRecorded));
        Assert.True(kinds.IndexOf(CaseEventKind.SecondCallbackRecorded) < kinds.LastIndexOf(CaseEventKind.Reopened));
    }

    [Fact]
    public async Task Should_close_the_case_When_the_second_callback_is_satisfied_and_resolved()
    {
        await StartAsync(caseShare: 0, callbackShare: 1);
        foreach (var _ in new[] { 1, 2 })
        {
            var call = Assert.Single((await CallbacksAsync()).Items);
            Assert.Null((await UseAsync<IWorkbenchCallbacks, CallbackAnswer>(d => d.RecordAsync(Agent, call.TaskId, new(CallbackResults.Satisfied, true, null), default))).Error);
        }

        Assert.Equal((CaseStatus.Closed, 0), ((await TheCaseAsync()).Status, (await TheCaseAsync()).ReopenCount));
        Assert.Empty((await CallbacksAsync()).Items);
    }

    [Fact]
    public async Task Should_refuse_and_change_nothing_When_a_unit_user_or_a_callback_agent_completes_a_quality_check()
    {
        await ClosedAsync(caseShare: 1);
        var row = Assert.Single((await DeskAsync()).Items);

        var unit = await CheckAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"), row.TaskId, WrongAnswer);
        var agent = await CheckAsync(Agent, row.TaskId, WrongAnswer);
        var dispatcher = await CheckAsync(WorkbenchPeople.Person("pd-wang", HotlineRoles.Dispatcher), row.TaskId, WrongAnswer);

        Assert.Equal("该质检任务不存在，或您无权查看。", unit.Error);
        Assert.Equal("质检任务由督办员办理。", agent.Error);
        Assert.Equal("质检任务由督办员办理。", dispatcher.Error);
        Assert.Equal((CaseStatus.Closed, 0), ((await TheCaseAsync()).Status, (await TheCaseAsync()).ReopenCount));
        Assert.Single((await DeskAsync()).Items);
        Assert.Null((await CheckAsync(Checker, row.TaskId, new QualityCommand(true, true, true, null))).Error);
        Assert.Equal("该任务已办结或已撤回，不能再办理。", (await CheckAsync(Checker, row.TaskId, WrongAnswer)).Error);
    }
}

/// <summary>三查 on SQLite.</summary>
public sealed class SqliteQualityCheckTests : QualityCheckTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>三查 on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlQualityCheckTests : QualityCheckTests
{
    protected override bool OnPostgreSql => true;
}
