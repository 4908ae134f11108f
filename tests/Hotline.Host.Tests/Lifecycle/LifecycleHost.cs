using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The host with the definitions of <c>definitions/</c> seeded, and helpers to start and read cases.</summary>
public sealed class LifecycleHost : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;

    private LifecycleHost(DateTimeOffset now, PostgresDatabase? postgres, Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null)
    {
        _postgres = postgres;
        Factory = new HotlineFactory(postgres?.ConnectionString) { TestServices = services, Settings = settings ?? [] };
        Factory.Clock.Advance(now - Factory.Clock.GetUtcNow());
        _ = Factory.Services;
    }

    /// <summary>The host on SQLite, or on a new PostgreSQL database, with the clock set to <paramref name="now"/>.</summary>
    public static async Task<LifecycleHost> StartAsync(DateTimeOffset now, bool postgres = false) =>
        new(now, postgres ? await PostgresDatabase.CreateMigratedAsync() : null);

    /// <summary>The same, with a test's changes to the services (e.g. smaller limits).</summary>
    public static async Task<LifecycleHost> StartAsync(DateTimeOffset now, bool postgres, Action<IServiceCollection> services) =>
        new(now, postgres ? await PostgresDatabase.CreateMigratedAsync() : null, services);

    /// <summary>The same, with a test's own settings (e.g. an SMS gateway).</summary>
    public static async Task<LifecycleHost> StartAsync(DateTimeOffset now, bool postgres, Dictionary<string, string?> settings) =>
        new(now, postgres ? await PostgresDatabase.CreateMigratedAsync() : null, null, settings);

    public HotlineFactory Factory { get; }

    public WorkflowRuntime Runtime => Factory.Services.GetRequiredService<WorkflowRuntime>();

    public IDbContextFactory<HotlineDbContext> Contexts => Factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    public static string DefinitionPath(string definitionId) => SharedFiles.RepositoryPath("definitions", definitionId + ".json");

    public async Task<RunResult> StartCaseAsync(string caseType, string content, string? knowledgeArticleId = null, string urgency = "Normal", string phone = "13800000001", string subjectCode = "SR-TEST", string districtCode = "990103")
    {
        var result = await Runtime.StartAsync("case-lifecycle", new StartOptions
        {
            Input = new Dictionary<string, object?>
            {
                ["Channel"] = "Phone",
                ["Content"] = content,
                ["CaseType"] = caseType,
                ["SubjectCode"] = subjectCode,
                ["CitizenName"] = "张敏",
                ["CitizenPhone"] = phone,
                ["Address"] = "东湖区新华街道1号",
                ["DistrictCode"] = districtCode,
                ["Urgency"] = urgency,
                ["KnowledgeArticleId"] = knowledgeArticleId,
            },
        });
        Assert.True(result.Incidents.Count == 0, string.Join("\n", result.Incidents.Select(i => i.Message)));
        return result;
    }

    public async Task<Case> CaseOfAsync(string instanceId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.WorkflowInstanceId == instanceId);
    }

    public async Task<List<CaseEventKind>> TimelineAsync(Guid caseId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
    }

    public Hotline.Domain.Inbox.InboxService Inbox => Factory.Services.GetRequiredService<Hotline.Domain.Inbox.InboxService>();

    /// <summary>The pending tasks in a unit's inbox, oldest first.</summary>
    public async Task<List<Hotline.Domain.Inbox.InboxTask>> PendingTasksAsync(string unitCode)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tasks = await db.InboxTasks.AsNoTracking()
            .Where(t => t.UnitCode == unitCode && (t.Status == Hotline.Domain.Inbox.InboxTaskStatus.Open || t.Status == Hotline.Domain.Inbox.InboxTaskStatus.SignedFor))
            .ToListAsync();
        return tasks.OrderBy(t => t.CreatedAt).ToList();
    }

    /// <summary>Completes the one pending task of a unit (signing for it first, as a unit does) and checks the run had no incident.</summary>
    public async Task<RunResult> ActAsync(string unitCode, string outcome, object? result = null, bool centre = false)
    {
        var task = Assert.Single(await PendingTasksAsync(unitCode));
        var actor = new Hotline.Domain.Inbox.InboxActor(unitCode + "-user", unitCode + " 经办人", centre ? null : unitCode);
        await Inbox.SignAsync(task.TaskId, actor);
        var json = result is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(result)!.AsObject();
        var run = await Inbox.CompleteAsync(task.TaskId, actor, outcome, json);
        Assert.True(run.Incidents.Count == 0, string.Join("\n", run.Incidents.Select(i => i.Message)));
        return run;
    }

    /// <summary>Moves the clock to <paramref name="at"/> and fires the timers due by then.</summary>
    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        Factory.Clock.Advance(at - Factory.Clock.GetUtcNow());
        await Runtime.ResumeDueTimersAsync(at);
    }

    /// <summary>The timeline as (kind, data) pairs.</summary>
    public async Task<List<CaseEvent>> EventsAsync(Guid caseId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
