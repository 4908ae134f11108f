using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Activities;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Domain.Routing;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Hotline.Domain.Deadlines;

namespace Hotline.Host.Tests.Calendar;

/// <summary>
/// Provisional deadlines into 2027 (assumed Monday to Friday) recomputed by <see cref="ProvisionalDeadlineRecomputer"/>
/// when an administrator saves 2027 through the calendar API.
/// </summary>
public abstract class ProvisionalDeadlineTests : IAsyncLifetime
{
    private const string AdministratorKey = "test-administrator-key-5d21";

    // Thu 2026-12-24 10:00 China time. Ten working days assuming Monday to Friday for 2027: Dec 25, 28-31, Jan 1, 4-7.
    private static readonly DateTimeOffset AcceptedAt = new(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ProvisionalDeadline = new(2027, 1, 7, 17, 30, 0, TimeSpan.FromHours(8));

    // With Test2027 (New Year Fri 1 to Mon 4 January, make-up Saturday 9 January): Dec 25, 28-31, Jan 5-8, Sat Jan 9.
    private static readonly DateTimeOffset RecomputedDeadline = new(2027, 1, 9, 17, 30, 0, TimeSpan.FromHours(8));

    // 270 working days: 5 in 2026, 261 (Monday to Friday) or 260 (Test2027) in 2027, then into 2028, which is not loaded.
    private static readonly DateTimeOffset ProvisionalDeadlineIn2028 = new(2028, 1, 6, 17, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset RecomputedDeadlineIn2028 = new(2028, 1, 7, 17, 30, 0, TimeSpan.FromHours(8));

    // Mon 2026-12-28 09:00 China time: the administrator saves 2027.
    private static readonly DateTimeOffset LoadedAt = new(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private PostgresDatabase? _postgres;
    private HotlineFactory _factory = null!;
    private WebApplicationFactory<Program> _host = null!;
    private int _numbers;

    protected abstract bool OnPostgreSql { get; }

    private IDbContextFactory<HotlineDbContext> Contexts => _host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    public async Task InitializeAsync()
    {
        _postgres = OnPostgreSql ? await PostgresDatabase.CreateMigratedAsync() : null;
        _factory = new HotlineFactory(_postgres?.ConnectionString);
        _factory.Clock.Advance(AcceptedAt - _factory.Clock.GetUtcNow());
        _host = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Hotline:Security:ApiKeys:2:Name", "admin-zhang");
            builder.UseSetting("Hotline:Security:ApiKeys:2:Key", AdministratorKey);
            builder.UseSetting("Hotline:Security:ApiKeys:2:Roles:0", "administrator");
        });
        await using var db = await Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint });
        db.Add(new RoutingRule { Id = "R-ROAD-DH", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Should_recompute_the_deadline_clear_the_flag_record_the_previous_deadline_and_move_the_handle_task_When_2027_is_loaded()
    {
        var id = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var before = await CaseAsync(c => c.Id == id);

        await LoadTest2027Async(HttpStatusCode.Created);

        var recomputed = await CaseAsync(c => c.Id == id);
        Assert.Equal(RecomputedDeadline, recomputed.DeadlineAt);
        Assert.False(recomputed.IsDeadlineProvisional);
        Assert.Equal(before.DeadlineRule, recomputed.DeadlineRule);
        Assert.Equal(before.LastEventSequence + 1, recomputed.LastEventSequence);
        Assert.Equal(LoadedAt, recomputed.UpdatedAt);
        var set = await LastEventAsync(id);
        Assert.Equal(CaseEventKind.DeadlineSet, set.Kind);
        Assert.Equal(LoadedAt, set.At);
        Assert.Equal(CaseActorKind.System, set.ActorKind);
        var data = JsonNode.Parse(set.Data!)!;
        Assert.Equal("calendar-loaded", data["reason"]!.GetValue<string>());
        Assert.Equal(2027, data["year"]!.GetValue<int>());
        Assert.Equal(RecomputedDeadline, data["deadlineAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(ProvisionalDeadline, data["previousDeadlineAt"]!.GetValue<DateTimeOffset>());
        Assert.False(data["provisional"]!.GetValue<bool>());
        var task = await HandleTaskAsync(id);
        Assert.Equal(RecomputedDeadline, task.DueAt);
        Assert.Equal(InboxTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task Should_recompute_the_deadline_and_handle_task_the_lifecycle_set_When_2027_is_loaded()
    {
        var run = await StartLifecycleAsync();
        Assert.True(run.Incidents.Count == 0, string.Join("\n", run.Incidents.Select(i => i.Message)));
        var accepted = await CaseAsync(c => c.WorkflowInstanceId == run.InstanceId);
        Assert.Equal(ProvisionalDeadline, accepted.DeadlineAt);
        Assert.True(accepted.IsDeadlineProvisional);
        Assert.Equal(ProvisionalDeadline, (await HandleTaskAsync(accepted.Id)).DueAt);

        await LoadTest2027Async(HttpStatusCode.Created);

        var recomputed = await CaseAsync(c => c.Id == accepted.Id);
        Assert.Equal(RecomputedDeadline, recomputed.DeadlineAt);
        Assert.False(recomputed.IsDeadlineProvisional);
        Assert.Equal(1, await RecomputeEventsAsync(accepted.Id));
        Assert.Equal(RecomputedDeadline, (await HandleTaskAsync(accepted.Id)).DueAt);
    }

    [Fact]
    public async Task Should_warn_a_working_day_before_the_earlier_deadline_When_2027_brings_the_deadline_forward()
    {
        var run = await StartLifecycleAsync();
        var accepted = await CaseAsync(c => c.WorkflowInstanceId == run.InstanceId);
        Assert.Equal(ProvisionalDeadline, accepted.DeadlineAt);
        // The ladder's yellow warning waits until one working day before the provisional deadline.
        Assert.Equal(ProvisionalDeadline.AddDays(-1), Assert.Single(await DeadlineWaitsAsync(run.InstanceId)).ResumeAt);

        // New Year on Friday 1 January only, and the weekend after it made up: Dec 25, 28-31, Jan 2, 3, 4, 5, 6.
        await Load2027Async(HttpStatusCode.Created, "2027-01-01", ["2027-01-02", "2027-01-03"], workingDaysInYear: 262);
        var earlier = new DateTimeOffset(2027, 1, 6, 17, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(earlier, (await CaseAsync(c => c.Id == accepted.Id)).DeadlineAt);

        // Made due in the same save, the wait is woken by the next sweep (this one, or the host's own, which may come
        // first: the clock has moved days) and waits again, counted from the earlier deadline.
        await _host.Services.GetRequiredService<DueTimerSweeper>().SweepAsync();

        var yellowAt = new DateTimeOffset(2027, 1, 5, 17, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(yellowAt, Assert.Single(await DeadlineWaitsAsync(run.InstanceId)).ResumeAt);
        Assert.Equal(WarningLevel.None, (await CaseAsync(c => c.Id == accepted.Id)).Warning);

        _factory.Clock.Advance(yellowAt - _factory.Clock.GetUtcNow());
        await _host.Services.GetRequiredService<DueTimerSweeper>().SweepAsync();
        Assert.Equal(WarningLevel.Yellow, (await CaseAsync(c => c.Id == accepted.Id)).Warning);
    }

    [Fact]
    public async Task Should_leave_the_ladder_waiting_for_its_old_moment_When_2027_moves_the_deadline_later()
    {
        var run = await StartLifecycleAsync();

        await LoadTest2027Async(HttpStatusCode.Created);

        // A later deadline needs no early wake-up: the wait re-reads the deadline when its timer fires.
        Assert.Equal(ProvisionalDeadline.AddDays(-1), Assert.Single(await DeadlineWaitsAsync(run.InstanceId)).ResumeAt);
    }

    [Fact]
    public async Task Should_move_only_the_pending_handle_tasks_due_at_the_old_deadline_When_a_deadline_is_recomputed()
    {
        var id = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var otherTime = ProvisionalDeadline.AddHours(-3);
        await AddTaskAsync(id, "open", InboxTaskKind.Handle, InboxTaskStatus.Open, ProvisionalDeadline);
        await AddTaskAsync(id, "signed", InboxTaskKind.Handle, InboxTaskStatus.SignedFor, ProvisionalDeadline);
        await AddTaskAsync(id, "completed", InboxTaskKind.Handle, InboxTaskStatus.Completed, ProvisionalDeadline);
        await AddTaskAsync(id, "own-time", InboxTaskKind.Handle, InboxTaskStatus.Open, otherTime);
        await AddTaskAsync(id, "callback", InboxTaskKind.Callback, InboxTaskStatus.Open, ProvisionalDeadline);

        await LoadTest2027Async(HttpStatusCode.Created);

        await using var db = await Contexts.CreateDbContextAsync();
        var due = await db.InboxTasks.AsNoTracking().ToDictionaryAsync(t => t.TaskId, t => t.DueAt);
        Assert.Equal(RecomputedDeadline, due["open"]);
        Assert.Equal(RecomputedDeadline, due["signed"]);
        Assert.Equal(ProvisionalDeadline, due["completed"]);
        Assert.Equal(otherTime, due["own-time"]);
        Assert.Equal(ProvisionalDeadline, due["callback"]);
        Assert.Equal(RecomputedDeadline, (await CaseAsync(c => c.Id == id)).DeadlineAt);
    }

    [Fact]
    public async Task Should_leave_a_closed_case_alone_When_2027_is_loaded()
    {
        var closed = await AddCaseAsync(CaseStatus.Closed, provisional: true, ProvisionalDeadline);
        var open = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var before = await CaseAsync(c => c.Id == closed);

        await LoadTest2027Async(HttpStatusCode.Created);

        await AssertUntouchedAsync(before);
        Assert.Equal(RecomputedDeadline, (await CaseAsync(c => c.Id == open)).DeadlineAt);
    }

    [Fact]
    public async Task Should_leave_a_case_alone_When_its_deadline_is_not_provisional()
    {
        var settled = await AddCaseAsync(CaseStatus.Handling, provisional: false, ProvisionalDeadline);
        var before = await CaseAsync(c => c.Id == settled);

        await LoadTest2027Async(HttpStatusCode.Created);

        await AssertUntouchedAsync(before);
    }

    [Fact]
    public async Task Should_replay_the_extension_on_the_recomputed_deadline_When_one_was_approved_after_the_deadline_was_counted()
    {
        // Provisionally Jan 7 + 5 working days = Jan 14; with Test2027, Sat Jan 9 + 5 working days = Fri Jan 15.
        var extended = await AddCaseAsync(CaseStatus.Handling, provisional: true, new DateTimeOffset(2027, 1, 14, 17, 30, 0, TimeSpan.FromHours(8)),
            extensionApprovedAt: AcceptedAt.AddDays(1), extensionDays: 5);

        await LoadTest2027Async(HttpStatusCode.Created);

        var recomputed = await CaseAsync(c => c.Id == extended);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 17, 30, 0, TimeSpan.FromHours(8)), recomputed.DeadlineAt);
        Assert.False(recomputed.IsDeadlineProvisional);
        Assert.Equal(recomputed.DeadlineAt, (await HandleTaskAsync(extended)).DueAt);
        Assert.Equal(1, await RecomputeEventsAsync(extended));
    }

    [Fact]
    public async Task Should_leave_the_case_alone_When_its_extension_event_does_not_say_how_many_days_it_granted()
    {
        var extendedDeadline = new DateTimeOffset(2027, 1, 14, 17, 30, 0, TimeSpan.FromHours(8));
        var extended = await AddCaseAsync(CaseStatus.Handling, provisional: true, extendedDeadline, extensionApprovedAt: AcceptedAt.AddDays(1));
        var open = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var before = await CaseAsync(c => c.Id == extended);

        await LoadTest2027Async(HttpStatusCode.Created);

        await AssertUntouchedAsync(before);
        Assert.Equal(RecomputedDeadline, (await CaseAsync(c => c.Id == open)).DeadlineAt);
    }

    [Fact]
    public async Task Should_recompute_but_keep_it_provisional_When_the_deadline_reaches_into_2028()
    {
        var id = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadlineIn2028, limit: 270);

        await LoadTest2027Async(HttpStatusCode.Created);

        var recomputed = await CaseAsync(c => c.Id == id);
        Assert.Equal(RecomputedDeadlineIn2028, recomputed.DeadlineAt);
        Assert.True(recomputed.IsDeadlineProvisional);
        var data = JsonNode.Parse((await LastEventAsync(id)).Data!)!;
        Assert.Equal(ProvisionalDeadlineIn2028, data["previousDeadlineAt"]!.GetValue<DateTimeOffset>());
        Assert.True(data["provisional"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_append_no_second_event_When_the_same_year_is_loaded_again()
    {
        var in2027 = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var in2028 = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadlineIn2028, limit: 270);

        await LoadTest2027Async(HttpStatusCode.Created);
        var once = await CaseAsync(c => c.Id == in2028);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await LoadTest2027Async(HttpStatusCode.OK);

        Assert.Equal(1, await RecomputeEventsAsync(in2027));
        Assert.Equal(1, await RecomputeEventsAsync(in2028));
        var twice = await CaseAsync(c => c.Id == in2028);
        Assert.Equal(RecomputedDeadlineIn2028, twice.DeadlineAt);
        Assert.True(twice.IsDeadlineProvisional);
        Assert.Equal(once.Version, twice.Version);
        Assert.Equal(RecomputedDeadline, (await CaseAsync(c => c.Id == in2027)).DeadlineAt);
    }

    [Fact]
    public async Task Should_recompute_every_case_once_When_there_are_more_than_two_chunks()
    {
        // Every other case stays provisional (into 2028), so it still matches when the next chunk is read.
        var count = (2 * ProvisionalDeadlineRecomputer.ChunkSize) + 1;
        var into2028 = new HashSet<Guid>();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 2 == 0)
                    AddCase(db, CaseStatus.Handling, provisional: true, ProvisionalDeadline);
                else
                    into2028.Add(AddCase(db, CaseStatus.Handling, provisional: true, ProvisionalDeadlineIn2028, limit: 270).Id);
            }

            await db.SaveChangesAsync();
        }

        await LoadTest2027Async(HttpStatusCode.Created);

        await using var read = await Contexts.CreateDbContextAsync();
        var cases = await read.Cases.AsNoTracking().Select(c => new { c.Id, c.DeadlineAt, c.IsDeadlineProvisional, c.LastEventSequence }).ToListAsync();
        Assert.Equal(count, cases.Count);
        Assert.All(cases, c => Assert.Equal(
            into2028.Contains(c.Id) ? (RecomputedDeadlineIn2028, true, 3) : (RecomputedDeadline, false, 3),
            (c.DeadlineAt, c.IsDeadlineProvisional, c.LastEventSequence)));
        Assert.Equal(count - into2028.Count, await read.InboxTasks.CountAsync(t => t.DueAt == RecomputedDeadline));
        Assert.Equal(into2028.Count, await read.InboxTasks.CountAsync(t => t.DueAt == RecomputedDeadlineIn2028));
    }

    [Fact]
    public async Task Should_redo_the_case_from_its_saved_state_When_a_workflow_changes_it_while_the_chunk_is_saved()
    {
        await LoadTest2027Async(HttpStatusCode.Created);
        var id = await AddCaseAsync(CaseStatus.Handling, provisional: true, ProvisionalDeadline);
        var racing = new RacingContexts(Contexts, id, LoadedAt);
        var recomputer = new ProvisionalDeadlineRecomputer(racing, _host.Services.GetRequiredService<CalendarService>(), _factory.Clock,
            NullLogger<ProvisionalDeadlineRecomputer>.Instance);

        await recomputer.OnYearLoadedAsync(2027);

        Assert.True(racing.Raced);
        var recomputed = await CaseAsync(c => c.Id == id);
        Assert.Equal(RecomputedDeadline, recomputed.DeadlineAt);
        Assert.False(recomputed.IsDeadlineProvisional);
        Assert.Equal(WarningLevel.Yellow, recomputed.Warning);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.DeadlineSet, CaseEventKind.WarningYellow, CaseEventKind.DeadlineSet],
            await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync());
        Assert.Equal(1, await RecomputeEventsAsync(id));
        Assert.Equal(RecomputedDeadline, (await HandleTaskAsync(id)).DueAt);
    }

    /// <summary>
    /// A made-up 2027 (the State Council publishes the real one in November 2026) that differs from Monday to Friday
    /// early in January: New Year Friday 1 to Monday 4 January, and Saturday 9 January a make-up working day.
    /// </summary>
    private Task LoadTest2027Async(HttpStatusCode expected) =>
        Load2027Async(expected, "2027-01-04", ["2027-01-09"], workingDaysInYear: 260);

    /// <summary>Saves a made-up 2027 at <see cref="LoadedAt"/>: New Year from 1 January to <paramref name="newYearTo"/>, and the given make-up days.</summary>
    private async Task Load2027Async(HttpStatusCode expected, string newYearTo, string[] makeUpWorkingDays, int workingDaysInYear)
    {
        if (_factory.Clock.GetUtcNow() < LoadedAt)
            _factory.Clock.Advance(LoadedAt - _factory.Clock.GetUtcNow());
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", AdministratorKey);
        var response = await client.PutAsJsonAsync("/api/calendar/years/2027", new JsonObject
        {
            ["source"] = "test data, not the State Council's notice",
            ["holidays"] = new JsonArray(new JsonObject { ["name"] = "New Year (元旦)", ["from"] = "2027-01-01", ["to"] = newYearTo }),
            ["makeUpWorkingDays"] = new JsonArray(makeUpWorkingDays.Select(d => (JsonNode?)d).ToArray()),
            ["workingDaysInYear"] = workingDaysInYear,
        });
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A complaint accepted at <see cref="AcceptedAt"/> with a deadline of <paramref name="limit"/> working days and an open handle task due then, written directly.</summary>
    private async Task<Guid> AddCaseAsync(CaseStatus status, bool provisional, DateTimeOffset deadline, int limit = 10, DateTimeOffset? extensionApprovedAt = null,
        int? extensionDays = null)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var @case = AddCase(db, status, provisional, deadline, limit);
        if (extensionApprovedAt is { } approved)
        {
            var data = new JsonObject { ["deadlineAt"] = deadline.ToString("O", CultureInfo.InvariantCulture) };
            if (extensionDays is { } days)
                data["days"] = days;
            @case.Record(CaseEventKind.ExtensionApproved, CaseActor.User("li", "李主任"), approved, data);
        }

        await db.SaveChangesAsync();
        return @case.Id;
    }

    private Case AddCase(HotlineDbContext db, CaseStatus status, bool provisional, DateTimeOffset deadline, int limit = 10)
    {
        var @case = new Case
        {
            Id = Guid.CreateVersion7(AcceptedAt),
            Number = $"20261224-{++_numbers:D6}",
            Channel = CaseChannel.Phone,
            Content = "占道经营",
            Type = CaseType.Complaint,
            SubjectCode = "SR-ROAD",
            Urgency = CaseUrgency.Normal,
            Status = status,
            LeadUnitCode = "DH-CG",
            DeadlineAt = deadline,
            IsDeadlineProvisional = provisional,
            DeadlineRule = new DeadlineRuleSnapshot("category-deadlines", 1, limit, DeadlineUnit.WorkingDays, AcceptedAt),
            // PostgreSQL's timestamptz takes only UTC moments; the properties below do not convert.
            CreatedAt = AcceptedAt.ToUniversalTime(),
            UpdatedAt = AcceptedAt.ToUniversalTime(),
            ClosedAt = status == CaseStatus.Closed ? AcceptedAt.AddHours(2).ToUniversalTime() : null,
        };
        db.Add(@case);
        @case.Record(CaseEventKind.Registered, CaseActor.System, AcceptedAt);
        @case.Record(CaseEventKind.DeadlineSet, CaseActor.System, AcceptedAt, new JsonObject { ["reason"] = "dispatch", ["provisional"] = provisional });
        db.Add(NewTask(@case.Id, $"handle-{@case.Number}", InboxTaskKind.Handle, InboxTaskStatus.Open, deadline));
        return @case;
    }

    private async Task AddTaskAsync(Guid caseId, string taskId, InboxTaskKind kind, InboxTaskStatus status, DateTimeOffset dueAt)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Add(NewTask(caseId, taskId, kind, status, dueAt));
        await db.SaveChangesAsync();
    }

    private static InboxTask NewTask(Guid caseId, string taskId, InboxTaskKind kind, InboxTaskStatus status, DateTimeOffset dueAt) => new()
    {
        TaskId = taskId,
        CaseId = caseId,
        UnitCode = "DH-CG",
        Kind = kind,
        TaskName = $"{kind} DH-CG",
        Status = status,
        DueAt = dueAt,
        CreatedAt = AcceptedAt.ToUniversalTime(),
        WorkflowInstanceId = $"instance-{taskId}",
        BookmarkId = $"bookmark-{taskId}",
    };

    private async Task AssertUntouchedAsync(Case before)
    {
        var after = await CaseAsync(c => c.Id == before.Id);
        Assert.Equal(before.DeadlineAt, after.DeadlineAt);
        Assert.Equal(before.IsDeadlineProvisional, after.IsDeadlineProvisional);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.LastEventSequence, after.LastEventSequence);
        Assert.Equal(0, await RecomputeEventsAsync(before.Id));
        Assert.Equal(before.DeadlineAt, (await HandleTaskAsync(before.Id)).DueAt);
    }

