using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Inbox;
using Hotline.Host.Persistence;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Inbox;

/// <summary>The inbox dispatcher and the start-up reconciliation, on each database provider.</summary>
public abstract class InboxDispatchTests : IAsyncLifetime
{
    private const string Handle = """
        {"id":"DEFINITION_ID-v1","definitionId":"DEFINITION_ID","name":"Handle","version":1,
         "root":{"id":"flow","type":"Elsa.Flowchart","version":1,
           "activities":[
             {"id":"task","type":"Hotline.HumanTask","version":1,
              "taskName":{"typeName":"String","expression":{"type":"Literal","value":"办理"}},
              "assignee":{"typeName":"String","expression":{"type":"Literal","value":"DH-02"}},
              "possibleOutcomes":{"typeName":"List<String>","expression":{"type":"Object","value":"[\"Completed\",\"Returned\",\"ExtensionRequested\"]"}},
              "payload":{"typeName":"Object","expression":{"type":"Object","value":"PAYLOAD"}}}],
           "connections":[]}}
        """;

    private CaseDatabase _database = null!;
    private Case _case = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await CaseDatabase.CreateAsync(Provider);
        _case = await _database.Get<CaseRegistrar>().RegisterAsync(
            new CaseRegistration(CaseChannel.Phone, "小区门口占道经营", CaseType.Complaint, "SR-ZDJY", DistrictCode: "990103"), CaseActor.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private InboxTaskDispatcher Dispatcher => _database.Get<InboxTaskDispatcher>();

    [Fact]
    public void Should_BeTheEnginesTaskDispatcher_When_CasesAreAdded() =>
        Assert.Same(Dispatcher, _database.Get<ITaskDispatcher>());

    [Fact]
    public async Task Should_CreateOneOpenTaskFromThePayload_When_AWorkflowWaitsOnAHumanTask()
    {
        var runtime = _database.CreateRuntime(Dispatcher);
        var payload = new JsonObject
        {
            ["caseId"] = _case.Id.ToString(),
            ["unitCode"] = "DH",
            ["kind"] = "handle",
            ["dueAt"] = "2026-03-16T18:00:00+08:00",
            ["signDueAt"] = "2026-03-02T12:00:00+08:00",
        };

        var run = await StartAsync(runtime, payload, correlationId: null);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(bookmark.Hash, task.TaskId);
        Assert.Equal(bookmark.Id, task.BookmarkId);
        Assert.Equal(run.InstanceId, task.WorkflowInstanceId);
        Assert.Equal(_case.Id, task.CaseId);
        Assert.Equal("DH", task.UnitCode);
        Assert.Equal(InboxTaskKind.Handle, task.Kind);
        Assert.Equal(InboxTaskStatus.Open, task.Status);
        Assert.Equal("办理", task.TaskName);
        Assert.Equal(["Completed", "Returned", "ExtensionRequested"], task.PossibleOutcomes);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero), task.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero), task.SignDueAt);
        Assert.Equal(CaseDatabase.Start, task.CreatedAt);
    }

    [Fact]
    public async Task Should_KeepOneRowAndLeaveItAsItIs_When_TheSameTaskIsDispatchedAgain()
    {
        var request = Request("t-1", new JsonObject { ["caseId"] = _case.Id.ToString(), ["kind"] = "handle" });
        await Dispatcher.DispatchAsync(request, CancellationToken.None);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var task = await db.InboxTasks.SingleAsync();
            task.Sign("dh-wang", _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await Dispatcher.DispatchAsync(request, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Dispatcher.DispatchAsync(request with { TaskName = "changed" }, CancellationToken.None))));

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var stored = await read.InboxTasks.SingleAsync();
        Assert.Equal(InboxTaskStatus.SignedFor, stored.Status);
        Assert.Equal("办理", stored.TaskName);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Should_CreateTheTaskOnce_When_TheSameNewTaskIsDispatchedConcurrently()
    {
        var request = Request("t-2", new JsonObject { ["kind"] = "callback" });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Dispatcher.DispatchAsync(request, CancellationToken.None))));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        Assert.Equal(InboxTaskKind.Callback, task.Kind);
    }

    [Fact]
    public async Task Should_FindTheCaseByCorrelationOrInstance_When_ThePayloadNamesNoCase()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var @case = await db.Cases.SingleAsync();
            @case.WorkflowInstanceId = "instance-of-case";
            db.Append(@case, CaseEventKind.Classified, CaseActor.System, _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await Dispatcher.DispatchAsync(Request("by-number", null) with { CorrelationId = _case.Number }, CancellationToken.None);
        await Dispatcher.DispatchAsync(Request("by-id", null) with { CorrelationId = _case.Id.ToString() }, CancellationToken.None);
        await Dispatcher.DispatchAsync(Request("by-instance", null) with { WorkflowInstanceId = "instance-of-case" }, CancellationToken.None);
        await Dispatcher.DispatchAsync(Request("unknown-case", new JsonObject { ["caseId"] = Guid.NewGuid().ToString() }), CancellationToken.None);

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var tasks = await read.InboxTasks.ToDictionaryAsync(t => t.TaskId);
        Assert.Equal(_case.Id, tasks["by-number"].CaseId);
        Assert.Equal(_case.Id, tasks["by-id"].CaseId);
        Assert.Equal(_case.Id, tasks["by-instance"].CaseId);
        Assert.Null(tasks["unknown-case"].CaseId);
        Assert.Equal("DH-02", tasks["unknown-case"].UnitCode);
    }

    [Fact]
    public async Task Should_WriteTheInboxRowInTheCommit_When_EverythingAfterTheCommitFails()
    {
        var crashing = new CrashingTaskDispatcher();

        var run = await StartAsync(_database.CreateRuntime(crashing), new JsonObject { ["kind"] = "handle" }, correlationId: _case.Number);

        Assert.Equal(0, crashing.Calls);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        Assert.Equal(run.Bookmarks[0].Hash, task.TaskId);
        Assert.Equal(_case.Id, task.CaseId);
        Assert.Equal(InboxTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task Should_WriteNoInboxRow_When_TheCommitLosesItsRace()
    {
        var runtime = _database.CreateRuntime(Dispatcher);
        var first = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: null, instanceId: "same-instance");

        var definitionId = await PublishAsync(runtime, new JsonObject { ["kind"] = "callback" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => runtime.StartAsync(definitionId, new StartOptions { InstanceId = "same-instance" }));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        Assert.Equal(first.Bookmarks[0].Hash, task.TaskId);
    }

    [Fact]
    public async Task Should_WriteTheRowsOlderVersionsLost_When_Repairing()
    {
        var lost = await StartAsync(_database.CreateRuntime(Dispatcher), new JsonObject { ["kind"] = "handle" }, correlationId: _case.Number);
        var delivered = await StartAsync(_database.CreateRuntime(Dispatcher), new JsonObject { ["kind"] = "callback" }, correlationId: null);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            // An older version wrote the row after the commit, and died before it did.
            await db.InboxTasks.Where(t => t.TaskId == lost.Bookmarks[0].Hash).ExecuteDeleteAsync();
            Assert.Equal([delivered.Bookmarks[0].Hash!], await db.InboxTasks.Select(t => t.TaskId).ToListAsync());
        }

        var reconciler = _database.Get<InboxReconciler>();
        var dispatched = await reconciler.ReconcileAsync();
        var again = await reconciler.ReconcileAsync();

        Assert.Equal(1, dispatched);
        Assert.Equal(0, again);
        await using var read = await _database.Contexts.CreateDbContextAsync();
        var recovered = await read.InboxTasks.SingleAsync(t => t.TaskId == lost.Bookmarks[0].Hash);
        Assert.Equal(lost.InstanceId, recovered.WorkflowInstanceId);
        Assert.Equal(lost.Bookmarks[0].Id, recovered.BookmarkId);
        Assert.Equal("办理", recovered.TaskName);
        Assert.Equal("DH-02", recovered.UnitCode);
        Assert.Equal(_case.Id, recovered.CaseId);
        Assert.Equal(["Completed", "Returned", "ExtensionRequested"], recovered.PossibleOutcomes);
        Assert.Equal(2, await read.InboxTasks.CountAsync());
    }

    [Fact]
    public async Task Should_LeaveCompletedTasksAlone_When_Reconciling()
    {
        var runtime = _database.CreateRuntime(Dispatcher);
        var run = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: null);
        await runtime.CompleteTaskAsync(run.Bookmarks[0].Hash!, new TaskCompletion("Completed"));

        Assert.Equal(0, await _database.Get<InboxReconciler>().ReconcileAsync());
    }

    private static async Task<RunResult> StartAsync(WorkflowRuntime runtime, JsonObject payload, string? correlationId, string? instanceId = null)
    {
        var definitionId = await PublishAsync(runtime, payload);
        return await runtime.StartAsync(definitionId, new StartOptions { CorrelationId = correlationId, InstanceId = instanceId });
    }

    private static async Task<string> PublishAsync(WorkflowRuntime runtime, JsonObject payload)
    {
        var definitionId = $"handle-{Guid.NewGuid():N}";
        var json = Handle
            .Replace("DEFINITION_ID", definitionId, StringComparison.Ordinal)
            .Replace("\"PAYLOAD\"", System.Text.Json.JsonSerializer.Serialize(payload.ToJsonString()), StringComparison.Ordinal);
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(json));
        return definitionId;
    }

    private static TaskRequest Request(string taskId, JsonObject? payload) =>
        new(taskId, "办理", "instance-1", "task", $"bookmark-{taskId}", ["Completed", "Returned"], payload, "DH-02", null);
}

public sealed class SqliteInboxDispatchTests : InboxDispatchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlInboxDispatchTests : InboxDispatchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
