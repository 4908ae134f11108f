using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Routing;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>
/// Whole work orders through the shipped definitions (<c>case-lifecycle</c> composing <c>accept</c>,
/// <c>category-deadlines</c>, <c>dispatch</c>, <c>handle</c>, <c>reply</c>, <c>callback</c> and
/// <c>escalation-13710</c>), driven through the inbox as units and the centre would, with a fake clock.
/// </summary>
public abstract class CaseScenarioTests : IAsyncLifetime
{
    private const string Centre = "RX-PD";
    private const string CallbackDesk = "RX-HF";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Mon 2026-03-02 09:00: a plain working week (the complaint is due on Mon 2026-03-16, 10 working days).
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly DateTimeOffset ComplaintDeadline = new(2026, 3, 16, 17, 30, 0, China);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = Centre, Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = "DH-GOV", Name = "东湖区人民政府", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-XH", Name = "东湖区新华街道办事处", ParentCode = "DH-GOV", Level = UnitLevel.Town, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-SC", Name = "东湖区市场监管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-ZJ", Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-HB", Name = "东湖区环保局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new Subject { Code = "SR-NOISE", Name = "噪声扰民", DefaultCaseType = CaseType.Complaint },
            new Subject { Code = "SR-LIGHT", Name = "路灯不亮", DefaultCaseType = CaseType.Help },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 },
            new RoutingRule { Id = "R-NOISE", SubjectCode = "SR-NOISE", DistrictCode = "990103", LeadUnitCode = "DH-HB", AssistingUnitCodes = ["DH-SC", "DH-ZJ"], Priority = 10 },
            new RoutingRule { Id = "R-LIGHT", SubjectCode = "SR-LIGHT", DistrictCode = "990103", LeadUnitCode = "DH-GOV", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_close_the_case_satisfied_When_the_unit_answers_the_centre_accepts_and_the_citizen_is_satisfied()
    {
        var run = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行", subjectCode: "SR-ROAD");
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(ComplaintDeadline, @case.DeadlineAt);

        await _host.AdvanceToAsync(Monday.AddHours(1));
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已责令商户退回店内经营，并加强巡查。" });
        Assert.Equal(CaseStatus.AwaitingReview, (await _host.CaseOfAsync(run.InstanceId)).Status);

        var review = Assert.Single(await _host.PendingTasksAsync(Centre));
        Assert.Equal(InboxTaskKind.ReviewAnswer, review.Kind);
        Assert.Contains("已责令商户退回店内经营", review.Payload ?? "");
        await _host.ActAsync(Centre, "Approved", centre: true);
        Assert.Equal(CaseStatus.AwaitingCallback, (await _host.CaseOfAsync(run.InstanceId)).Status);

        var done = await _host.ActAsync(CallbackDesk, "Satisfied", new { resolved = true }, centre: true);

        Assert.Equal(WorkflowSubStatus.Finished, done.SubStatus);
        Assert.Empty(done.Bookmarks);
        @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(Monday.AddHours(1), @case.ClosedAt);
        Assert.Equal(
            [
                CaseEventKind.Registered, CaseEventKind.DeadlineSet, CaseEventKind.Dispatched, CaseEventKind.TaskCreated,
                CaseEventKind.SignedFor, CaseEventKind.AnswerSubmitted, CaseEventKind.TaskCreated,
                CaseEventKind.SignedFor, CaseEventKind.AnswerAccepted, CaseEventKind.Replied, CaseEventKind.TaskCreated,
                CaseEventKind.SignedFor, CaseEventKind.CallbackRecorded, CaseEventKind.Closed,
            ],
            await _host.TimelineAsync(@case.Id));
        var events = await _host.EventsAsync(@case.Id);
        var closed = JsonNode.Parse(events[^1].Data!)!;
        Assert.Equal("Satisfied", closed["result"]!.GetValue<string>());
        Assert.True(closed["resolved"]!.GetValue<bool>());
        Assert.Contains("已责令商户退回店内经营", JsonNode.Parse(events.Single(e => e.Kind == CaseEventKind.Replied).Data!)!["text"]!.GetValue<string>());
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.False(await db.InboxTasks.AnyAsync(t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor));
        Assert.False(await db.Bookmarks.AnyAsync(), "the escalation ladder's timers are withdrawn when handling ends");
    }

    [Fact]
    public async Task Should_move_the_case_to_the_unit_the_centre_chooses_When_a_return_is_accepted_and_keep_it_with_the_unit_When_a_return_is_rejected()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;

        await _host.ActAsync("DH-CG", "Returned", new { reason = "该路段属住建部门管辖" });
        var review = Assert.Single(await _host.PendingTasksAsync(Centre));
        Assert.Equal(InboxTaskKind.ReviewReturn, review.Kind);
        await _host.ActAsync(Centre, "Rejected", new { reason = "按属地原则由城管局办理" }, centre: true);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-CG")).Kind);

        await _host.ActAsync("DH-CG", "Returned", new { reason = "确属住建部门管辖，附照片" });
        await _host.ActAsync(Centre, "Approved", new { unitCode = "DH-ZJ", note = "改派住建局" }, centre: true);

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal("DH-ZJ", @case.LeadUnitCode);
        Assert.Equal(ComplaintDeadline, @case.DeadlineAt);
        Assert.Empty(await _host.PendingTasksAsync("DH-CG"));
        var task = Assert.Single(await _host.PendingTasksAsync("DH-ZJ"));
        Assert.Equal(ComplaintDeadline, task.DueAt);
        var kinds = await _host.TimelineAsync(caseId);
        Assert.Equal(2, kinds.Count(k => k == CaseEventKind.Returned));
        Assert.Equal(1, kinds.Count(k => k == CaseEventKind.ReturnRejected));
        Assert.Equal(1, kinds.Count(k => k == CaseEventKind.ReturnAccepted));
        var redispatch = (await _host.EventsAsync(caseId)).Last(e => e.Kind == CaseEventKind.Dispatched);
        Assert.Equal("DH-CG", JsonNode.Parse(redispatch.Data!)!["previousUnitCode"]!.GetValue<string>());

        await _host.ActAsync("DH-ZJ", "Completed", new { answer = "已清理占道物品" });
        Assert.Equal(InboxTaskKind.ReviewAnswer, Assert.Single(await _host.PendingTasksAsync(Centre)).Kind);
    }

    [Fact]
    public async Task Should_refuse_a_return_after_the_return_window_without_changing_anything()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var task = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        // One working day (7 working hours) after Monday 09:00 is Monday 17:30.
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 9, 1, 0, China));
        var unit = new InboxActor("cg-user", "城管经办人", "DH-CG");

        var refused = await Assert.ThrowsAsync<InboxStateException>(() => _host.Inbox.CompleteAsync(task.TaskId, unit, "Returned", new JsonObject { ["reason"] = "非本单位职责" }));

        Assert.Contains("return window", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(task.TaskId, Assert.Single(await _host.PendingTasksAsync("DH-CG")).TaskId);
        Assert.DoesNotContain(CaseEventKind.Returned, await _host.TimelineAsync((await _host.CaseOfAsync(run.InstanceId)).Id));
    }

    [Fact]
    public async Task Should_move_the_deadline_by_the_approved_working_days_and_tell_the_citizen_When_an_extension_is_approved()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 10, 0, 0, China));

        await _host.ActAsync("DH-CG", "ExtensionRequested", new { days = 5, reason = "需协调多部门联合执法" });
        Assert.True((await _host.CaseOfAsync(run.InstanceId)).ExtensionPending);
        var review = Assert.Single(await _host.PendingTasksAsync(Centre));
        Assert.Equal(InboxTaskKind.ReviewExtension, review.Kind);
        Assert.Contains("\"requestedDays\":5", review.Payload ?? "");
        await _host.ActAsync(Centre, "Approved", new { days = 3 }, centre: true);

        // Mon 2026-03-16 + 3 working days = Thu 2026-03-19, due at 17:30.
        var extended = new DateTimeOffset(2026, 3, 19, 17, 30, 0, China);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(extended, @case.DeadlineAt);
        Assert.False(@case.ExtensionPending);
        Assert.Equal(extended, Assert.Single(await _host.PendingTasksAsync("DH-CG")).DueAt);
        var events = await _host.EventsAsync(caseId);
        var approved = JsonNode.Parse(events.Single(e => e.Kind == CaseEventKind.ExtensionApproved).Data!)!;
        Assert.Equal(3, approved["days"]!.GetValue<int>());
        var notice = events.Single(e => e.Kind == CaseEventKind.Notified);
        Assert.Contains("2026-03-19", notice.Data);
        Assert.Contains("Citizen", notice.Data);

        // The red card follows the new deadline, not the old one.
        await _host.AdvanceToAsync(ComplaintDeadline.AddMinutes(1));
        Assert.DoesNotContain(CaseEventKind.WarningRed, await _host.TimelineAsync(caseId));
        await _host.AdvanceToAsync(extended.AddMinutes(1));
        Assert.Contains(CaseEventKind.WarningRed, await _host.TimelineAsync(caseId));
    }

    [Fact]
    public async Task Should_keep_the_deadline_and_give_the_unit_its_task_back_When_an_extension_is_refused()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");

        await _host.ActAsync("DH-CG", "ExtensionRequested", new { days = 5, reason = "人手不足" });
        await _host.ActAsync(Centre, "Rejected", new { reason = "理由不充分" }, centre: true);

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(ComplaintDeadline, @case.DeadlineAt);
        Assert.False(@case.ExtensionPending);
        Assert.Equal(ComplaintDeadline, Assert.Single(await _host.PendingTasksAsync("DH-CG")).DueAt);
        var kinds = await _host.TimelineAsync(@case.Id);
        Assert.Contains(CaseEventKind.ExtensionRefused, kinds);
        Assert.DoesNotContain(CaseEventKind.ExtensionApproved, kinds);
    }

    [Fact]
    public async Task Should_refuse_an_extension_requested_after_the_deadline()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var task = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        await _host.AdvanceToAsync(ComplaintDeadline.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<InboxStateException>(() => _host.Inbox.CompleteAsync(
            task.TaskId, new InboxActor("cg-user", "城管经办人", "DH-CG"), "ExtensionRequested", new JsonObject { ["days"] = 3, ["reason"] = "晚了" }));

        Assert.Contains("before the deadline", refused.Message, StringComparison.Ordinal);
        Assert.Equal(task.TaskId, Assert.Single(await _host.PendingTasksAsync("DH-CG")).TaskId);
        Assert.DoesNotContain(CaseEventKind.ExtensionRequested, await _host.TimelineAsync((await _host.CaseOfAsync(run.InstanceId)).Id));
    }

    [Fact]
    public async Task Should_give_the_unit_a_new_task_When_the_centre_sends_its_answer_back()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");

        await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
        await _host.ActAsync(Centre, "Rejected", new { reason = "答复过于简单，请说明处理过程和结果" }, centre: true);

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Handling, @case.Status);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-CG")).Kind);
        Assert.Contains(CaseEventKind.AnswerSentBack, await _host.TimelineAsync(@case.Id));

        await _host.ActAsync("DH-CG", "Completed", new { answer = "3月2日下午执法人员到场，责令商户将货架移回店内，已恢复通行，今后每日巡查。" });
        var review = Assert.Single(await _host.PendingTasksAsync(Centre));
        Assert.Contains("执法人员到场", review.Payload ?? "");
    }

    [Fact]
    public async Task Should_send_the_case_back_to_the_same_unit_with_a_new_deadline_and_call_back_again_When_the_citizen_is_unsatisfied()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        // Called back on Wed 2026-03-04: the new round's 10 working days count from there, to Wed 2026-03-18.
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 4, 10, 0, 0, China));

        await _host.ActAsync(CallbackDesk, "Unsatisfied", new { resolved = false, note = "商户又摆出来了" }, centre: true);

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(1, @case.ReopenCount);
        Assert.Equal(CaseStatus.Dispatched, @case.Status);
        Assert.Equal("DH-CG", @case.LeadUnitCode);
        var newDeadline = new DateTimeOffset(2026, 3, 18, 17, 30, 0, China);
        Assert.Equal(newDeadline, @case.DeadlineAt);
        Assert.Equal(newDeadline, Assert.Single(await _host.PendingTasksAsync("DH-CG")).DueAt);
        var reset = (await _host.EventsAsync(caseId)).Last(e => e.Kind == CaseEventKind.DeadlineSet);
        Assert.Equal("rehandle", JsonNode.Parse(reset.Data!)!["reason"]!.GetValue<string>());

        await _host.ActAsync("DH-CG", "Completed", new { answer = "已联合市场监管部门约谈商户，设置隔离栏" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        var done = await _host.ActAsync(CallbackDesk, "BasicallySatisfied", new { resolved = true }, centre: true);

        Assert.Equal(WorkflowSubStatus.Finished, done.SubStatus);
        var kinds = await _host.TimelineAsync(caseId);
        Assert.Equal(2, kinds.Count(k => k == CaseEventKind.CallbackRecorded));
        Assert.Equal(1, kinds.Count(k => k == CaseEventKind.Reopened));
        var closed = JsonNode.Parse((await _host.EventsAsync(caseId))[^1].Data!)!;
        Assert.Equal("BasicallySatisfied", closed["result"]!.GetValue<string>());
        Assert.Equal(1, closed["reopenCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_close_the_case_as_unsatisfied_When_the_second_callback_is_unsatisfied_too()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        for (var round = 0; round < 2; round++)
        {
            await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
            await _host.ActAsync(Centre, "Approved", centre: true);
            await _host.ActAsync(CallbackDesk, "Unsatisfied", new { resolved = false }, centre: true);
        }

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(1, @case.ReopenCount);
        var closed = JsonNode.Parse((await _host.EventsAsync(@case.Id))[^1].Data!)!;
        Assert.Equal("Unsatisfied", closed["result"]!.GetValue<string>());
        Assert.False(closed["resolved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_wait_for_both_assisting_units_before_the_centre_reviews_the_lead_units_answer()
    {
        var run = await _host.StartCaseAsync("Complaint", "夜间施工噪声扰民", subjectCode: "SR-NOISE");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-HB")).Kind);
        Assert.Equal(InboxTaskKind.Assist, Assert.Single(await _host.PendingTasksAsync("DH-SC")).Kind);
        Assert.Equal(ComplaintDeadline, Assert.Single(await _host.PendingTasksAsync("DH-ZJ")).DueAt);

        await _host.ActAsync("DH-HB", "Completed", new { answer = "经监测夜间噪声超标，已责令停工并立案处罚。" });
        await _host.ActAsync("DH-SC", "Submitted", new { opinion = "该工地无违规经营行为。" });
        Assert.Empty(await _host.PendingTasksAsync(Centre));
        Assert.Equal(CaseStatus.AwaitingReview, (await _host.CaseOfAsync(run.InstanceId)).Status);

        await _host.ActAsync("DH-ZJ", "Submitted", new { opinion = "已暂停该工地夜间施工许可。" });

        Assert.Equal(InboxTaskKind.ReviewAnswer, Assert.Single(await _host.PendingTasksAsync(Centre)).Kind);
        var opinions = (await _host.EventsAsync(caseId)).Where(e => e.Kind == CaseEventKind.AssistanceSubmitted).Select(e => JsonNode.Parse(e.Data!)!["unitCode"]!.GetValue<string>()).ToList();
        Assert.Equal(["DH-SC", "DH-ZJ"], opinions);
    }

    [Fact]
    public async Task Should_withdraw_the_assisting_units_tasks_When_the_lead_unit_returns_the_case()
    {
        var run = await _host.StartCaseAsync("Complaint", "夜间施工噪声扰民", subjectCode: "SR-NOISE");

        await _host.ActAsync("DH-HB", "Returned", new { reason = "属住建部门管辖" });

        Assert.Empty(await _host.PendingTasksAsync("DH-SC"));
        Assert.Empty(await _host.PendingTasksAsync("DH-ZJ"));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.InboxTasks.CountAsync(t => t.Kind == InboxTaskKind.Assist && t.Status == InboxTaskStatus.Cancelled));
        Assert.Equal(InboxTaskKind.ReviewReturn, Assert.Single(await _host.PendingTasksAsync(Centre)).Kind);
        Assert.NotNull(run);
    }

    [Fact]
    public async Task Should_put_the_case_into_the_towns_inbox_When_the_district_sub_dispatches_it()
    {
        var run = await _host.StartCaseAsync("Help", "新华路路灯不亮", subjectCode: "SR-LIGHT");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;

        await _host.ActAsync("DH-GOV", "SubDispatched", new { unitCode = "DH-XH", note = "请新华街道核实处理" });

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal("DH-XH", @case.LeadUnitCode);
        Assert.Empty(await _host.PendingTasksAsync("DH-GOV"));
        var task = Assert.Single(await _host.PendingTasksAsync("DH-XH"));
        Assert.Equal(@case.DeadlineAt, task.DueAt);
        var sub = JsonNode.Parse((await _host.EventsAsync(caseId)).Single(e => e.Kind == CaseEventKind.SubDispatched).Data!)!;
        Assert.Equal("DH-GOV", sub["fromUnitCode"]!.GetValue<string>());
        Assert.Equal("DH-XH", sub["unitCode"]!.GetValue<string>());

        await _host.ActAsync("DH-XH", "Completed", new { answer = "路灯已修复" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        await _host.ActAsync(CallbackDesk, "Unsatisfied", new { resolved = false }, centre: true);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-XH")).Kind);
    }

    [Fact]
    public async Task Should_refuse_a_sub_dispatch_to_a_unit_that_is_not_subordinate()
    {
        await _host.StartCaseAsync("Help", "新华路路灯不亮", subjectCode: "SR-LIGHT");
        var task = Assert.Single(await _host.PendingTasksAsync("DH-GOV"));

        var refused = await Assert.ThrowsAsync<InboxValidationException>(() => _host.Inbox.CompleteAsync(
            task.TaskId, new InboxActor("gov-user", "区政府经办人", "DH-GOV"), "SubDispatched", new JsonObject { ["unitCode"] = "DH-CG" }));

        Assert.Equal("unitCode", refused.Field);
        Assert.Equal(task.TaskId, Assert.Single(await _host.PendingTasksAsync("DH-GOV")).TaskId);
    }

    [Fact]
    public async Task Should_not_let_a_unit_see_or_act_on_another_units_task()
    {
        await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var task = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        var other = new InboxActor("zj-user", "住建经办人", "DH-ZJ");

        await Assert.ThrowsAsync<InboxTaskNotFoundException>(() => _host.Inbox.SignAsync(task.TaskId, other));
        await Assert.ThrowsAsync<InboxTaskNotFoundException>(() => _host.Inbox.CompleteAsync(task.TaskId, other, "Completed", new JsonObject { ["answer"] = "x" }));

        var untouched = Assert.Single(await _host.PendingTasksAsync("DH-CG"));
        Assert.Equal(InboxTaskStatus.Open, untouched.Status);
    }

    [Fact]
    public async Task Should_call_back_three_times_two_working_hours_apart_and_close_as_unreachable_When_nobody_answers()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        // Fri 2026-03-06 16:30: the second attempt is due two working hours later, Mon 10:00 (the weekend does not count).
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 6, 16, 30, 0, China));

        await _host.ActAsync(CallbackDesk, "Unreachable", centre: true);
        Assert.Empty(await _host.PendingTasksAsync(CallbackDesk));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 9, 59, 0, China));
        Assert.Empty(await _host.PendingTasksAsync(CallbackDesk));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 10, 0, 0, China));
        await _host.ActAsync(CallbackDesk, "Unreachable", centre: true);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 12, 0, 0, China));
        var done = await _host.ActAsync(CallbackDesk, "Unreachable", centre: true);

        Assert.Equal(WorkflowSubStatus.Finished, done.SubStatus);
        var kinds = await _host.TimelineAsync(caseId);
        Assert.Equal(3, kinds.Count(k => k == CaseEventKind.CallbackUnreachable));
        var closed = JsonNode.Parse((await _host.EventsAsync(caseId))[^1].Data!)!;
        Assert.Equal("Unreachable", closed["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_warn_yellow_one_working_day_before_and_red_at_the_deadline_while_the_unit_has_not_answered_and_stop_when_it_answers()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        var caseId = (await _host.CaseOfAsync(run.InstanceId)).Id;

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 17, 29, 0, China));
        Assert.Equal(WarningLevel.None, (await _host.CaseOfAsync(run.InstanceId)).Warning);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 13, 17, 30, 0, China));
        Assert.Equal(WarningLevel.Yellow, (await _host.CaseOfAsync(run.InstanceId)).Warning);
        await _host.AdvanceToAsync(ComplaintDeadline);
        Assert.Equal(WarningLevel.Red, (await _host.CaseOfAsync(run.InstanceId)).Warning);

        await _host.ActAsync("DH-CG", "Completed", new { answer = "已处理" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        await _host.AdvanceToAsync(ComplaintDeadline.AddDays(10));

        var kinds = await _host.TimelineAsync(caseId);
        Assert.DoesNotContain(CaseEventKind.Escalated, kinds);
        Assert.Equal(0, (await _host.CaseOfAsync(run.InstanceId)).EscalationLevel);
    }
}

/// <summary>The case scenarios on SQLite.</summary>
public sealed class SqliteCaseScenarioTests : CaseScenarioTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The case scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCaseScenarioTests : CaseScenarioTests
{
    protected override bool OnPostgreSql => true;
}
