using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Api;

/// <summary>
/// One unit of work per step, measured: creating a case through <c>POST /api/cases</c> (registration, duplicate check,
/// routing, deadline, the first inbox task, the escalation ladder's first wait) takes one database context per workflow
/// burst plus the request's own.
/// </summary>
public abstract class CaseCreationUnitOfWorkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ContextLeaseCounter _counter = new();
    private PostgresDatabase? _postgres;
    private HotlineFactory _factory = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _postgres = OnPostgreSql ? await PostgresDatabase.CreateMigratedAsync() : null;
        _factory = new HotlineFactory(_postgres?.ConnectionString) { TestServices = _counter.Wrap };
        _factory.Clock.Advance(Monday - _factory.Clock.GetUtcNow());
        await ApiCity.SeedAsync(_factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Should_take_one_context_per_burst_and_one_for_the_request_When_a_case_is_created()
    {
        using var integrator = _factory.CreateIntegratorClient();
        // Warm up: the first request compiles and caches the definitions.
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint("第一件"))).EnsureSuccessStatusCode();

        _counter.Counting = true;
        using var response = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint("第二件：小区门口占道经营"));
        _counter.Counting = false;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var instanceId = await db.Cases.Where(c => c.Number == number).Select(c => c.WorkflowInstanceId).SingleAsync();
        var bursts = await db.WorkflowHistory.CountAsync(h => h.WorkflowInstanceId == instanceId);
        Assert.Equal(1, bursts);
        // The notification poller reads the database on its own clock, whatever the request does: not the case's work.
        var leases = _counter.Leases.Where(l => !l.StartsWith("NotificationPoller", StringComparison.Ordinal)).ToList();
        Assert.True(leases.Count <= bursts + 1, $"{leases.Count} contexts for {bursts} burst(s):\n{string.Join("\n", leases)}");
    }
}

public sealed class SqliteCaseCreationUnitOfWorkTests : CaseCreationUnitOfWorkTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlCaseCreationUnitOfWorkTests : CaseCreationUnitOfWorkTests
{
    protected override bool OnPostgreSql => true;
}
