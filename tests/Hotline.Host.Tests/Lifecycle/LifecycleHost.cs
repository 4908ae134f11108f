using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The host with the definitions of <c>definitions/</c> seeded, and helpers to start and read cases.</summary>
public sealed class LifecycleHost : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;

    private LifecycleHost(DateTimeOffset now, PostgresDatabase? postgres)
    {
        _postgres = postgres;
        Factory = new HotlineFactory(postgres?.ConnectionString);
        Factory.Clock.Advance(now - Factory.Clock.GetUtcNow());
        _ = Factory.Services;
    }

    /// <summary>The host on SQLite, or on a new PostgreSQL database, with the clock set to <paramref name="now"/>.</summary>
    public static async Task<LifecycleHost> StartAsync(DateTimeOffset now, bool postgres = false) =>
        new(now, postgres ? await PostgresDatabase.CreateAsync() : null);

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

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
