using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Routing;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>A work order through <c>dispatch</c>: routed to its lead unit's inbox, or to the dispatch desk.</summary>
public abstract class DispatchTests : IAsyncLifetime
{
    // Fri 2026-02-13 11:00 China time: two working hours to sign for run across lunch (12:00-13:30), to 14:30.
    private static readonly DateTimeOffset FridayBeforeLunch = new(2026, 2, 13, 11, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ComplaintDeadline = new(2026, 3, 5, 17, 30, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(FridayBeforeLunch, OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new HandlingUnit { Code = "DH-SC", Name = "东湖区市场监管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint });
        db.Add(new RoutingRule { Id = "R-ROAD-DH", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", AssistingUnitCodes = ["DH-SC"], Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_put_a_handle_task_in_the_lead_units_inbox_due_at_the_deadline_and_to_be_signed_for_after_lunch_When_a_routed_complaint_is_accepted()
    {
        var run = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行", subjectCode: "SR-ROAD");

        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Dispatched, @case.Status);
        Assert.Equal("DH-CG", @case.LeadUnitCode);
        Assert.Equal(["DH-SC"], @case.AssistingUnitCodes);
        Assert.Equal(ComplaintDeadline, @case.DeadlineAt);
        // The lead unit's handle task and the assisting unit's assist task.
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.DeadlineSet, CaseEventKind.Dispatched, CaseEventKind.TaskCreated, CaseEventKind.TaskCreated],
            await _host.TimelineAsync(@case.Id));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var dispatched = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.Dispatched);
        Assert.Contains("R-ROAD-DH", dispatched.Data ?? "");

        var inbox = await db.InboxTasks.AsNoTracking().SingleAsync(t => t.UnitCode == "DH-CG");
        Assert.Equal(@case.Id, inbox.CaseId);
        Assert.Equal(InboxTaskKind.Handle, inbox.Kind);
        Assert.Equal(ComplaintDeadline, inbox.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 14, 30, 0, TimeSpan.FromHours(8)), inbox.SignDueAt);
        Assert.Equal(["Completed", "Returned", "ExtensionRequested", "SubDispatched", "Reassigned"], inbox.PossibleOutcomes);
        var assist = await db.InboxTasks.AsNoTracking().SingleAsync(t => t.UnitCode == "DH-SC");
        Assert.Equal(InboxTaskKind.Assist, assist.Kind);
        Assert.Equal(ComplaintDeadline, assist.DueAt);
        var tasks = run.Bookmarks.Where(b => b.Name == HumanTask.BookmarkName).ToList();
        Assert.Equal(["DH-CG", "DH-SC"], tasks.Select(b => b.Payload?["assignee"]?.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Should_end_the_dispatch_child_with_Dispatched_and_hand_its_lead_unit_to_handle()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道", subjectCode: "SR-ROAD");

        var journal = await _host.Runtime.Instances.GetJournalAsync(run.InstanceId);
        Assert.Equal("Completed", journal.Last(j => j.ActivityId == "dispatch").EventName);
        Assert.Contains(journal, j => j.ActivityId == "dispatched" && j.EventName == "Completed");
        Assert.DoesNotContain(journal, j => j.ActivityId == "desk");
        Assert.Single(journal, j => j.ActivityId == "task" && j.EventName == "Suspended");
        Assert.Equal("DH-CG", Assert.Single(await _host.PendingTasksAsync("DH-CG")).UnitCode);
    }

    [Fact]
    public async Task Should_ask_a_dispatcher_and_dispatch_to_the_unit_they_choose_When_no_routing_rule_covers_the_subject()
    {
        var run = await _host.StartCaseAsync("Complaint", "其他问题", subjectCode: "SR-UNROUTED");

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Null(@case.LeadUnitCode);
        var desk = Assert.Single(await _host.PendingTasksAsync("RX-PD"));
        Assert.Equal(InboxTaskKind.Dispatch, desk.Kind);
        Assert.Equal(["Dispatched"], desk.PossibleOutcomes);

        var unknown = await Assert.ThrowsAsync<InboxValidationException>(() => _host.Inbox.CompleteAsync(
            desk.TaskId, new InboxActor("pd-user", "派单员", null), "Dispatched", new JsonObject { ["unitCode"] = "NO-SUCH-UNIT" }));
        Assert.Equal("unitCode", unknown.Field);

        await _host.ActAsync("RX-PD", "Dispatched", new { unitCode = "DH-SC", note = "市场秩序问题" }, centre: true);

        @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Dispatched, @case.Status);
        Assert.Equal("DH-SC", @case.LeadUnitCode);
        Assert.Equal(InboxTaskKind.Handle, Assert.Single(await _host.PendingTasksAsync("DH-SC")).Kind);
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.DeadlineSet, CaseEventKind.TaskCreated, CaseEventKind.SignedFor, CaseEventKind.Dispatched, CaseEventKind.TaskCreated],
            await _host.TimelineAsync(@case.Id));
    }
}

/// <summary>The dispatch scenarios on SQLite.</summary>
public sealed class SqliteDispatchTests : DispatchTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The dispatch scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlDispatchTests : DispatchTests
{
    protected override bool OnPostgreSql => true;
}
