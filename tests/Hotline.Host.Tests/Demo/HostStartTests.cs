using Hotline.Domain.Inbox;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Domain.Routing;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Demo;

/// <summary>What the host does with the case domain when it starts.</summary>
public sealed class HostStartTests : IDisposable
{
    private readonly HotlineFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Should_LoadNoReferenceData_When_TheHostStartsOnAnEmptyDatabase()
    {
        _ = _host.Server;

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.HandlingUnits.CountAsync());
        Assert.Equal(0, await db.Subjects.CountAsync());
        Assert.Equal(0, await db.RoutingRules.CountAsync());
        Assert.Equal(0, await db.KnowledgeArticles.CountAsync());
    }

    [Fact]
    public void Should_RunEveryBurstInTheDatabasesUnitOfWork_When_TheHostRuns()
    {
        _ = _host.Server;

        Assert.IsType<DatabaseBurstScopeFactory>(_host.Services.GetRequiredService<IBurstScopeFactory>());
        Assert.IsType<DatabaseBurstScopeFactory>(_host.Services.GetRequiredService<WorkflowRuntime>().Bursts);
    }
}
