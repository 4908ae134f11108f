using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Inbox;
using Hotline.Host.Units;
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
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.Classified, CaseEventKind.Dispatched, CaseEventKind.TaskCreated], await _host.TimelineAsync(@case.Id));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var dispatched = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.Dispatched);
        Assert.Contains("R-ROAD-DH", dispatched.Data ?? "");

        var inbox = await db.InboxTasks.AsNoTracking().SingleAsync();
        Assert.Equal(@case.Id, inbox.CaseId);
        Assert.Equal("DH-CG", inbox.UnitCode);
        Assert.Equal(InboxTaskKind.Handle, inbox.Kind);
        Assert.Equal(ComplaintDeadline, inbox.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 14, 30, 0, TimeSpan.FromHours(8)), inbox.SignDueAt);
        Assert.Equal(["Completed", "Returned", "ExtensionRequested", "SubDispatched"], inbox.PossibleOutcomes);
        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(HumanTask.BookmarkName, bookmark.Name);
        Assert.Equal("DH-CG", bookmark.Payload?["assignee"]?.GetValue<string>());
    }

    [Fact]
    public async Task Should_default_the_tasks_due_time_to_the_case_deadline_When_the_definition_passes_no_DueAt()
    {
        var model = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath("case-lifecycle"));
        var dispatch = ((JsonArray)model.Document["root"]!["activities"]!).Single(a => a!["id"]!.GetValue<string>() == "dispatch-units")!.AsObject();
        Assert.True(dispatch.Remove("dueAt"));
        await new WorkflowDefinitionService(_host.Runtime).SaveAndPublishAsync(model);

        var run = await _host.StartCaseAsync("Complaint", "占道经营", subjectCode: "SR-ROAD");

        Assert.True(run.Incidents.Count == 0);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var inbox = await db.InboxTasks.AsNoTracking().SingleAsync();
        Assert.Equal(ComplaintDeadline, inbox.DueAt);
    }

    [Fact]
    public async Task Should_finish_the_dispatch_child_with_outcome_Completed_When_the_lead_unit_completes_its_task()
    {
        var run = await _host.StartCaseAsync("Complaint", "商铺占道", subjectCode: "SR-ROAD");
        var taskId = Assert.Single(run.Bookmarks).Payload!["taskId"]!.GetValue<string>();

        var done = await _host.Runtime.CompleteTaskAsync(taskId, new TaskCompletion("Completed"));

        Assert.True(done.Incidents.Count == 0, string.Join("\n", done.Incidents.Select(i => i.Message)));
        Assert.Empty(done.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, done.SubStatus);
        var journal = await _host.Runtime.Instances.GetJournalAsync(run.InstanceId);
        var handled = journal.Last(j => j.ActivityId == "handle");
        Assert.Equal("Completed", handled.EventName);
        Assert.Contains(journal, j => j.ActivityId == "end-Completed" && j.EventName == "Completed");
        Assert.Equal("Completed", journal.Last(j => j.ActivityId == "dispatch-units").EventName);
        Assert.DoesNotContain(journal, j => j.ActivityId == "dispatch");
        var records = await _host.Runtime.Instances.GetRecordsAsync(run.InstanceId);
        Assert.Contains(records, r => r.ActivityId == "dispatch-units" && r.Status == Hotline.Workflows.Runtime.ActivityStatus.Completed);
    }

    [Fact]
    public async Task Should_go_to_the_dispatch_desk_When_no_routing_rule_covers_the_subject()
    {
        var run = await _host.StartCaseAsync("Complaint", "其他问题", subjectCode: "SR-UNROUTED");

        var @case = await _host.CaseOfAsync(run.InstanceId);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Null(@case.LeadUnitCode);
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.Classified], await _host.TimelineAsync(@case.Id));
        var task = Assert.Single(run.Bookmarks);
        Assert.Equal("Dispatch", task.Payload?["taskName"]?.GetValue<string>());
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var inbox = await db.InboxTasks.AsNoTracking().SingleAsync();
        Assert.Equal("dispatch-desk", inbox.UnitCode);
        var journal = await _host.Runtime.Instances.GetJournalAsync(run.InstanceId);
        Assert.Equal("Completed", journal.Last(j => j.ActivityId == "dispatch-units").EventName);
        Assert.Contains(journal, j => j.ActivityId == "desk");
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