    private Task<RunResult> StartLifecycleAsync() =>
        _host.Services.GetRequiredService<WorkflowRuntime>().StartAsync("case-lifecycle", new StartOptions
        {
            Input = new Dictionary<string, object?>
            {
                ["Channel"] = "Phone",
                ["Content"] = "小区门口占道经营，影响通行",
                ["CaseType"] = "Complaint",
                ["SubjectCode"] = "SR-ROAD",
                ["CitizenName"] = "张敏",
                ["CitizenPhone"] = "13800000001",
                ["Address"] = "东湖区新华街道1号",
                ["DistrictCode"] = "990103",
                ["Urgency"] = "Normal",
            },
        });

    /// <summary>The timer bookmarks of the instance's <c>Wait For Deadline</c> activities (the escalation ladder's waits).</summary>
    private async Task<List<BookmarkRow>> DeadlineWaitsAsync(string instanceId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Bookmarks.AsNoTracking().Where(b => b.WorkflowInstanceId == instanceId && b.Name == WaitForDeadline.TypeName).ToListAsync();
    }

    private async Task<Case> CaseAsync(System.Linq.Expressions.Expression<Func<Case, bool>> which)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(which);
    }

    private async Task<InboxTask> HandleTaskAsync(Guid caseId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.InboxTasks.AsNoTracking().SingleAsync(t => t.CaseId == caseId && t.Kind == InboxTaskKind.Handle);
    }

    private async Task<CaseEvent> LastEventAsync(Guid caseId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderByDescending(e => e.Sequence).FirstAsync();
    }

    private async Task<int> RecomputeEventsAsync(Guid caseId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var data = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.DeadlineSet).Select(e => e.Data).ToListAsync();
        return data.Count(d => d is not null && JsonNode.Parse(d)!["reason"]?.GetValue<string>() == ProvisionalDeadlineRecomputer.Reason);
    }
}

