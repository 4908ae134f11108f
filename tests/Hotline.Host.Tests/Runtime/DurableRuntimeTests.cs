using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Runtime;

/// <summary>The runtime on a real database: suspend and resume across a restart, and concurrent resumes of one instance.</summary>
public abstract class DurableRuntimeTests : IAsyncLifetime
{
    private const string TwoTasks = """
        {
          "id": "two-tasks-v1", "definitionId": "two-tasks", "name": "Two tasks", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "fork", "type": "Elsa.FlowFork", "version": 1, "branches": { "typeName": "List<String>", "expression": { "type": "Object", "value": "[\"Lead\",\"Assist\"]" } } },
              { "id": "lead", "type": "Hotline.HumanTask", "version": 1, "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Lead unit" } },
                "possibleOutcomes": { "typeName": "List<String>", "expression": { "type": "Object", "value": "[\"Completed\"]" } } },
              { "id": "assist", "type": "Hotline.HumanTask", "version": 1, "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "Assisting unit" } },
                "possibleOutcomes": { "typeName": "List<String>", "expression": { "type": "Object", "value": "[\"Completed\"]" } } },
              { "id": "join", "type": "Elsa.FlowJoin", "version": 1, "mode": { "typeName": "String", "expression": { "type": "Literal", "value": "WaitAll" } } },
              { "id": "done", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "both done" } } }
            ],
            "connections": [
              { "source": { "activity": "fork", "port": "Lead" }, "target": { "activity": "lead", "port": "In" } },
              { "source": { "activity": "fork", "port": "Assist" }, "target": { "activity": "assist", "port": "In" } },
              { "source": { "activity": "lead", "port": "Completed" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "assist", "port": "Completed" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "join", "port": "Done" }, "target": { "activity": "done", "port": "In" } }
            ] }
        }
        """;

    private readonly List<HotlineFactory> _hosts = [];

    protected abstract Task<string?> CreateDatabaseAsync();

    protected abstract HotlineFactory CreateHost(string? connectionString, HotlineFactory? sameDatabaseAs);

    private string? _connectionString;

    public async Task InitializeAsync() => _connectionString = await CreateDatabaseAsync();

    public virtual Task DisposeAsync()
    {
        foreach (var host in _hosts)
            host.Dispose();
        return Task.CompletedTask;
    }

    private HotlineFactory StartHost(HotlineFactory? sameDatabaseAs = null)
    {
        var host = CreateHost(_connectionString, sameDatabaseAs);
        _hosts.Add(host);
        _ = host.Server;
        return host;
    }

    [Fact]
    public async Task Should_resume_where_it_stopped_When_the_host_restarts_between_suspend_and_resume()
    {
        var first = StartHost();
        await first.PublishAsync(TwoTasks);
        var started = await first.Services.GetRequiredService<WorkflowRuntime>().StartAsync("two-tasks", new StartOptions { CorrelationId = "20260302-000007" });
        var taskIds = started.Bookmarks.Select(b => b.Hash!).ToList();
        first.KeepDatabaseOnDispose = true;
        first.Dispose();
        _hosts.Remove(first);

        var second = StartHost(sameDatabaseAs: first);
        var runtime = second.Services.GetRequiredService<WorkflowRuntime>();
        await runtime.CompleteTaskAsync(taskIds[0], new TaskCompletion("Completed"));
        var finished = await runtime.CompleteTaskAsync(taskIds[1], new TaskCompletion("Completed"));

        Assert.Equal(2, taskIds.Count);
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        var journal = await second.Services.GetRequiredService<IWorkflowInstanceStore>().GetJournalAsync(started.InstanceId);
        Assert.Single(journal, j => j.ActivityId == "done" && j.EventName == "Completed");
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
    }

    [Fact]
    public async Task Should_apply_both_When_two_hosts_resume_different_bookmarks_of_one_instance_at_once()
    {
        var a = StartHost();
        var b = StartHost(sameDatabaseAs: a);
        await a.PublishAsync(TwoTasks);
        for (var round = 0; round < 5; round++)
        {
            var started = await a.Services.GetRequiredService<WorkflowRuntime>().StartAsync("two-tasks", new StartOptions());
            var tasks = started.Bookmarks.Select(x => x.Hash!).ToList();

            await Task.WhenAll(
                a.Services.GetRequiredService<WorkflowRuntime>().CompleteTaskAsync(tasks[0], new TaskCompletion("Completed")),
                b.Services.GetRequiredService<WorkflowRuntime>().CompleteTaskAsync(tasks[1], new TaskCompletion("Completed")));

            var store = a.Services.GetRequiredService<IWorkflowInstanceStore>();
            var instance = await store.FindAsync(started.InstanceId);
            Assert.Equal(WorkflowSubStatus.Finished, instance!.SubStatus);
            var journal = await store.GetJournalAsync(started.InstanceId);
            Assert.Single(journal, j => j.ActivityId == "lead" && j.EventName == "Resumed");
            Assert.Single(journal, j => j.ActivityId == "assist" && j.EventName == "Resumed");
            Assert.Single(journal, j => j.ActivityId == "done" && j.EventName == "Completed");
        }
    }

    [Fact]
    public async Task Should_consume_a_bookmark_once_When_two_hosts_resume_it_at_once()
    {
        var a = StartHost();
        var b = StartHost(sameDatabaseAs: a);
        await a.PublishAsync(TwoTasks);
        var started = await a.Services.GetRequiredService<WorkflowRuntime>().StartAsync("two-tasks", new StartOptions());
        var task = started.Bookmarks[0];

        var attempts = await Task.WhenAll(
            Attempt(a.Services.GetRequiredService<WorkflowRuntime>().ResumeAsync(started.InstanceId, task.Id, new TaskCompletion("Completed"))),
            Attempt(b.Services.GetRequiredService<WorkflowRuntime>().ResumeAsync(started.InstanceId, task.Id, new TaskCompletion("Completed"))));

        Assert.Single(attempts, ok => ok);
        var journal = await a.Services.GetRequiredService<IWorkflowInstanceStore>().GetJournalAsync(started.InstanceId);
        Assert.Single(journal, j => j.ActivityInstanceId == task.ActivityInstanceId && j.EventName == "Resumed");
    }

    private static async Task<bool> Attempt(Task<RunResult> resume)
    {
        try
        {
            await resume;
            return true;
        }
        catch (BookmarkNotFoundException)
        {
            return false;
        }
    }
}

public sealed class SqliteDurableRuntimeTests : DurableRuntimeTests
{
    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);

    protected override HotlineFactory CreateHost(string? connectionString, HotlineFactory? sameDatabaseAs) =>
        sameDatabaseAs is null ? new HotlineFactory() : HotlineFactory.OnSqliteFile(sameDatabaseAs.DatabasePath);
}

public sealed class PostgreSqlDurableRuntimeTests : DurableRuntimeTests
{
    private PostgresDatabase? _database;

    protected override async Task<string?> CreateDatabaseAsync()
    {
        _database = await PostgresDatabase.CreateMigratedAsync();
        return _database.ConnectionString;
    }

    protected override HotlineFactory CreateHost(string? connectionString, HotlineFactory? sameDatabaseAs) => new(connectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
