using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The workbench's dispatch desk (<see cref="IWorkbenchDispatch"/> as the host implements it): each tab lists its kind of
/// the desk's tasks, the desk dispatches and reviews through the inbox's own rules, the case operations keep their
/// checks, and only a dispatcher (a district's, for its district only) has a desk.
/// </summary>
public abstract class WorkbenchDispatchTests : IAsyncLifetime
{
    private const string Centre = "RX-PD";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly DateTimeOffset ComplaintDeadline = new(2026, 3, 16, 17, 30, 0, China);
    private static readonly ClaimsPrincipal Dispatcher = Person("pd-wang", HotlineRoles.Dispatcher);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.Add(new Subject { Code = "SR-MISC", Name = "其他诉求", DefaultCaseType = CaseType.Complaint });
            await db.SaveChangesAsync();
        }

        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        (await integrator.PostAsJsonAsync("/api/cases", new
        {
            channel = "Web", content = "小区里有一只走失的孔雀", type = "Complaint", subjectCode = "SR-MISC", citizenName = "李华",
            citizenPhone = "13900139000", address = "东湖区湖滨路8号", districtCode = "990103",
        })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ClaimsPrincipal Person(string name, string role, string? unitCode = null, string? districtCode = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (unitCode is not null)
            claims.Add(new(HotlineRoles.UnitClaim, unitCode));
        if (districtCode is not null)
            claims.Add(new(HotlineRoles.DistrictClaim, districtCode));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private async Task<T> WithDeskAsync<T>(Func<IWorkbenchDispatch, Task<T>> use)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IWorkbenchDispatch>());
    }

    private Task<DispatchList> TabAsync(InboxTaskKind kind, ClaimsPrincipal? user = null) =>
        WithDeskAsync(d => d.ListAsync(user ?? Dispatcher, kind, 1, 20, default));

    private Task<string?> ActAsync(string taskId, DeskCommand command, ClaimsPrincipal? user = null) =>
        WithDeskAsync(d => d.ActAsync(user ?? Dispatcher, taskId, command, default));

    private Task<string?> OperateAsync(string number, CaseCommand command, ClaimsPrincipal? user = null) =>
        WithDeskAsync(d => d.OperateAsync(user ?? Dispatcher, number, command, default));

    private async Task<Case> CaseAsync(string number)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
    }

    private async Task<string> RoutedCaseNumberAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().Where(c => c.SubjectCode == "SR-ROAD").Select(c => c.Number).SingleAsync();
    }

    [Fact]
    public async Task Should_list_the_unrouted_case_and_give_it_to_the_chosen_unit_When_the_desk_dispatches_it()
    {
        var tab = await TabAsync(InboxTaskKind.Dispatch);
        var row = Assert.Single(tab.Items);
        Assert.Equal((InboxTaskKind.Dispatch, "小区里有一只走失的孔雀", "其他诉求", "东湖区城管局", "东湖区湖滨路8号"), (row.Kind, row.Content, row.Subject, row.District, row.Address));
        Assert.Equal(1, tab.Counts[InboxTaskKind.Dispatch]);
        Assert.Equal(0, tab.Counts[InboxTaskKind.ReviewReturn]);

        var noUnit = await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Dispatch, "请办理"));
        var notAUnit = await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Dispatch, "请办理", "东湖区动物园"));
        var review = await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Approve, UnitCode: "DH-ZJ"));
        Assert.Null(await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Dispatch, "请住建局办理", "DH-ZJ")));

        Assert.Equal("请填写单位。", noUnit);
        Assert.Equal("所选单位不是有效的承办单位。", notAUnit);
        Assert.Contains("not a review", review, StringComparison.Ordinal);
        Assert.Empty((await TabAsync(InboxTaskKind.Dispatch)).Items);
        var handle = Assert.Single(await _host.PendingTasksAsync("DH-ZJ"));
        var dispatched = await CaseAsync(row.CaseNumber!);
        Assert.Equal((InboxTaskKind.Handle, dispatched.Id, "DH-ZJ"), (handle.Kind, handle.CaseId, dispatched.LeadUnitCode));
    }

    [Fact]
    public async Task Should_show_the_reason_and_send_the_case_back_or_on_When_a_return_is_rejected_or_approved()
    {
        await _host.ActAsync("DH-CG", "Returned", new { reason = "该路段属住建部门管辖" });
        var row = Assert.Single((await TabAsync(InboxTaskKind.ReviewReturn)).Items);
        Assert.Equal(("东湖区城管局", "该路段属住建部门管辖"), (row.UnitName, row.UnitText));

        var noReason = await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Reject, " "));
        Assert.Null(await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Reject, "按属地原则由城管局办理")));
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-CG")).Kind);

        await _host.ActAsync("DH-CG", "Returned", new { reason = "确属住建部门管辖，附照片" });
        var again = Assert.Single((await TabAsync(InboxTaskKind.ReviewReturn)).Items);
        var noUnit = await ActAsync(again.TaskId, new DeskCommand(DeskVerb.Approve));
        Assert.Null(await ActAsync(again.TaskId, new DeskCommand(DeskVerb.Approve, UnitCode: "DH-ZJ")));

        Assert.Equal("请填写理由。", noReason);
        Assert.Equal("确属住建部门管辖，附照片", again.UnitText);
        Assert.Equal("请填写单位。", noUnit);
        Assert.Empty(await _host.PendingTasksAsync("DH-CG"));
        Assert.Single(await _host.PendingTasksAsync("DH-ZJ"));
        Assert.Equal("DH-ZJ", (await CaseAsync(row.CaseNumber!)).LeadUnitCode);
    }

    [Fact]
    public async Task Should_show_the_deadline_it_would_become_and_move_it_When_an_extension_is_approved()
    {
        await _host.ActAsync("DH-CG", "ExtensionRequested", new { days = 5, reason = "需协调多部门联合执法" });
        var row = Assert.Single((await TabAsync(InboxTaskKind.ReviewExtension)).Items);
        // Mon 2026-03-16 + 5 working days = Mon 2026-03-23; + 3 = Thu 2026-03-19.
        Assert.Equal((5, "需协调多部门联合执法", ComplaintDeadline, new DateTimeOffset(2026, 3, 23, 17, 30, 0, China)),
            (row.RequestedDays, row.UnitText, row.CurrentDeadline, row.ExtendedDeadline));

        var tooMany = await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Approve, Days: 0));
        Assert.Null(await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Approve, Days: 3)));

        Assert.Equal("延期天数须为 1 到 60 个工作日。", tooMany);
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 17, 30, 0, China), (await CaseAsync(row.CaseNumber!)).DeadlineAt);
        Assert.Empty((await TabAsync(InboxTaskKind.ReviewExtension)).Items);
    }

    [Fact]
    public async Task Should_give_the_unit_a_new_task_or_reply_When_an_answer_is_sent_back_or_accepted()
    {
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
        var row = Assert.Single((await TabAsync(InboxTaskKind.ReviewAnswer)).Items);
        Assert.Equal(("已处理", "东湖区城管局"), (row.UnitText, row.UnitName));

        Assert.Null(await ActAsync(row.TaskId, new DeskCommand(DeskVerb.Reject, "答复过于简单，请说明处理过程和结果")));
        Assert.Equal(CaseStatus.Handling, (await CaseAsync(row.CaseNumber!)).Status);
        await _host.ActAsync("DH-CG", "Completed", new { answer = "执法人员到场，已恢复通行" });
        var again = Assert.Single((await TabAsync(InboxTaskKind.ReviewAnswer)).Items);
        Assert.Null(await ActAsync(again.TaskId, new DeskCommand(DeskVerb.Approve, "您好，执法人员已到场处理，已恢复通行。")));

        Assert.Equal(CaseStatus.AwaitingCallback, (await CaseAsync(row.CaseNumber!)).Status);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var replied = await db.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.Replied).Select(e => e.Data).SingleAsync();
        Assert.Contains("执法人员已到场处理", replied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_do_each_operation_and_say_why_not_When_a_field_or_the_state_is_wrong()
    {
        var number = await RoutedCaseNumberAsync();
        var other = Assert.Single((await TabAsync(InboxTaskKind.Dispatch)).Items).CaseNumber!;

        var noReason = await OperateAsync(number, new CaseCommand(CaseVerb.Reassign, " ", "DH-ZJ"));
        var noUnit = await OperateAsync(number, new CaseCommand(CaseVerb.Reassign, "改派"));
        Assert.Null(await OperateAsync(number, new CaseCommand(CaseVerb.Reclassify, "实为求助", Type: CaseType.Help)));
        Assert.Null(await OperateAsync(number, new CaseCommand(CaseVerb.Reassign, "属住建部门职责", "DH-ZJ")));
        Assert.Null(await OperateAsync(number, new CaseCommand(CaseVerb.Complex, "涉及多部门", Days: 15)));
        var noInto = await OperateAsync(other, new CaseCommand(CaseVerb.Merge, "同一诉求", "2000-01-01-999"));
        Assert.Null(await OperateAsync(other, new CaseCommand(CaseVerb.Merge, "同一诉求", number)));
        var mergedAgain = await OperateAsync(other, new CaseCommand(CaseVerb.Void, "测试"));

        Assert.Contains("reason", noReason, StringComparison.Ordinal);
        Assert.Equal("Name the unit that takes over.", noUnit);
        Assert.Contains("No case '2000-01-01-999'", noInto, StringComparison.Ordinal);
        Assert.NotNull(mergedAgain);
        var @case = await CaseAsync(number);
        Assert.Equal(("DH-ZJ", CaseType.Help, true), (@case.LeadUnitCode, @case.Type, @case.IsComplex));
        Assert.Equal(CaseStatus.Merged, (await CaseAsync(other)).Status);
        Assert.Null(await OperateAsync(number, new CaseCommand(CaseVerb.Void, "测试来电")));
        Assert.Equal(CaseStatus.Voided, (await CaseAsync(number)).Status);
    }

    [Fact]
    public async Task Should_give_nothing_and_change_nothing_When_a_unit_user_an_operator_or_another_district_asks()
    {
        var unit = Person("cg-li", HotlineRoles.Unit, "DH-CG");
        var operatorUser = Person("hw-zhao", HotlineRoles.Operator);
        var xihu = Person("xh-pd", HotlineRoles.Dispatcher, districtCode: "990104");
        var donghu = Person("dh-pd", HotlineRoles.Dispatcher, districtCode: "990103");
        var row = Assert.Single((await TabAsync(InboxTaskKind.Dispatch)).Items);
        var number = await RoutedCaseNumberAsync();
        var dispatch = new DeskCommand(DeskVerb.Dispatch, "派单", "DH-ZJ");

        Assert.Empty((await TabAsync(InboxTaskKind.Dispatch, unit)).Items);
        Assert.Empty((await TabAsync(InboxTaskKind.Dispatch, operatorUser)).Items);
        Assert.Empty((await TabAsync(InboxTaskKind.Dispatch, xihu)).Items);
        Assert.Single((await TabAsync(InboxTaskKind.Dispatch, donghu)).Items);
        Assert.Equal("该任务不存在，或不在您的派单范围内。", await ActAsync(row.TaskId, dispatch, unit));
        Assert.Equal("该任务由派单员办理。", await ActAsync(row.TaskId, dispatch, operatorUser));
        Assert.Equal("该任务不存在，或不在您的派单范围内。", await ActAsync(row.TaskId, dispatch, xihu));
        Assert.Equal("该工单不存在，或您无权操作。", await OperateAsync(number, new CaseCommand(CaseVerb.Reassign, "改派", "DH-ZJ"), operatorUser));
        Assert.Equal("该工单不存在，或您无权操作。", await OperateAsync(number, new CaseCommand(CaseVerb.Void, "作废"), xihu));
        Assert.Equal("该工单不存在，或您无权操作。", await OperateAsync(number, new CaseCommand(CaseVerb.Void, "作废"), unit));
        Assert.Equal([CaseVerb.Void, CaseVerb.Merge], await WithDeskAsync(d => Task.FromResult(d.VerbsFor(operatorUser))));
        Assert.Empty(await WithDeskAsync(d => Task.FromResult(d.VerbsFor(unit))));
        Assert.Empty(await WithDeskAsync(d => d.UnitsAsync(unit, default)));

        Assert.Equal(InboxTaskKind.Dispatch, Assert.Single(await _host.PendingTasksAsync(Centre)).Kind);
        Assert.Equal(CaseStatus.Dispatched, (await CaseAsync(number)).Status);
        Assert.Equal("DH-CG", (await CaseAsync(number)).LeadUnitCode);
    }
}

/// <summary>The dispatch desk on SQLite.</summary>
public sealed class SqliteWorkbenchDispatchTests : WorkbenchDispatchTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The dispatch desk on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchDispatchTests : WorkbenchDispatchTests
{
    protected override bool OnPostgreSql => true;
}
