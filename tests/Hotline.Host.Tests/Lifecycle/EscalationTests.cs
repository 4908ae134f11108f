using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>
/// The supervision ladder <c>escalation-13710</c> driven directly on a case with a deadline: every step at its exact
/// moment (working days around the deadline, calendar days after level 2) and not a minute earlier.
/// </summary>
public abstract partial class EscalationTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    // Accepted on Friday 2026-02-13, due two working days later: Tue 2026-02-24 (the make-up Saturday, then the Spring Festival).
    private static readonly DateTimeOffset Accepted = Local(2026, 2, 13, 10, 0);
    private static readonly DateTimeOffset SpringDeadline = Local(2026, 2, 24, 17, 30);

    // Registers a case, gives it two working days (Tue 2026-02-24 17:30) and starts the ladder, all in one burst.
    private const string SameBurstParent = """
        {"id":"escalation-same-burst-v1","definitionId":"escalation-same-burst","name":"Escalation Same Burst","version":1,
         "variables":[{"id":"var-CaseId","name":"CaseId","typeName":"String","value":null}],
         "root":{"id":"flow","type":"Elsa.Flowchart","version":1,
           "activities":[
             {"id":"register","type":"Hotline.RegisterCase","version":1,
              "channel":{"typeName":"String","expression":{"type":"Literal","value":"Phone"}},
              "content":{"typeName":"String","expression":{"type":"Literal","value":"路灯不亮"}},
              "caseType":{"typeName":"String","expression":{"type":"Literal","value":"Complaint"}},
              "caseId":{"typeName":"String","memoryReference":{"id":"var-CaseId"}}},
             {"id":"deadline","type":"Hotline.ComputeDeadline","version":1,
              "caseId":{"typeName":"String","expression":{"type":"JavaScript","value":"getCaseId()"}},
              "limitDays":{"typeName":"Int32","expression":{"type":"Literal","value":"2"}},
              "unit":{"typeName":"String","expression":{"type":"Literal","value":"WorkingDays"}}},
             {"id":"ladder","type":"Escalation13710","version":1,"workflowDefinitionId":"escalation-13710",
              "caseId":{"typeName":"String","expression":{"type":"JavaScript","value":"getCaseId()"}}}],
           "connections":[
             {"source":{"activity":"register","port":"Done"},"target":{"activity":"deadline","port":"In"}},
             {"source":{"activity":"deadline","port":"Done"},"target":{"activity":"ladder","port":"In"}}]}}
        """;

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync() => _host = await LifecycleHost.StartAsync(Local(2026, 2, 2, 9, 0), OnPostgreSql);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_fire_every_step_at_its_moment_across_the_Spring_Festival_and_the_make_up_Saturday_When_the_case_is_not_complex()
    {
        await AdvanceToAsync(Accepted);
        var caseId = await CreateCaseAsync(SpringDeadline);
        var run = await StartLadderAsync(caseId);
        Assert.Equal(Local(2026, 2, 14, 17, 30), Assert.Single(run.Bookmarks, b => b.ResumeAt != null).ResumeAt);

        await ExpectLadderAsync(caseId,
            (Local(2026, 2, 14, 17, 30), ["WarningYellow", "Notified:LeadUnit"]), // make-up Saturday, one working day before
            (Local(2026, 2, 24, 17, 30), ["WarningRed", "Notified:LeadUnit", "Notified:Dispatcher"]),
            (Local(2026, 2, 25, 17, 30), ["Escalated:1", "Notified:UnitHead"]),
            (Local(2026, 2, 27, 17, 30), ["Escalated:2", "Notified:Supervisor"]),
            (Local(2026, 2, 27, 23, 59), ["SupervisionCheckpoint:1d", "Notified:Supervisor"]),
            (Local(2026, 3, 2, 17, 30), ["SupervisionCheckpoint:3d", "Notified:Supervisor"]),
            (Local(2026, 3, 6, 17, 30), ["SupervisionCheckpoint:7d", "Notified:Supervisor", "Escalated:3", "Notified:Leader"]),
            (Local(2026, 3, 13, 17, 30), ["SupervisionCheckpoint:tracking", "Notified:Leader"])); // the 13710 "0": every 5 working days

        await AssertTrackingAsync(run.InstanceId, Local(2026, 3, 20, 17, 30));
        var @case = await CaseAsync(caseId);
        Assert.Equal(WarningLevel.Red, @case.Warning);
        Assert.Equal(3, @case.EscalationLevel);

        var events = await LadderEventsAsync(caseId);
        var level1 = Data(events.Single(e => e.Kind == CaseEventKind.Escalated && Data(e)["level"]!.GetValue<int>() == 1));
        Assert.Equal("提级督办：超过办理时限 1 个工作日，函告承办单位负责人", level1["name"]!.GetValue<string>());
        Assert.Equal(SpringDeadline, DateTimeOffset.Parse(level1["deadlineAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var letter = Data(events.Single(e => e.Kind == CaseEventKind.Notified && Data(e)["recipient"]!.GetValue<string>() == "UnitHead"));
        Assert.Equal("Letter", letter["channel"]!.GetValue<string>());
        Assert.Equal("DH-CG", letter["unitCode"]!.GetValue<string>());
        Assert.Equal("【12345热线督办函】贵单位承办的工单超过办理时限 1 个工作日仍未办结，现提级督办，请单位负责人督促落实，并书面反馈办理情况。", letter["text"]!.GetValue<string>());
        var dispatcher = Data(events.Single(e => e.Kind == CaseEventKind.Notified && Data(e)["recipient"]!.GetValue<string>() == "Dispatcher"));
        Assert.Null(dispatcher["unitCode"]);
        var sevenDays = Data(events.Single(e => e.Kind == CaseEventKind.SupervisionCheckpoint && Data(e)["checkpoint"]!.GetValue<string>() == "7d"));
        Assert.Equal(2, sevenDays["level"]!.GetValue<int>());
        Assert.Equal("13710 督办：7 个自然日内解决一般问题", sevenDays["name"]!.GetValue<string>());
        var yellow = Data(events.Single(e => e.Kind == CaseEventKind.WarningYellow));
        Assert.Equal("黄牌预警：办理时限前 1 个工作日", yellow["name"]!.GetValue<string>());
        Assert.Equal("工单办理时限届满仍未办结，已亮红牌，请跟进承办单位办理情况。", dispatcher["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_count_the_13710_checkpoints_in_calendar_days_through_the_holiday_When_level_2_fires_before_the_Spring_Festival()
    {
        var caseId = await CreateCaseAsync(Local(2026, 2, 9, 17, 30));
        var run = await StartLadderAsync(caseId);

        await ExpectLadderAsync(caseId,
            (Local(2026, 2, 6, 17, 30), ["WarningYellow", "Notified:LeadUnit"]),
            (Local(2026, 2, 9, 17, 30), ["WarningRed", "Notified:LeadUnit", "Notified:Dispatcher"]),
            (Local(2026, 2, 10, 17, 30), ["Escalated:1", "Notified:UnitHead"]),
            (Local(2026, 2, 12, 17, 30), ["Escalated:2", "Notified:Supervisor"]),
            (Local(2026, 2, 12, 23, 59), ["SupervisionCheckpoint:1d", "Notified:Supervisor"]),
            (Local(2026, 2, 15, 17, 30), ["SupervisionCheckpoint:3d", "Notified:Supervisor"]), // Sunday, first day of the holiday
            (Local(2026, 2, 19, 17, 30), ["SupervisionCheckpoint:7d", "Notified:Supervisor", "Escalated:3", "Notified:Leader"])); // Thursday, in the holiday

        // Tracking counts working days: 02-24..02-27 and the make-up Saturday 02-28 are the five after Thursday 02-19.
        await AssertTrackingAsync(run.InstanceId, Local(2026, 2, 28, 17, 30));
    }

    [Fact]
    public async Task Should_take_level_3_one_calendar_month_after_level_2_When_the_problem_is_complex()
    {
        await AdvanceToAsync(Accepted);
        var caseId = await CreateCaseAsync(SpringDeadline);
        var run = await StartLadderAsync(caseId, isComplex: true);

        await ExpectLadderAsync(caseId,
            (Local(2026, 2, 14, 17, 30), ["WarningYellow", "Notified:LeadUnit"]),
            (Local(2026, 2, 24, 17, 30), ["WarningRed", "Notified:LeadUnit", "Notified:Dispatcher"]),
            (Local(2026, 2, 25, 17, 30), ["Escalated:1", "Notified:UnitHead"]),
            (Local(2026, 2, 27, 17, 30), ["Escalated:2", "Notified:Supervisor"]),
            (Local(2026, 2, 27, 23, 59), ["SupervisionCheckpoint:1d", "Notified:Supervisor"]),
            (Local(2026, 3, 2, 17, 30), ["SupervisionCheckpoint:3d", "Notified:Supervisor"]),
            (Local(2026, 3, 6, 17, 30), ["SupervisionCheckpoint:7d", "Notified:Supervisor"]),
            (Local(2026, 3, 27, 17, 30), ["SupervisionCheckpoint:1m", "Notified:Supervisor", "Escalated:3", "Notified:Leader"]));

        await AssertTrackingAsync(run.InstanceId, Local(2026, 4, 3, 17, 30));
        Assert.Equal(3, (await CaseAsync(caseId)).EscalationLevel);
    }

    [Fact]
    public async Task Should_turn_red_at_the_new_deadline_and_not_the_old_one_When_an_extension_moves_the_deadline_while_the_red_wait_is_pending()
    {
        await AdvanceToAsync(Accepted);
        var caseId = await CreateCaseAsync(SpringDeadline);
        var run = await StartLadderAsync(caseId);
        await ExpectLadderAsync(caseId, (Local(2026, 2, 14, 17, 30), ["WarningYellow", "Notified:LeadUnit"]));
        var extended = Local(2026, 3, 3, 17, 30);
        await _host.Contexts.UpdateCaseAsync(caseId, (db, @case, _) =>
        {
            @case.DeadlineAt = extended;
            @case.Record(CaseEventKind.ExtensionApproved, CaseActor.User("zhang.min", "张敏"), _host.Factory.Clock.GetUtcNow(),
                new JsonObject { ["deadlineAt"] = extended.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
            return Task.CompletedTask;
        });

        await AdvanceToAsync(SpringDeadline);

        Assert.Equal(["WarningYellow", "Notified:LeadUnit"], (await LadderEventsAsync(caseId)).Select(Label));
        var waiting = await _host.Runtime.Instances.FindAsync(run.InstanceId);
        Assert.Equal(extended, Assert.Single(waiting!.Bookmarks, b => b.ResumeAt != null).ResumeAt);
        await ExpectLadderAsync(caseId,
            (extended, ["WarningRed", "Notified:LeadUnit", "Notified:Dispatcher"]),
            (Local(2026, 3, 4, 17, 30), ["Escalated:1", "Notified:UnitHead"]));
        var red = Data((await LadderEventsAsync(caseId)).Single(e => e.Kind == CaseEventKind.WarningRed));
        Assert.Equal(extended, DateTimeOffset.Parse(red["deadlineAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_end_at_once_with_nothing_recorded_When_the_case_has_no_deadline()
    {
        var caseId = await CreateCaseAsync(deadline: null);

        var run = await StartLadderAsync(caseId);

        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
        Assert.Empty(run.Bookmarks);
        Assert.Empty(await LadderEventsAsync(caseId));
        var @case = await CaseAsync(caseId);
        Assert.Equal(WarningLevel.None, @case.Warning);
        Assert.Equal(0, @case.EscalationLevel);
        var journal = await _host.Runtime.Instances.GetJournalAsync(run.InstanceId);
        Assert.Contains(journal, j => j.ActivityId == "no-deadline" && j.EventName == "Completed");
        Assert.DoesNotContain(journal, j => j.ActivityId == "yellow");
    }

    [Fact]
    public async Task Should_keep_the_red_warning_When_the_yellow_step_fires_on_a_case_already_red()
    {
        var caseId = await CreateCaseAsync(Local(2026, 2, 9, 17, 30), warning: WarningLevel.Red);
        await StartLadderAsync(caseId);

        await ExpectLadderAsync(caseId, (Local(2026, 2, 6, 17, 30), ["WarningYellow", "Notified:LeadUnit"]));

        Assert.Equal(WarningLevel.Red, (await CaseAsync(caseId)).Warning);
    }

    [Fact]
    public async Task Should_fire_the_steps_already_due_at_once_When_the_ladder_starts_after_the_deadline()
    {
        var caseId = await CreateCaseAsync(Local(2026, 2, 2, 17, 30));
        await AdvanceToAsync(Local(2026, 2, 4, 9, 0)); // after level 1 (Tue 17:30), before level 2 (Thu 17:30)

        var run = await StartLadderAsync(caseId);

        Assert.Equal(["WarningYellow", "Notified:LeadUnit", "WarningRed", "Notified:LeadUnit", "Notified:Dispatcher", "Escalated:1", "Notified:UnitHead"],
            (await LadderEventsAsync(caseId)).Select(Label));
        Assert.All(await LadderEventsAsync(caseId), e => Assert.Equal(Local(2026, 2, 4, 9, 0), e.At));
        Assert.Equal(Local(2026, 2, 5, 17, 30), Assert.Single(run.Bookmarks, b => b.ResumeAt != null).ResumeAt);
    }

    [Fact]
    public async Task Should_wait_for_the_yellow_warning_When_the_case_is_registered_and_given_its_deadline_in_the_same_burst()
    {
        await AdvanceToAsync(Accepted);
        await _host.Factory.PublishAsync(SameBurstParent);

        var run = await _host.Runtime.StartAsync("escalation-same-burst", new StartOptions());

        Assert.True(run.Incidents.Count == 0, string.Join("\n", run.Incidents.Select(i => i.Message)));
        Assert.Equal(Local(2026, 2, 14, 17, 30), Assert.Single(run.Bookmarks, b => b.ResumeAt != null).ResumeAt);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var caseId = (await db.Cases.AsNoTracking().SingleAsync(c => c.WorkflowInstanceId == run.InstanceId)).Id;
        await ExpectLadderAsync(caseId, (Local(2026, 2, 14, 17, 30), ["WarningYellow", "Notified:LeadUnit"]));
    }

    /// <summary>For each moment: nothing new one minute before, then exactly the given events, at that moment.</summary>
    private async Task ExpectLadderAsync(Guid caseId, params (DateTimeOffset At, string[] Events)[] steps)
    {
        foreach (var (at, expected) in steps)
        {
            var before = (await LadderEventsAsync(caseId)).Count;
            await AdvanceToAsync(at - OneMinute);
            var early = await LadderEventsAsync(caseId);
            Assert.True(early.Count == before, $"{string.Join(", ", early.Skip(before).Select(Label))} fired before {at:yyyy-MM-dd HH:mm zzz}.");

            await AdvanceToAsync(at);
            var fired = (await LadderEventsAsync(caseId)).Skip(before).ToList();
            Assert.Equal(expected, fired.Select(Label));
            Assert.All(fired, e => Assert.Equal(at, e.At));
        }
    }

    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        var clock = _host.Factory.Clock;
        clock.Advance(at - clock.GetUtcNow());
        await _host.Runtime.ResumeDueTimersAsync(at);
    }

    private async Task<Guid> CreateCaseAsync(DateTimeOffset? deadline, WarningLevel warning = WarningLevel.None)
    {
        var registered = await new Cases.CaseRegistrar(_host.Factory.Services).RegisterAsync(
            new Cases.CaseRegistration(CaseChannel.Phone, "小区门口占道经营，影响通行", CaseType.Complaint, "SR-ROAD", DistrictCode: "990103"), CaseActor.System);
        await _host.Contexts.UpdateCaseAsync(registered.Id, (_, @case, _) =>
        {
            @case.DeadlineAt = deadline;
            @case.LeadUnitCode = "DH-CG";
            @case.Status = CaseStatus.Handling;
            @case.Warning = warning;
            @case.Version++;
            return Task.CompletedTask;
        });
        return registered.Id;
    }

    private async Task<RunResult> StartLadderAsync(Guid caseId, bool isComplex = false)
    {
        var run = await _host.Runtime.StartAsync("escalation-13710", new StartOptions
        {
            Input = new Dictionary<string, object?> { ["CaseId"] = caseId.ToString(), ["IsComplex"] = isComplex },
        });
        Assert.True(run.Incidents.Count == 0, string.Join("\n", run.Incidents.Select(i => i.Message)));
        return run;
    }

    /// <summary>After level 3 the ladder keeps tracking the case (the 13710 "0") until its parent cancels it.</summary>
    private async Task AssertTrackingAsync(string instanceId, DateTimeOffset nextReminder)
    {
        var instance = await _host.Runtime.Instances.FindAsync(instanceId);
        Assert.NotNull(instance);
        Assert.Equal(0, instance.IncidentCount);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.Equal(nextReminder, Assert.Single(instance.Bookmarks, b => b.ResumeAt != null).ResumeAt);
    }

    private async Task AssertFinishedAsync(string instanceId)
    {
        var instance = await _host.Runtime.Instances.FindAsync(instanceId);
        Assert.NotNull(instance);
        Assert.Equal(0, instance.IncidentCount);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
    }

    private async Task<Case> CaseAsync(Guid caseId)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    private async Task<List<CaseEvent>> LadderEventsAsync(Guid caseId)
    {
        CaseEventKind[] kinds = [CaseEventKind.WarningYellow, CaseEventKind.WarningRed, CaseEventKind.Escalated, CaseEventKind.SupervisionCheckpoint, CaseEventKind.Notified];
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.Where(e => kinds.Contains(e.Kind))];
    }

    private static string Label(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Escalated => $"Escalated:{Data(e)["level"]}",
        CaseEventKind.SupervisionCheckpoint => $"SupervisionCheckpoint:{Data(e)["checkpoint"]}",
        CaseEventKind.Notified => $"Notified:{Data(e)["recipient"]}",
        _ => e.Kind.ToString(),
    };

    private static JsonObject Data(CaseEvent e) => JsonNode.Parse(e.Data ?? "{}")!.AsObject();

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Beijing);
}

/// <summary>The escalation ladder on SQLite.</summary>
public sealed class SqliteEscalationTests : EscalationTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The escalation ladder on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlEscalationTests : EscalationTests
{
    protected override bool OnPostgreSql => true;
}
