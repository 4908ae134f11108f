using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>Whole cases through the shipped definitions (<c>case-lifecycle</c>, <c>accept</c>, <c>category-deadlines</c>).</summary>
public abstract class CaseLifecycleTests : IAsyncLifetime
{
    // Fri 2026-02-13 10:00 China time: the last working day before the 2026 Spring Festival holiday.
    private static readonly DateTimeOffset FridayBeforeSpringFestival = new(2026, 2, 13, 10, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync() => _host = await LifecycleHost.StartAsync(FridayBeforeSpringFestival, OnPostgreSql);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_the_case_directly_and_finish_When_a_consultation_is_answered_from_the_knowledge_base()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.KnowledgeArticles.Add(new KnowledgeArticle
            {
                Id = "KB-GJJ-01", Title = "公积金提取条件", Question = "怎样提取住房公积金？", Answer = "购房、租房、退休等情形可以提取。",
                SubjectCode = "SR-TEST", Keywords = "公积金 提取", UpdatedAt = FridayBeforeSpringFestival,
            });
            await db.SaveChangesAsync();
        }

        var run = await _host.StartCaseAsync("Consultation", "请问怎样提取住房公积金？", knowledgeArticleId: "KB-GJJ-01");

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.AnsweredDirectly, @case.Status);
        Assert.Equal(FridayBeforeSpringFestival, @case.ClosedAt);
        Assert.Null(@case.DeadlineAt);
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.AnsweredFromKnowledgeBase], await _host.TimelineAsync(@case.Id));
    }

    [Fact]
    public async Task Should_become_a_work_order_When_the_knowledge_base_article_does_not_exist()
    {
        var run = await _host.StartCaseAsync("Consultation", "请问怎样提取住房公积金？", knowledgeArticleId: "KB-MISSING");

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Equal(5, @case.DeadlineRule!.Limit);
    }

    [Fact]
    public async Task Should_be_due_on_Thursday_2026_03_05_with_rule_version_1_frozen_When_a_complaint_is_accepted_on_the_Friday_before_the_Spring_Festival()
    {
        var run = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行");

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Equal(CaseType.Complaint, @case.Type);
        Assert.Matches(@"^20260213-\d{6}$", @case.Number);
        // 10 working days counted from the day after: 02-14 make-up Saturday (1), 02-24..02-27 (5), 02-28 make-up Saturday (6), 03-02..03-05 (10)
        // as `calendar add-working-days 2026-02-13 10` prints: 2026-03-05; due at the end of the working day.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 30, 0, TimeSpan.FromHours(8)), @case.DeadlineAt);
        Assert.False(@case.IsDeadlineProvisional);
        Assert.Equal(new DeadlineRuleSnapshot("category-deadlines", 1, 10, DeadlineUnit.WorkingDays, FridayBeforeSpringFestival.ToUniversalTime()), @case.DeadlineRule);
        // No routing rule covers SR-TEST: a dispatcher chooses the unit.
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.DeadlineSet, CaseEventKind.TaskCreated], await _host.TimelineAsync(@case.Id));
        var task = Assert.Single(run.Bookmarks, b => b.Name == "Hotline.HumanTask");
        Assert.Equal("人工派单", task.Payload?["taskName"]?.GetValue<string>());
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var inbox = await db.InboxTasks.AsNoTracking().SingleAsync();
        Assert.Equal(@case.Id, inbox.CaseId);
        Assert.Equal("RX-PD", inbox.UnitCode);
        Assert.Equal(Hotline.Domain.Inbox.InboxTaskKind.Dispatch, inbox.Kind);
        Assert.Equal(@case.Number, inbox.CorrelationId);
    }

    [Fact]
    public async Task Should_be_due_at_once_When_the_case_is_an_emergency()
    {
        var run = await _host.StartCaseAsync("Help", "燃气泄漏", urgency: "Emergency");

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(FridayBeforeSpringFestival, @case.DeadlineAt);
        Assert.Equal(DeadlineUnit.Immediate, @case.DeadlineRule!.Unit);
    }

    [Fact]
    public async Task Should_mark_the_deadline_provisional_When_it_reaches_into_2027_whose_calendar_is_not_loaded()
    {
        var monday = new DateTimeOffset(2026, 12, 28, 10, 0, 0, TimeSpan.FromHours(8));
        _host.Factory.Clock.Advance(monday - _host.Factory.Clock.GetUtcNow());

        var run = await _host.StartCaseAsync("Complaint", "供暖温度不达标");

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.True(@case.IsDeadlineProvisional);
        Assert.Equal(2027, @case.DeadlineAt!.Value.Year);
        Assert.Equal(monday.ToUniversalTime(), @case.DeadlineRule!.CountedFrom);
    }

    [Fact]
    public async Task Should_link_both_cases_When_the_same_caller_calls_again_about_an_open_case()
    {
        var first = await _host.StartCaseAsync("Complaint", "夜间施工噪音");
        var second = await _host.StartCaseAsync("Complaint", "夜间施工噪音，还在继续");

        var older = await _host.CaseOfAsync(first.InstanceId);
        var newer = await _host.CaseOfAsync(second.InstanceId);
        Assert.Equal([older.Id], newer.LinkedCaseIds);
        Assert.Equal([newer.Id], older.LinkedCaseIds);
        Assert.Contains(CaseEventKind.DuplicateLinked, await _host.TimelineAsync(newer.Id));
    }

    [Fact]
    public async Task Should_use_the_new_limit_for_the_next_case_and_keep_the_running_case_frozen_When_a_new_category_deadlines_version_is_published()
    {
        var running = await _host.StartCaseAsync("Complaint", "小区门口占道经营", phone: "13800000001");

        var model = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath("category-deadlines"));
        var complaintLimit = ((JsonArray)model.Document["root"]!["activities"]!).Single(a => a!["id"]!.GetValue<string>() == "complaint-limit")!;
        complaintLimit["limit"]!["expression"]!["value"] = "8";
        var published = await new WorkflowDefinitionService(_host.Runtime).SaveAndPublishAsync(model);
        var next = await _host.StartCaseAsync("Complaint", "商铺油烟扰民", phone: "13900000002");

        Assert.Equal(2, published.Version);
        var nextCase = await _host.CaseOfAsync(next.InstanceId);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 17, 30, 0, TimeSpan.FromHours(8)), nextCase.DeadlineAt);
        Assert.Equal((2, 8), (nextCase.DeadlineRule!.DefinitionVersion, nextCase.DeadlineRule.Limit));
        // The rule's name is made from the same node's values: it cannot keep saying 10.
        var set = (await _host.EventsAsync(nextCase.Id)).Single(e => e.Kind == CaseEventKind.DeadlineSet);
        Assert.Equal("投诉：8个工作日", Hotline.Domain.Cases.Timeline.CaseEventData.Read<Hotline.Domain.Cases.Timeline.DeadlineSetData>(set.Data)!.Rule);
        var runningCase = await _host.CaseOfAsync(running.InstanceId);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 30, 0, TimeSpan.FromHours(8)), runningCase.DeadlineAt);
        Assert.Equal((1, 10), (runningCase.DeadlineRule!.DefinitionVersion, runningCase.DeadlineRule.Limit));
    }

    [Fact]
    public async Task Should_climb_the_escalation_ladder_on_working_and_calendar_days_across_the_Spring_Festival_and_stop_When_the_answer_is_accepted()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.Add(new Hotline.Domain.Routing.HandlingUnit { Code = "DH-WY", Name = "东湖区物业服务中心", Level = Hotline.Domain.Routing.UnitLevel.District, DistrictCode = "990103" });
            await db.SaveChangesAsync();
        }

        var run = await _host.StartCaseAsync("Help", "楼道灯坏了一个月没人修");
        await _host.ActAsync("RX-PD", "Dispatched", new { unitCode = "DH-WY" }, centre: true);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        // 7 working days from Fri 02-13: the make-up Saturday 02-14, 02-24..02-27, the make-up Saturday 02-28, Mon 03-02.
        Assert.Equal(Local(2026, 3, 2, 17, 30), @case.DeadlineAt);

        (DateTimeOffset At, CaseEventKind[] Kinds)[] ladder =
        [
            (Local(2026, 2, 28, 17, 30), [CaseEventKind.WarningYellow, CaseEventKind.Notified]), // 1 working day before: the make-up Saturday
            (Local(2026, 3, 2, 17, 30), [CaseEventKind.WarningRed, CaseEventKind.Notified, CaseEventKind.Notified]),
            (Local(2026, 3, 3, 17, 30), [CaseEventKind.Escalated, CaseEventKind.Notified]), // level 1: +1 working day
            (Local(2026, 3, 5, 17, 30), [CaseEventKind.Escalated, CaseEventKind.Notified]), // level 2 (13710): +3 working days
            // 1: the same calendar day; the unit's progress-report task, due at the 3 checkpoint.
            (Local(2026, 3, 5, 23, 59), [CaseEventKind.SupervisionCheckpoint, CaseEventKind.Notified, CaseEventKind.TaskCreated]),
            // 3: calendar days, a Sunday; no report came, so the task is withdrawn and the miss recorded.
            (Local(2026, 3, 8, 17, 30), [CaseEventKind.ProgressReportMissed, CaseEventKind.SupervisionCheckpoint, CaseEventKind.Notified]),
            (Local(2026, 3, 12, 17, 30), [CaseEventKind.SupervisionCheckpoint, CaseEventKind.Notified, CaseEventKind.Escalated, CaseEventKind.Notified]), // 7, then level 3
        ];
        foreach (var (at, kinds) in ladder)
        {
            var before = (await _host.TimelineAsync(@case.Id)).Count;
            await _host.AdvanceToAsync(at.AddMinutes(-1));
            Assert.Equal(before, (await _host.TimelineAsync(@case.Id)).Count);
            await _host.AdvanceToAsync(at);
            Assert.Equal(kinds, (await _host.TimelineAsync(@case.Id)).Skip(before));
        }

        @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal((WarningLevel.Red, 3), (@case.Warning, @case.EscalationLevel));

        await _host.AdvanceToAsync(Local(2026, 3, 13, 10, 0));
        await _host.ActAsync("DH-WY", "Completed", new { answer = "已更换楼道灯" });
        // Handling ends when the centre accepts the answer (a sent-back answer keeps the ladder going).
        await _host.ActAsync("RX-PD", "Approved", centre: true);
        var stopped = (await _host.TimelineAsync(@case.Id)).Count;
        await _host.AdvanceToAsync(Local(2026, 3, 31, 17, 30));
        Assert.Equal(stopped, (await _host.TimelineAsync(@case.Id)).Count);
        await using var read = await _host.Contexts.CreateDbContextAsync();
        Assert.False(await read.Bookmarks.AnyAsync(b => b.ResumeAt != null), "the ladder's timers are withdrawn when handling ends");
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}

/// <summary>The scenarios on SQLite.</summary>
public sealed class SqliteCaseLifecycleTests : CaseLifecycleTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCaseLifecycleTests : CaseLifecycleTests
{
    protected override bool OnPostgreSql => true;
}
