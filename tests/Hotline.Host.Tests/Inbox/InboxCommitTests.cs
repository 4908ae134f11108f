using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Inbox;

/// <summary>Inbox rows written by the burst that creates the task, in its commit, on each database provider.</summary>
public abstract class InboxCommitTests : IAsyncLifetime
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
        _case = await _database.Registrar.RegisterAsync(
            new CaseRegistration(CaseChannel.Phone, "小区门口占道经营", CaseType.Complaint, "SR-ZDJY", DistrictCode: "990103"), CaseActor.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_CreateOneOpenTaskFromThePayload_When_AWorkflowWaitsOnAHumanTask()
    {
        var runtime = _database.CreateRuntime();
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
    public async Task Should_FindTheCaseByCorrelation_When_ThePayloadNamesNoCase()
    {
        var runtime = _database.CreateRuntime();

        var byNumber = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: _case.Number);
        var byId = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: _case.Id.ToString());
        var unknown = await StartAsync(runtime, new JsonObject { ["caseId"] = Guid.NewGuid().ToString() }, correlationId: null);

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var tasks = await read.InboxTasks.ToDictionaryAsync(t => t.WorkflowInstanceId);
        Assert.Equal(_case.Id, tasks[byNumber.InstanceId].CaseId);
        Assert.Equal(_case.Id, tasks[byId.InstanceId].CaseId);
        Assert.Null(tasks[unknown.InstanceId].CaseId);
        Assert.Equal("DH-02", tasks[unknown.InstanceId].UnitCode);
    }

    [Fact]
    public async Task Should_KeepTheInboxRowAndItsCase_When_TheProcessDiesRightAfterTheCommit()
    {
        var crashing = new CrashAfterCommit(_database.Get<IBurstScopeFactory>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(_database.CreateRuntime(crashing), new JsonObject { ["kind"] = "handle" }, correlationId: _case.Number));

        Assert.Equal(1, crashing.Commits);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        var bookmark = await db.Bookmarks.SingleAsync(b => b.Name == HumanTask.BookmarkName);
        Assert.Equal(bookmark.Hash, task.TaskId);
        Assert.Equal(bookmark.Id, task.BookmarkId);
        Assert.Equal(_case.Id, task.CaseId);
        Assert.Equal(InboxTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task Should_CompleteTheRowInTheResumesCommit_When_TheTaskIsCompleted()
    {
        var runtime = _database.CreateRuntime();
        var run = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: null);

        await runtime.CompleteTaskAsync(run.Bookmarks[0].Hash!, new TaskCompletion("Completed", null, "dh-wang"));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        Assert.Equal((InboxTaskStatus.Completed, "Completed", "dh-wang"), (task.Status, task.Outcome, task.CompletedBy));
    }

    [Fact]
    public async Task Should_WriteNoInboxRow_When_TheCommitLosesItsRace()
    {
        var runtime = _database.CreateRuntime();
        var first = await StartAsync(runtime, new JsonObject { ["kind"] = "handle" }, correlationId: null, instanceId: "same-instance");

        var definitionId = await PublishAsync(runtime, new JsonObject { ["kind"] = "callback" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => runtime.StartAsync(definitionId, new StartOptions { InstanceId = "same-instance" }));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var task = await db.InboxTasks.SingleAsync();
        Assert.Equal(first.Bookmarks[0].Hash, task.TaskId);
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

}

public sealed class SqliteInboxCommitTests : InboxCommitTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlInboxCommitTests : InboxCommitTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