/// <summary>The provisional-deadline scenarios on SQLite.</summary>
public sealed class SqliteProvisionalDeadlineTests : ProvisionalDeadlineTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The provisional-deadline scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlProvisionalDeadlineTests : ProvisionalDeadlineTests
{
    protected override bool OnPostgreSql => true;
}

/// <summary>
/// Contexts from <paramref name="inner"/>; the first one, when it saves, first lets a "workflow" give case
/// <paramref name="caseId"/> a yellow warning through another context, so that its save loses the race.
/// </summary>
internal sealed class RacingContexts(IDbContextFactory<HotlineDbContext> inner, Guid caseId, DateTimeOffset at) : IDbContextFactory<HotlineDbContext>
{
    private int _created;

    public bool Raced { get; private set; }

    public HotlineDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        if (Interlocked.Increment(ref _created) == 1)
            db.SavingChanges += RaceOnce;
        return db;
    }

    private void RaceOnce(object? sender, SavingChangesEventArgs e)
    {
        ((HotlineDbContext)sender!).SavingChanges -= RaceOnce;
        using var other = inner.CreateDbContext();
        var @case = other.Cases.Single(c => c.Id == caseId);
        @case.Warning = WarningLevel.Yellow;
        @case.Record(CaseEventKind.WarningYellow, CaseActor.System, at);
        other.SaveChanges();
        Raced = true;
    }
}
