using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Persistence;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The store queries added for the designer answer the same on the memory stores (their default implementations) and
/// on the database (EF Core on SQLite and PostgreSQL): the instance list's search and the definition versions' listing
/// and deletion.
/// </summary>
public abstract class ElsaStoreQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly List<IAsyncDisposable> _disposables = [];
    private ServiceProvider _services = null!;

    /// <summary>A migrated database of the test's own.</summary>
    protected abstract Task<ServiceProvider> CreateMigratedServicesAsync();

    /// <summary>Disposed after the test.</summary>
    protected void DisposeLater(IAsyncDisposable disposable) => _disposables.Add(disposable);

    public async Task InitializeAsync() => _services = await CreateMigratedServicesAsync();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        foreach (var disposable in _disposables)
            await disposable.DisposeAsync();
    }

    private static WorkflowInstance Instance(string id, string definitionId, WorkflowSubStatus subStatus, DateTimeOffset createdAt, string? name = null, int incidents = 0, string? correlationId = null) => new()
    {
        Id = id,
        DefinitionId = definitionId,
        DefinitionVersionId = definitionId + "-v1",
        Version = 1,
        Name = name ?? definitionId,
        CorrelationId = correlationId,
        Status = subStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted ? WorkflowStatus.Finished : WorkflowStatus.Running,
        SubStatus = subStatus,
        CreatedAt = createdAt,
        UpdatedAt = createdAt.AddMinutes(1),
        FinishedAt = subStatus == WorkflowSubStatus.Finished ? createdAt.AddHours(1) : null,
        IncidentCount = incidents,
        Revision = 1,
    };

    public static TheoryData<string> Searches() => new() { "all", "definitions", "statuses", "sub-statuses", "search", "search-case", "incidents", "created-is", "finished-after", "by-name", "page", "versions" };

    private static InstanceSearch Search(string name) => name switch
    {
        "definitions" => new InstanceSearch { DefinitionIds = ["case-lifecycle", "callback"] },
        "statuses" => new InstanceSearch { Statuses = [WorkflowStatus.Finished] },
        "sub-statuses" => new InstanceSearch { SubStatuses = [WorkflowSubStatus.Suspended, WorkflowSubStatus.Faulted] },
        "search" => new InstanceSearch { SearchTerm = "20260302" },
        "search-case" => new InstanceSearch { SearchTerm = "LIFECYCLE" },
        "incidents" => new InstanceSearch { HasIncidents = true },
        "created-is" => new InstanceSearch { Timestamps = [new InstanceTimestampFilter(InstanceTimestamp.CreatedAt, TimestampOperator.Is, Monday)] },
        "finished-after" => new InstanceSearch { Timestamps = [new InstanceTimestampFilter(InstanceTimestamp.FinishedAt, TimestampOperator.GreaterThanOrEqual, Monday)] },
        "by-name" => new InstanceSearch { OrderBy = InstanceOrder.Name, Descending = false },
        "page" => new InstanceSearch { Skip = 1, Take = 2, Descending = false },
        "versions" => new InstanceSearch { DefinitionVersionIds = ["callback-v1"], Version = 1 },
        _ => new InstanceSearch(),
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Should_answer_the_same_on_memory_and_database_When_the_instance_list_searches(string name)
    {
        var memory = new MemoryWorkflowInstanceStore();
        var database = _services.GetRequiredService<IWorkflowInstanceStore>();
        WorkflowInstance[] instances =
        [
            Instance("a", "case-lifecycle", WorkflowSubStatus.Suspended, Monday, name: "Case Lifecycle", correlationId: "20260302-000001"),
            Instance("b", "case-lifecycle", WorkflowSubStatus.Finished, Monday.AddHours(2), name: "Case Lifecycle"),
            Instance("c", "callback", WorkflowSubStatus.Faulted, Monday.AddDays(-1), incidents: 1),
            Instance("d", "accept", WorkflowSubStatus.Suspended, Monday.AddDays(1), name: "Accept"),
        ];
        foreach (var instance in instances)
        {
            var commit = new WorkflowCommit(instance, 0, [], [], [], []);
            await memory.CommitAsync(commit);
            await database.CommitAsync(commit);
        }

        var search = Search(name);
        var fromMemory = await ((IWorkflowInstanceStore)memory).SearchAsync(search);
        var fromDatabase = await database.SearchAsync(search);

        Assert.Equal(fromMemory.TotalCount, fromDatabase.TotalCount);
        Assert.Equal(fromMemory.Items.Select(i => i.Id), fromDatabase.Items.Select(i => i.Id));
        Assert.Equal(fromMemory.Items.Select(i => (i.SubStatus, i.CreatedAt, i.FinishedAt, i.IncidentCount)), fromDatabase.Items.Select(i => (i.SubStatus, i.CreatedAt, i.FinishedAt, i.IncidentCount)));
        Assert.NotEqual(0, fromDatabase.TotalCount);
    }

    [Fact]
    public async Task Should_list_every_version_and_delete_one_When_the_designer_manages_versions_on_memory_and_database()
    {
        IWorkflowDefinitionStore[] stores = [new MemoryWorkflowDefinitionStore(), _services.GetRequiredService<IWorkflowDefinitionStore>()];
        foreach (var store in stores)
        {
            await store.SaveAsync([Definition("b", "b-v1", 1, latest: true), Definition("a", "a-v1", 1, latest: false), Definition("a", "a-v2", 2, latest: true)]);

            Assert.Equal(["a-v1", "a-v2", "b-v1"], (await store.ListAllVersionsAsync()).Select(v => v.Id));
            Assert.True(await store.DeleteVersionAsync("a-v1"));
            Assert.False(await store.DeleteVersionAsync("a-v1"));
            Assert.Equal(["a-v2"], (await store.ListVersionsAsync("a")).Select(v => v.Id));
            Assert.Equal(["a-v2", "b-v1"], (await store.ListAllVersionsAsync()).Select(v => v.Id));
        }
    }

    [Fact]
    public async Task Should_delete_ended_instances_and_keep_running_ones_When_the_designer_deletes_on_memory_and_database()
    {
        IWorkflowInstanceStore[] stores = [new MemoryWorkflowInstanceStore(), _services.GetRequiredService<IWorkflowInstanceStore>()];
        foreach (var store in stores)
        {
            foreach (var instance in new[] { Instance("open", "case-lifecycle", WorkflowSubStatus.Suspended, Monday), Instance("done", "case-lifecycle", WorkflowSubStatus.Cancelled, Monday) })
                await store.CommitAsync(new WorkflowCommit(instance, 0, [], [], [], []));

            Assert.Equal(InstanceDeletion.Running, await store.DeleteEndedAsync("open"));
            Assert.Equal(InstanceDeletion.Deleted, await store.DeleteEndedAsync("done"));
            Assert.Equal(InstanceDeletion.NotFound, await store.DeleteEndedAsync("done"));
            Assert.Equal(["open"], (await store.SearchAsync(new InstanceSearch())).Items.Select(i => i.Id));
        }
    }

    private static WorkflowDefinition Definition(string definitionId, string id, int version, bool latest) => WorkflowDefinitionReader.Parse($$$"""
        {"id":"{{{id}}}","definitionId":"{{{definitionId}}}","name":"{{{definitionId}}}","version":{{{version}}},"isLatest":{{{(latest ? "true" : "false")}}},"isPublished":false,
         "createdAt":"2026-03-02T01:00:00+00:00","root":{"id":"flow","type":"Elsa.Flowchart","version":1,"activities":[],"connections":[] } }
        """);
}

/// <summary>On a SQLite file of its own per test.</summary>
public sealed class SqliteElsaStoreQueryTests : ElsaStoreQueryTests
{
    protected override async Task<ServiceProvider> CreateMigratedServicesAsync()
    {
        var directory = new TempDirectory();
        DisposeLater(directory);
        return await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(directory.Path, "hotline.db"));
    }
}

/// <summary>On a PostgreSQL database of its own per test (<see cref="PostgresDatabase"/>).</summary>
public sealed class PostgreSqlElsaStoreQueryTests : ElsaStoreQueryTests
{
    protected override async Task<ServiceProvider> CreateMigratedServicesAsync()
    {
        var database = await PostgresDatabase.CreateMigratedAsync();
        DisposeLater(database);
        return await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
    }
}
