using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// What every <see cref="IWorkflowDefinitionStore"/> and <see cref="IWorkflowInstanceStore"/> must do, written once
/// and run against each implementation by a subclass that creates empty stores for every test.
/// </summary>
public abstract class WorkflowStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Stack<IAsyncDisposable> _cleanup = new();

    private IWorkflowDefinitionStore Definitions { get; set; } = null!;

    protected IWorkflowInstanceStore Instances { get; private set; } = null!;

    /// <summary>Creates empty stores; register what must be disposed afterwards with <see cref="DisposeLater"/>.</summary>
    protected abstract Task<(IWorkflowDefinitionStore Definitions, IWorkflowInstanceStore Instances)> CreateStoresAsync();

    protected void DisposeLater(IAsyncDisposable disposable) => _cleanup.Push(disposable);

    public async Task InitializeAsync() => (Definitions, Instances) = await CreateStoresAsync();

    public async Task DisposeAsync()
    {
        while (_cleanup.TryPop(out var disposable))
            await disposable.DisposeAsync();
    }

    // --- definitions ---------------------------------------------------------------------------

    [Fact]
    public async Task Should_FindPublishedAndLatestVersions_When_VersionsAreSaved()
    {
        await Definitions.SaveAsync([Definition("v1", "d1", 1, latest: false, published: true), Definition("v2", "d1", 2, latest: true, published: false)]);

        Assert.Equal("v1", (await Definitions.FindPublishedAsync("d1"))?.Id);
        Assert.Equal("v2", (await Definitions.FindLatestAsync("d1"))?.Id);
        Assert.Equal(2, (await Definitions.FindByVersionIdAsync("v2"))?.Version);
        Assert.Equal(["v1", "v2"], (await Definitions.ListVersionsAsync("d1")).Select(d => d.Id));
        Assert.Null(await Definitions.FindPublishedAsync("unknown"));
        Assert.Null(await Definitions.FindByVersionIdAsync("unknown"));
    }

    [Fact]
    public async Task Should_KeepTheWholeDocument_When_DefinitionIsSavedAndRead()
    {
        var definition = Definition("v1", "d1", 1, latest: true, published: true);
        definition.Document["customProperties"] = new JsonObject { ["owner"] = "hotline", ["positions"] = new JsonArray(1, 2) };

        await Definitions.SaveAsync([definition]);
        var read = await Definitions.FindByVersionIdAsync("v1");

        Assert.NotNull(read);
        Assert.True(JsonNode.DeepEquals(definition.Document, read.Document));
    }

    [Fact]
    public async Task Should_UpdateVersionInPlace_When_SavedAgainWithTheSameVersionId()
    {
        await Definitions.SaveAsync([Definition("v1", "d1", 1, latest: true, published: true)]);

        var v1 = Definition("v1", "d1", 1, latest: false, published: true, name: "Renamed");
        await Definitions.SaveAsync([v1, Definition("v2", "d1", 2, latest: true, published: false)]);

        var versions = await Definitions.ListVersionsAsync("d1");
        Assert.Equal(["v1", "v2"], versions.Select(d => d.Id));
        Assert.False(versions[0].IsLatest);
        Assert.Equal("Renamed", versions[0].Name);
        Assert.Equal(["v2"], (await Definitions.ListLatestAsync()).Where(d => d.DefinitionId == "d1").Select(d => d.Id));
    }

    [Fact]
    public async Task Should_ListLatestVersionOfEveryDefinition_When_DefinitionsHaveSeveralVersions()
    {
        await Definitions.SaveAsync([
            Definition("a1", "a", 1, latest: false, published: true),
            Definition("a2", "a", 2, latest: true, published: false),
            Definition("b1", "b", 1, latest: true, published: true),
        ]);

        Assert.Equal(["a2", "b1"], (await Definitions.ListLatestAsync()).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_ListOnlyPublishedDefinitionsUsableAsActivities_When_Asked()
    {
        await Definitions.SaveAsync([
            Definition("a1", "a", 1, latest: true, published: true, usableAsActivity: true),
            Definition("b1", "b", 1, latest: true, published: false, usableAsActivity: true),
            Definition("c1", "c", 1, latest: true, published: true, usableAsActivity: false),
        ]);

        Assert.Equal(["a1"], (await Definitions.ListUsableAsActivitiesAsync()).Select(d => d.Id));
    }

    [Fact]
    public async Task Should_RemoveEveryVersionOfOneDefinition_When_Deleted()
    {
        await Definitions.SaveAsync([
            Definition("a1", "a", 1, latest: false, published: true),
            Definition("a2", "a", 2, latest: true, published: false),
            Definition("b1", "b", 1, latest: true, published: true),
        ]);

        Assert.Equal(2, await Definitions.DeleteAsync("a"));

        Assert.Empty(await Definitions.ListVersionsAsync("a"));
        Assert.Null(await Definitions.FindLatestAsync("a"));
        Assert.Equal("b1", (await Definitions.FindPublishedAsync("b"))?.Id);
        Assert.Equal(0, await Definitions.DeleteAsync("a"));
    }

    // --- instances ----------------------------------------------------------------------------

    [Fact]
    public async Task Should_ReadBackEveryField_When_NewInstanceIsCommitted()
    {
        var instance = Instance("i1", revision: 1, step: "start", correlationId: "case-7");
        instance.FinishedAt = T0.AddHours(1);
        instance.IncidentCount = 2;

        await Instances.CommitAsync(Commit(instance, expectedRevision: 0));
        var read = await Instances.FindAsync("i1");

        Assert.NotNull(read);
        Assert.Equal(("d1", "d1-v1", 1, "Case lifecycle", "case-7"), (read.DefinitionId, read.DefinitionVersionId, read.Version, read.Name, read.CorrelationId));
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended), (read.Status, read.SubStatus));
        Assert.Equal((T0, T0.AddMinutes(1), T0.AddHours(1)), (read.CreatedAt, read.UpdatedAt, read.FinishedAt));
        Assert.Equal((2, 1L), (read.IncidentCount, read.Revision));
        Assert.True(JsonNode.DeepEquals(instance.State, read.State));
        Assert.Null(await Instances.FindAsync("unknown"));
    }

    [Fact]
    public async Task Should_StoreTheNewRevision_When_CommittedFromTheCurrentRevision()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "start"), expectedRevision: 0));

        var next = Instance("i1", revision: 2, step: "next");
        next.Status = WorkflowStatus.Finished;
        next.SubStatus = WorkflowSubStatus.Finished;
        await Instances.CommitAsync(Commit(next, expectedRevision: 1));

        var read = await Instances.FindAsync("i1");
        Assert.NotNull(read);
        Assert.Equal(2, read.Revision);
        Assert.Equal("next", read.State["step"]?.GetValue<string>());
        Assert.Equal(WorkflowSubStatus.Finished, read.SubStatus);
    }

    [Fact]
    public async Task Should_StoreEveryChangedField_When_CommittedWithTheRevisionItStartedFrom()
    {
        var first = Instance("i1", revision: 1, step: "start", correlationId: "case-7");
        await Instances.CommitAsync(Commit(first, expectedRevision: 0));

        var next = Instance("i1", revision: 2, step: "end", correlationId: "case-8");
        (next.Status, next.SubStatus, next.FinishedAt, next.IncidentCount, next.UpdatedAt) =
            (WorkflowStatus.Finished, WorkflowSubStatus.Faulted, T0.AddHours(2), 1, T0.AddHours(2));
        await Instances.CommitAsync(Commit(next, expectedRevision: 1) with { Previous = await Instances.FindAsync("i1") });

        var read = await Instances.FindAsync("i1");
        Assert.NotNull(read);
        Assert.Equal(("d1", "d1-v1", 1, "Case lifecycle", "case-8"), (read.DefinitionId, read.DefinitionVersionId, read.Version, read.Name, read.CorrelationId));
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (read.Status, read.SubStatus));
        Assert.Equal((T0, T0.AddHours(2), T0.AddHours(2)), (read.CreatedAt, read.UpdatedAt, read.FinishedAt));
        Assert.Equal((1, 2L), (read.IncidentCount, read.Revision));
        Assert.Equal("end", read.State["step"]?.GetValue<string>());
        // The list filters read the changed columns too.
        Assert.Equal(["i1"], (await Instances.ListAsync(new InstanceQuery(SubStatus: WorkflowSubStatus.Faulted, CorrelationId: "case-8"))).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Should_KeepTheUnchangedFields_When_CommittedWithTheRevisionItStartedFrom()
    {
        var first = Instance("i1", revision: 1, step: "start", correlationId: "case-7");
        first.IncidentCount = 3;
        await Instances.CommitAsync(Commit(first, expectedRevision: 0));

        var next = Instance("i1", revision: 2, step: "next", correlationId: "case-7");
        next.IncidentCount = 3;
        await Instances.CommitAsync(Commit(next, expectedRevision: 1) with { Previous = await Instances.FindAsync("i1") });

        var read = await Instances.FindAsync("i1");
        Assert.NotNull(read);
        Assert.Equal(("d1", "d1-v1", 1, "Case lifecycle", "case-7"), (read.DefinitionId, read.DefinitionVersionId, read.Version, read.Name, read.CorrelationId));
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended, (DateTimeOffset?)null), (read.Status, read.SubStatus, read.FinishedAt));
        Assert.Equal((3, 2L, "next"), (read.IncidentCount, read.Revision, read.State["step"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Should_ThrowConflictAndSaveNothingOfTheCommit_When_ExpectedRevisionIsStale()
    {
        var waiting = Bookmark("b-wait", "Elsa.Event", "approved");
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "start"), expectedRevision: 0,
            added: [waiting], journal: [Journal("i1", 1)], records: [Record("i1", "r1", ActivityStatus.Running)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "winner"), expectedRevision: 1, journal: [Journal("i1", 2)]));

        var stale = Commit(Instance("i1", revision: 2, step: "loser"), expectedRevision: 1,
            added: [Bookmark("b-loser", "Elsa.Event", "loser")],
            removed: [waiting],
            journal: [Journal("i1", 3), Journal("i1", 4)],
            records: [Record("i1", "r1", ActivityStatus.Completed), Record("i1", "r-loser", ActivityStatus.Running)]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Instances.CommitAsync(stale));

        Assert.Equal(("i1", 1L), (conflict.InstanceId, conflict.ExpectedRevision));
        var read = await Instances.FindAsync("i1");
        Assert.Equal("winner", read?.State["step"]?.GetValue<string>());
        Assert.Equal([1L, 2L], (await Instances.GetJournalAsync("i1")).Select(j => j.Sequence));
        Assert.Empty(await Instances.FindBookmarksAsync("Elsa.Event", "loser"));
        Assert.Equal(["b-wait"], (await Instances.FindBookmarksAsync("Elsa.Event", "approved")).Select(b => b.BookmarkId));
        var record = Assert.Single(await Instances.GetRecordsAsync("i1"));
        Assert.Equal(("r1", ActivityStatus.Running), (record.Id, record.Status));
    }

    [Fact]
    public async Task Should_ThrowConflictAndSaveNothingOfTheCommit_When_NewInstanceIdExists()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "first"), expectedRevision: 0));

        var duplicate = Commit(Instance("i1", revision: 1, step: "second"), expectedRevision: 0,
            added: [Bookmark("b1", "Elsa.Event", "x")], journal: [Journal("i1", 1)]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Instances.CommitAsync(duplicate));

        Assert.Equal("first", (await Instances.FindAsync("i1"))?.State["step"]?.GetValue<string>());
        Assert.Empty(await Instances.GetJournalAsync("i1"));
        Assert.Empty(await Instances.FindBookmarksAsync("Elsa.Event", "x"));
    }

    [Fact]
    public async Task Should_ThrowConflict_When_UpdatingAnInstanceThatWasNeverSaved()
    {
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Instances.CommitAsync(Commit(Instance("ghost", revision: 4, step: "x"), expectedRevision: 3)));

        Assert.Null(await Instances.FindAsync("ghost"));
    }

    [Fact]
    public async Task Should_LetExactlyOneCommitWin_When_TwoCommitsStartFromTheSameRevision()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "start"), expectedRevision: 0, journal: [Journal("i1", 1)]));
        WorkflowCommit Contender(string name) => Commit(Instance("i1", revision: 2, step: name), expectedRevision: 1,
            added: [Bookmark($"b-{name}", "Elsa.Event", name)], journal: [Journal("i1", 2, $"j-{name}")]);

        var results = await Task.WhenAll(TryCommitAsync(Contender("a")), TryCommitAsync(Contender("b")));

        Assert.Single(results, r => r is null);
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, r => r is not null));
        var read = await Instances.FindAsync("i1");
        Assert.NotNull(read);
        Assert.Equal(2, read.Revision);
        var winner = read.State["step"]!.GetValue<string>();
        var loser = winner == "a" ? "b" : "a";
        Assert.Equal(["j-i1-1", $"j-{winner}"], (await Instances.GetJournalAsync("i1")).Select(j => j.Id));
        Assert.Single(await Instances.FindBookmarksAsync("Elsa.Event", winner));
        Assert.Empty(await Instances.FindBookmarksAsync("Elsa.Event", loser));
    }

    [Fact]
    public async Task Should_LetExactlyOneCommitWin_When_TwoCommitsCreateTheSameInstance()
    {
        WorkflowCommit Contender(string name) => Commit(Instance("i1", revision: 1, step: name), expectedRevision: 0, journal: [Journal("i1", 1, $"j-{name}")]);

        var results = await Task.WhenAll(TryCommitAsync(Contender("a")), TryCommitAsync(Contender("b")));

        Assert.Single(results, r => r is null);
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, r => r is not null));
        var winner = (await Instances.FindAsync("i1"))!.State["step"]!.GetValue<string>();
        Assert.Equal([$"j-{winner}"], (await Instances.GetJournalAsync("i1")).Select(j => j.Id));
    }

    // --- bookmarks ----------------------------------------------------------------------------

    [Fact]
    public async Task Should_FindBookmarksByNameAndHash_When_AddedAndNotAfterRemoved()
    {
        var approved = Bookmark("b1", "Elsa.Event", "approved");
        var rejected = Bookmark("b2", "Elsa.Event", "rejected");
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "wait", correlationId: "case-1"), expectedRevision: 0, added: [approved, rejected]));
        await Instances.CommitAsync(Commit(Instance("i2", revision: 1, step: "wait", correlationId: "case-2"), expectedRevision: 0, added: [Bookmark("b3", "Elsa.Event", "approved")]));

        var found = Assert.Single(await Instances.FindBookmarksAsync("Elsa.Event", "approved", correlationId: "case-1"));
        Assert.Equal(new BookmarkRef("b1", "i1", "Elsa.Event", "approved", null, "case-1"), found);
        Assert.Equal(["b1", "b3"], (await Instances.FindBookmarksAsync("Elsa.Event", "approved")).Select(b => b.BookmarkId).Order(StringComparer.Ordinal));
        Assert.Equal(["b3"], (await Instances.FindBookmarksAsync("Elsa.Event", "approved", instanceId: "i2")).Select(b => b.BookmarkId));
        Assert.Equal(["b1", "b2"], (await Instances.FindBookmarksAsync("Elsa.Event", null, instanceId: "i1")).Select(b => b.BookmarkId).Order(StringComparer.Ordinal));
        Assert.Empty(await Instances.FindBookmarksAsync("Elsa.Delay", "approved"));

        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "resumed", correlationId: "case-1"), expectedRevision: 1, removed: [approved]));

        Assert.Empty(await Instances.FindBookmarksAsync("Elsa.Event", "approved", instanceId: "i1"));
        Assert.Single(await Instances.FindBookmarksAsync("Elsa.Event", "rejected", instanceId: "i1"));
    }

    [Fact]
    public async Task Should_SaveAndRemoveEveryBookmark_When_ABurstHasHundredsOfThem()
    {
        var many = Enumerable.Range(0, 250).Select(n => Bookmark($"b-{n:D3}", "Elsa.Event", $"e-{n:D3}")).ToList();
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "fan out"), expectedRevision: 0, added: many));

        Assert.Equal(many.Select(b => b.Id), (await Instances.FindBookmarksAsync("Elsa.Event", null, instanceId: "i1")).Select(b => b.BookmarkId).Order(StringComparer.Ordinal));

        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "joined"), expectedRevision: 1, added: [Bookmark("b-next", "Elsa.Event", "next")], removed: many));

        Assert.Equal(["b-next"], (await Instances.FindBookmarksAsync("Elsa.Event", null, instanceId: "i1")).Select(b => b.BookmarkId));
    }

    [Fact]
    public async Task Should_ReturnDueTimersEarliestFirst_When_TheirResumeTimeHasCome()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "wait"), expectedRevision: 0, added: [
            Bookmark("t3", "Elsa.Delay", null, resumeAt: T0.AddMinutes(3)),
            Bookmark("t1", "Elsa.Delay", null, resumeAt: T0.AddMinutes(1)),
            Bookmark("t10", "Elsa.Delay", null, resumeAt: T0.AddMinutes(10)),
            Bookmark("event", "Elsa.Event", "x"),
        ]));
        // The same moment written with another offset.
        var dueBy = T0.AddMinutes(5).ToOffset(TimeSpan.FromHours(2));

        var due = await Instances.FindDueBookmarksAsync(dueBy, max: 10);

        Assert.Equal(["t1", "t3"], due.Select(b => b.BookmarkId));
        Assert.Equal(T0.AddMinutes(1), due[0].ResumeAt);
        Assert.Equal(["t1"], (await Instances.FindDueBookmarksAsync(dueBy, max: 1)).Select(b => b.BookmarkId));
        Assert.Equal(["t1"], (await Instances.FindDueBookmarksAsync(T0.AddMinutes(1), max: 10)).Select(b => b.BookmarkId));
        Assert.Empty(await Instances.FindDueBookmarksAsync(T0, max: 10));
    }

    [Fact]
    public async Task Should_NotReturnATimer_When_ItsBookmarkWasRemoved()
    {
        var timer = Bookmark("t1", "Elsa.Delay", null, resumeAt: T0.AddMinutes(1));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "wait"), expectedRevision: 0, added: [timer]));

        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "done"), expectedRevision: 1, removed: [timer]));

        Assert.Empty(await Instances.FindDueBookmarksAsync(T0.AddHours(1), max: 10));
    }

    // --- journal and records --------------------------------------------------------------------

    [Fact]
    public async Task Should_ReturnTheJournalInSequenceOrder_When_AppendedOverSeveralCommits()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0, journal: [Journal("i1", 2), Journal("i1", 1)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1, journal: [Journal("i1", 4), Journal("i1", 3)]));
        await Instances.CommitAsync(Commit(Instance("other", revision: 1, step: "a"), expectedRevision: 0, journal: [Journal("other", 1)]));

        var journal = await Instances.GetJournalAsync("i1");

        Assert.Equal([1L, 2L, 3L, 4L], journal.Select(j => j.Sequence));
        Assert.Equal([2L, 3L], (await Instances.GetJournalAsync("i1", skip: 1, take: 2)).Select(j => j.Sequence));
        var first = journal[0];
        Assert.Equal(("i1", "ai-1", "Elsa.WriteLine", "Completed", "line 1"), (first.WorkflowInstanceId, first.ActivityInstanceId, first.ActivityType, first.EventName, first.Message));
        Assert.Equal(T0.AddSeconds(1), first.Timestamp);
        Assert.Equal("""{"n":1}""", first.Payload?.ToJsonString());
    }

    [Fact]
    public async Task Should_UpdateTheRecordInPlace_When_ARecordWithTheSameIdIsCommittedAgain()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0, records: [Record("i1", "r1", ActivityStatus.Running)]));

        var completed = Record("i1", "r1", ActivityStatus.Completed);
        completed.CompletedAt = T0.AddMinutes(2);
        completed.Outputs = new JsonObject { ["result"] = 42 };
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1, records: [completed, Record("i1", "r2", ActivityStatus.Running, startedAt: T0.AddMinutes(3))]));

        var records = await Instances.GetRecordsAsync("i1");
        Assert.Equal(["r1", "r2"], records.Select(r => r.Id));
        Assert.Equal((ActivityStatus.Completed, T0.AddMinutes(2)), (records[0].Status, records[0].CompletedAt));
        Assert.Equal("""{"result":42}""", records[0].Outputs?.ToJsonString());
        Assert.Empty(await Instances.GetRecordsAsync("other"));
    }

    [Fact]
    public async Task Should_PageTheJournalAcrossBursts_When_AppendedOverSeveralCommits()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0, journal: [Journal("i1", 1), Journal("i1", 2), Journal("i1", 3)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1, journal: [Journal("i1", 4), Journal("i1", 5)]));
        // A burst without journal lines (records only) and one with nothing at all.
        await Instances.CommitAsync(Commit(Instance("i1", revision: 3, step: "c"), expectedRevision: 2, records: [Record("i1", "r1", ActivityStatus.Running)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 4, step: "d"), expectedRevision: 3));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 5, step: "e"), expectedRevision: 4, journal: [Journal("i1", 6), Journal("i1", 7), Journal("i1", 8), Journal("i1", 9)]));
        await Instances.CommitAsync(Commit(Instance("other", revision: 1, step: "a"), expectedRevision: 0, journal: [Journal("other", 1), Journal("other", 2)]));

        async Task<string> Page(int skip, int take) => string.Join(',', (await Instances.GetJournalAsync("i1", skip, take)).Select(j => j.Sequence));

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L], (await Instances.GetJournalAsync("i1")).Select(j => j.Sequence));
        Assert.Equal("1,2,3,4", await Page(0, 4));
        Assert.Equal("3,4,5", await Page(2, 3));
        Assert.Equal("5", await Page(4, 1));
        Assert.Equal("5,6", await Page(4, 2));
        Assert.Equal("6,7,8,9", await Page(5, 100));
        Assert.Equal("9", await Page(8, int.MaxValue));
        Assert.Equal("", await Page(9, 10));
        Assert.Equal("", await Page(0, 0));
        Assert.Equal(["j-i1-4", "j-i1-5"], (await Instances.GetJournalAsync("i1", 3, 2)).Select(j => j.Id));
        Assert.Empty(await Instances.GetJournalAsync("unknown"));
    }

    [Fact]
    public async Task Should_ReturnTheLastVersionOfEachRecord_When_RecordsChangeOverSeveralBursts()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0,
            records: [Record("i1", "r-task", ActivityStatus.Running, startedAt: T0.AddMinutes(2)), Record("i1", "r-flow", ActivityStatus.Running, startedAt: T0.AddMinutes(1))]));
        var taskCompleted = Record("i1", "r-task", ActivityStatus.Completed, startedAt: T0.AddMinutes(2));
        taskCompleted.CompletedAt = T0.AddMinutes(5);
        taskCompleted.Outputs = new JsonObject { ["outcome"] = "approved" };
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1,
            records: [taskCompleted, Record("i1", "r-timer", ActivityStatus.Running, startedAt: T0.AddMinutes(6))]));
        // A burst that does not touch the records.
        await Instances.CommitAsync(Commit(Instance("i1", revision: 3, step: "c"), expectedRevision: 2, journal: [Journal("i1", 1)]));
        var timerFaulted = Record("i1", "r-timer", ActivityStatus.Faulted, startedAt: T0.AddMinutes(6));
        timerFaulted.Exception = new JsonObject { ["type"] = "System.TimeoutException", ["message"] = "late" };
        var flowCompleted = Record("i1", "r-flow", ActivityStatus.Completed, startedAt: T0.AddMinutes(1));
        flowCompleted.CompletedAt = T0.AddMinutes(7);
        await Instances.CommitAsync(Commit(Instance("i1", revision: 4, step: "d"), expectedRevision: 3, records: [timerFaulted, flowCompleted]));

        var records = await Instances.GetRecordsAsync("i1");

        Assert.Equal(["r-flow", "r-task", "r-timer"], records.Select(r => r.Id));
        Assert.Equal([ActivityStatus.Completed, ActivityStatus.Completed, ActivityStatus.Faulted], records.Select(r => r.Status));
        Assert.Equal(T0.AddMinutes(7), records[0].CompletedAt);
        Assert.Equal(T0.AddMinutes(5), records[1].CompletedAt);
        Assert.Equal("""{"outcome":"approved"}""", records[1].Outputs?.ToJsonString());
        Assert.Equal("late", records[2].Exception?["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task Should_ReadBackEveryFieldOfJournalAndRecords_When_Committed()
    {
        var plus2 = TimeSpan.FromHours(2);
        var entry = new JournalEntry
        {
            Id = "j1",
            WorkflowInstanceId = "i1",
            ActivityInstanceId = "ai-1",
            ParentActivityInstanceId = "ai-0",
            ActivityId = "task",
            ActivityType = "Hotline.CreateInboxTask",
            ActivityTypeVersion = 3,
            ActivityName = "Review the case",
            NodeId = "f:task",
            Timestamp = T0.ToOffset(plus2).AddTicks(1234567),
            Sequence = 7,
            EventName = "Suspended",
            Message = "waiting for \"review\" — ünïcode",
            Payload = new JsonArray(1, "two", new JsonObject { ["three"] = 3.5, ["none"] = null }),
        };
        var record = new ActivityExecutionRecord
        {
            Id = "r1",
            WorkflowInstanceId = "i1",
            ActivityId = "task",
            ActivityNodeId = "f:task",
            ActivityType = "Hotline.CreateInboxTask",
            ActivityTypeVersion = 3,
            ActivityName = "Review the case",
            StartedAt = T0.ToOffset(plus2),
            CompletedAt = T0.ToOffset(-TimeSpan.FromHours(5)).AddMinutes(1),
            Status = ActivityStatus.Canceled,
            HasBookmarks = true,
            Outputs = new JsonObject { ["result"] = new JsonObject { ["score"] = 9 } },
            Payload = new JsonObject { ["taskId"] = "t-1" },
            Exception = new JsonObject { ["message"] = "cancelled" },
            SchedulingActivityExecutionId = "r0",
            CallStackDepth = 4,
        };

        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0, journal: [entry], records: [record]));

        var readEntry = Assert.Single(await Instances.GetJournalAsync("i1"));
        Assert.Equal(
            (entry.Id, entry.WorkflowInstanceId, entry.ActivityInstanceId, entry.ParentActivityInstanceId, entry.ActivityId, entry.ActivityType, entry.ActivityTypeVersion, entry.ActivityName, entry.NodeId),
            (readEntry.Id, readEntry.WorkflowInstanceId, readEntry.ActivityInstanceId, readEntry.ParentActivityInstanceId, readEntry.ActivityId, readEntry.ActivityType, readEntry.ActivityTypeVersion, readEntry.ActivityName, readEntry.NodeId));
        Assert.Equal((entry.Timestamp, plus2), (readEntry.Timestamp, readEntry.Timestamp.Offset));
        Assert.Equal((entry.Sequence, entry.EventName, entry.Message), (readEntry.Sequence, readEntry.EventName, readEntry.Message));
        Assert.True(JsonNode.DeepEquals(entry.Payload, readEntry.Payload));

        var readRecord = Assert.Single(await Instances.GetRecordsAsync("i1"));
        Assert.Equal(
            (record.Id, record.WorkflowInstanceId, record.ActivityId, record.ActivityNodeId, record.ActivityType, record.ActivityTypeVersion, record.ActivityName),
            (readRecord.Id, readRecord.WorkflowInstanceId, readRecord.ActivityId, readRecord.ActivityNodeId, readRecord.ActivityType, readRecord.ActivityTypeVersion, readRecord.ActivityName));
        Assert.Equal((record.StartedAt, plus2), (readRecord.StartedAt, readRecord.StartedAt.Offset));
        Assert.Equal((record.CompletedAt, -TimeSpan.FromHours(5)), (readRecord.CompletedAt, readRecord.CompletedAt?.Offset));
        Assert.Equal((record.Status, record.HasBookmarks, record.SchedulingActivityExecutionId, record.CallStackDepth),
            (readRecord.Status, readRecord.HasBookmarks, readRecord.SchedulingActivityExecutionId, readRecord.CallStackDepth));
        Assert.True(JsonNode.DeepEquals(record.Outputs, readRecord.Outputs));
        Assert.True(JsonNode.DeepEquals(record.Payload, readRecord.Payload));
        Assert.True(JsonNode.DeepEquals(record.Exception, readRecord.Exception));
    }

    // --- lists ----------------------------------------------------------------------------------

    [Fact]
    public async Task Should_FilterCountAndPageNewestFirst_When_ListingInstances()
    {
        for (var n = 1; n <= 3; n++)
            await Instances.CommitAsync(Commit(Instance($"a{n}", revision: 1, step: "x", createdAt: T0.AddMinutes(n), correlationId: $"case-{n}"), expectedRevision: 0));
        var finished = Instance("b1", revision: 1, step: "x", definitionId: "other", createdAt: T0.AddMinutes(10));
        finished.Status = WorkflowStatus.Finished;
        finished.SubStatus = WorkflowSubStatus.Faulted;
        await Instances.CommitAsync(Commit(finished, expectedRevision: 0));

        var page = await Instances.ListAsync(new InstanceQuery(DefinitionId: "d1", Take: 2));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["a3", "a2"], page.Items.Select(i => i.Id));
        Assert.Equal(["a1"], (await Instances.ListAsync(new InstanceQuery(DefinitionId: "d1", Skip: 2, Take: 2))).Items.Select(i => i.Id));
        Assert.Equal(["b1", "a3", "a2", "a1"], (await Instances.ListAsync(new InstanceQuery())).Items.Select(i => i.Id));
        Assert.Equal(["b1"], (await Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Finished))).Items.Select(i => i.Id));
        Assert.Equal(["b1"], (await Instances.ListAsync(new InstanceQuery(SubStatus: WorkflowSubStatus.Faulted))).Items.Select(i => i.Id));
        Assert.Equal(3, (await Instances.ListAsync(new InstanceQuery(Status: WorkflowStatus.Running))).TotalCount);
        var byCorrelation = await Instances.ListAsync(new InstanceQuery(CorrelationId: "case-2"));
        Assert.Equal((1L, "a2"), (byCorrelation.TotalCount, Assert.Single(byCorrelation.Items).Id));
        Assert.Equal(0, (await Instances.ListAsync(new InstanceQuery(DefinitionId: "other", Status: WorkflowStatus.Running))).TotalCount);
    }

    // --- helpers --------------------------------------------------------------------------------

    private async Task<Exception?> TryCommitAsync(WorkflowCommit commit)
    {
        try
        {
            // Both commits leave the caller before either touches the store.
            await Task.Yield();
            await Instances.CommitAsync(commit);
            return null;
        }
        catch (ConcurrencyConflictException e)
        {
            return e;
        }
    }

    private static WorkflowDefinition Definition(string id, string definitionId, int version, bool latest, bool published, bool usableAsActivity = false, string name = "D")
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["definitionId"] = definitionId,
            ["name"] = name,
            ["version"] = version,
            ["isLatest"] = latest,
            ["isPublished"] = published,
            ["createdAt"] = T0.AddDays(version).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["options"] = new JsonObject { ["usableAsActivity"] = usableAsActivity },
            ["root"] = new JsonObject { ["id"] = "f", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["activities"] = new JsonArray(), ["connections"] = new JsonArray() },
        };
        return WorkflowDefinitionReader.Parse(json.ToJsonString());
    }

    protected static WorkflowInstance Instance(string id, long revision, string step, string definitionId = "d1", DateTimeOffset? createdAt = null, string? correlationId = null) => new()
    {
        Id = id,
        DefinitionId = definitionId,
        DefinitionVersionId = $"{definitionId}-v1",
        Version = 1,
        Name = "Case lifecycle",
        CorrelationId = correlationId,
        Status = WorkflowStatus.Running,
        SubStatus = WorkflowSubStatus.Suspended,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = (createdAt ?? T0).AddMinutes(1),
        State = new JsonObject { ["step"] = step, ["contexts"] = new JsonArray(new JsonObject { ["id"] = "ctx", ["nodeId"] = "f:a" }) },
        Revision = revision,
    };

    protected static WorkflowCommit Commit(WorkflowInstance instance, long expectedRevision, IReadOnlyList<Bookmark>? added = null, IReadOnlyList<Bookmark>? removed = null,
        IReadOnlyList<JournalEntry>? journal = null, IReadOnlyList<ActivityExecutionRecord>? records = null) =>
        new(instance, expectedRevision, added ?? [], removed ?? [], journal ?? [], records ?? []);

    protected static Bookmark Bookmark(string id, string name, string? hash, DateTimeOffset? resumeAt = null) => new()
    {
        Id = id,
        Name = name,
        Hash = hash,
        Payload = new JsonObject { ["hash"] = hash },
        ActivityNodeId = "f:wait",
        ActivityInstanceId = $"ai-{id}",
        CreatedAt = T0,
        ResumeAt = resumeAt,
    };

    protected static JournalEntry Journal(string instanceId, long sequence, string? id = null) => new()
    {
        Id = id ?? $"j-{instanceId}-{sequence}",
        WorkflowInstanceId = instanceId,
        ActivityInstanceId = $"ai-{sequence}",
        ActivityId = "write",
        ActivityType = "Elsa.WriteLine",
        ActivityTypeVersion = 1,
        NodeId = "f:write",
        Timestamp = T0.AddSeconds(sequence),
        Sequence = sequence,
        EventName = "Completed",
        Message = $"line {sequence}",
        Payload = new JsonObject { ["n"] = sequence },
    };

    protected static ActivityExecutionRecord Record(string instanceId, string id, ActivityStatus status, DateTimeOffset? startedAt = null) => new()
    {
        Id = id,
        WorkflowInstanceId = instanceId,
        ActivityId = "task",
        ActivityNodeId = "f:task",
        ActivityType = "Hotline.CreateInboxTask",
        ActivityTypeVersion = 1,
        StartedAt = startedAt ?? T0.AddMinutes(1),
        Status = status,
    };
}
