using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Operations;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.CaseOperations;

/// <summary>
/// The centre's operations through the shipped definitions: each runs as a step of the case's own workflow, and the case,
/// the instance and the inbox agree afterwards.
/// </summary>
public abstract class CaseOperationsLifecycleTests : IAsyncLifetime
{
    // Mon 2026-03-02 10:00 China time, a working day well clear of holidays.
    private static readonly DateTimeOffset Monday = Local(2026, 3, 2, 10, 0);
    private static readonly OperationActor Dispatcher = new("pd-wang", "王派单");

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    private Hotline.Domain.Operations.CaseOperations Operations => _host.Factory.Services.GetRequiredService<Hotline.Domain.Operations.CaseOperations>();

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new HandlingUnit { Code = "DH-SC", Name = "东湖区市场监管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new HandlingUnit { Code = "DH-ZJ", Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint });
        db.Add(new Subject { Code = "SR-BUILD", Name = "违章建筑", DefaultCaseType = CaseType.Report });
        db.Add(new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        db.Add(new RoutingRule { Id = "R-BUILD", SubjectCode = "SR-BUILD", DistrictCode = "990103", LeadUnitCode = "DH-ZJ", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_end_the_case_withdraw_its_tasks_and_stop_its_ladder_When_it_is_voided()
    {
        var run = await _host.StartCaseAsync("Complaint", "测试来电", subjectCode: "SR-ROAD");
        var @case = await _host.CaseOfAsync(run.InstanceId);

        var result = await Operations.VoidAsync(@case.Id, "测试电话", Dispatcher);

        Assert.Equal(CaseOperationStatus.Done, result.Status);
        Assert.Equal(CaseStatus.Voided, result.Case!.Status);
        Assert.Contains(CaseEventKind.Voided, await _host.TimelineAsync(@case.Id));
        Assert.Empty(await _host.PendingTasksAsync("DH-CG"));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.False(await db.Bookmarks.AnyAsync(b => b.WorkflowInstanceId == run.InstanceId), "no wait of the voided case is left (tasks, ladder, operations)");
        Assert.Equal(CaseOperationStatus.Conflict, (await Operations.VoidAsync(@case.Id, "again", Dispatcher)).Status);
    }

    [Fact]
    public async Task Should_end_the_duplicate_link_both_and_record_its_caller_on_the_surviving_case_When_it_is_merged()
    {
        var first = await _host.CaseOfAsync((await _host.StartCaseAsync("Complaint", "路口占道", subjectCode: "SR-ROAD", phone: "13800000001")).InstanceId);
        var duplicate = await _host.CaseOfAsync((await _host.StartCaseAsync("Complaint", "路口占道又来了", subjectCode: "SR-ROAD", phone: "13900000002")).InstanceId);

        Assert.Equal(CaseOperationStatus.Invalid, (await Operations.MergeAsync(duplicate.Id, duplicate.Id, "self", Dispatcher)).Status);
        var result = await Operations.MergeAsync(duplicate.Id, first.Id, "同一占道问题", Dispatcher);

        Assert.Equal(CaseStatus.Merged, result.Case!.Status);
        Assert.Equal(first.Id, result.Case.MergedIntoCaseId);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var survivor = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == first.Id);
        Assert.True(survivor.IsOpen);
        Assert.Contains(duplicate.Id, survivor.LinkedCaseIds);
        Assert.Contains(first.Id, result.Case.LinkedCaseIds);
        Assert.Equal("13900000002", Assert.Single(survivor.MergedCallers).CitizenPhone);
        Assert.Contains(CaseEventKind.MergeReceived, await _host.TimelineAsync(first.Id));
        Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        Assert.Equal(CaseOperationStatus.Conflict, (await Operations.MergeAsync(first.Id, duplicate.Id, "into a merged case", Dispatcher)).Status);
    }

    [Fact]
    public async Task Should_withdraw_the_units_task_and_give_the_new_unit_one_that_it_can_answer_When_the_case_is_reassigned()
    {
        var run = await _host.StartCaseAsync("Complaint", "占道经营", subjectCode: "SR-ROAD");
        var @case = await _host.CaseOfAsync(run.InstanceId);

        var result = await Operations.ReassignAsync(@case.Id, "DH-SC", Dispatcher, "职责属市场监管");

        Assert.Equal(CaseOperationStatus.Done, result.Status);
        Assert.Equal("DH-SC", result.Case!.LeadUnitCode);
        Assert.Empty(await _host.PendingTasksAsync("DH-CG"));
        var moved = Assert.Single(await _host.PendingTasksAsync("DH-SC"));
        Assert.Equal(InboxTaskKind.Handle, moved.Kind);
        Assert.Contains(CaseEventKind.Reassigned, await _host.TimelineAsync(@case.Id));
        // The handle flow goes on with the new unit: its answer reaches the centre's review.
        await _host.ActAsync("DH-SC", "Completed", new { answer = "已处理" });
        Assert.Equal(CaseStatus.AwaitingReview, (await _host.CaseOfAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task Should_recompute_the_deadline_and_route_the_unsigned_case_again_When_it_is_reclassified()
    {
        var run = await _host.StartCaseAsync("Complaint", "楼顶加盖", subjectCode: "SR-ROAD");
        var before = await _host.CaseOfAsync(run.InstanceId);

        var result = await Operations.ReclassifyAsync(before.Id, CaseType.Consultation, "SR-BUILD", "实为违建咨询", Dispatcher);

        Assert.Equal(CaseOperationStatus.Done, result.Status);
        Assert.Equal(CaseType.Consultation, result.Case!.Type);
        Assert.Equal("SR-BUILD", result.Case.SubjectCode);
        Assert.Equal(5, result.Case.DeadlineRule!.Limit);
        Assert.True(result.Case.DeadlineAt < before.DeadlineAt, "5 working days instead of 10");
        Assert.Equal("DH-ZJ", result.Case.LeadUnitCode);
        Assert.Empty(await _host.PendingTasksAsync("DH-CG"));
        Assert.Single(await _host.PendingTasksAsync("DH-ZJ"));
        Assert.Contains(CaseEventKind.Classified, await _host.TimelineAsync(before.Id));
    }

    [Fact]
    public async Task Should_keep_the_unit_that_signed_When_the_case_is_reclassified()
    {
        var run = await _host.StartCaseAsync("Complaint", "楼顶加盖", subjectCode: "SR-ROAD");
        var @case = await _host.CaseOfAsync(run.InstanceId);
        var task = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        await _host.Inbox.SignAsync(task.TaskId, new InboxActor("cg-li", "李强", "DH-CG"));

        var result = await Operations.ReclassifyAsync(@case.Id, null, "SR-BUILD", "实为违建", Dispatcher);

        Assert.Equal("DH-CG", result.Case!.LeadUnitCode);
        Assert.Single(await _host.PendingTasksAsync("DH-CG"));
    }

    [Fact]
    public async Task Should_give_the_complex_deadline_and_reach_level_3_one_month_after_level_2_not_at_7_days_When_the_case_is_marked_complex()
    {
        var run = await _host.StartCaseAsync("Complaint", "老旧小区管网改造", subjectCode: "SR-ROAD");
        var @case = await _host.CaseOfAsync(run.InstanceId);

        var result = await Operations.MarkComplexAsync(@case.Id, null, "涉及多部门", Dispatcher);

        Assert.True(result.Case!.IsComplex);
        Assert.Equal(15, result.Case.DeadlineRule!.Limit);
        // 15 working days after Mon 2026-03-02: Mon 2026-03-23 17:30.
        var deadline = Local(2026, 3, 23, 17, 30);
        Assert.Equal(deadline, result.Case.DeadlineAt);

        // Level 2 comes 3 working days after the deadline (Thu 2026-03-26), the 7-day checkpoint 7 calendar days later.
        await _host.AdvanceToAsync(Local(2026, 3, 26, 17, 30));
        await _host.AdvanceToAsync(Local(2026, 3, 26, 23, 59));
        await _host.AdvanceToAsync(Local(2026, 3, 29, 17, 30));
        await _host.AdvanceToAsync(Local(2026, 4, 2, 17, 30));
        var atSevenDays = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(2, atSevenDays.EscalationLevel);

        await _host.AdvanceToAsync(Local(2026, 4, 26, 17, 29));
        Assert.Equal(2, (await _host.CaseOfAsync(run.InstanceId)).EscalationLevel);
        await _host.AdvanceToAsync(Local(2026, 4, 26, 17, 30));
        Assert.Equal(3, (await _host.CaseOfAsync(run.InstanceId)).EscalationLevel);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCaseOperationsLifecycleTests : CaseOperationsLifecycleTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCaseOperationsLifecycleTests : CaseOperationsLifecycleTests
{
    protected override bool OnPostgreSql => true;
}
