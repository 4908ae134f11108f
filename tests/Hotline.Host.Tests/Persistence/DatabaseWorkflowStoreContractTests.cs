using Hotline.Domain.Persistence;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// The store contract plus what the EF Core stores do beyond the in-memory store: a commit that removes a bookmark
/// another commit already consumed is a conflict, and a burst's history is one row.
/// </summary>
public abstract class DatabaseWorkflowStoreContractTests : WorkflowStoreContractTests
{
    private ServiceProvider _services = null!;

    /// <summary>Persistence services on a new, migrated database of the subclass's provider.</summary>
    protected abstract Task<ServiceProvider> CreateMigratedServicesAsync();

    protected sealed override async Task<(IWorkflowDefinitionStore Definitions, IWorkflowInstanceStore Instances)> CreateStoresAsync()
    {
        _services = await CreateMigratedServicesAsync();
        DisposeLater(_services);
        return (_services.GetRequiredService<IWorkflowDefinitionStore>(), _services.GetRequiredService<IWorkflowInstanceStore>());
    }

    [Fact]
    public async Task Should_ThrowConflictAndSaveNothingOfTheCommit_When_ARemovedBookmarkIsAlreadyGone()
    {
        var approved = Bookmark("b-approved", "Elsa.Event", "approved");
        var rejected = Bookmark("b-rejected", "Elsa.Event", "rejected");
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "wait"), expectedRevision: 0,
            added: [approved, rejected], journal: [Journal("i1", 1)], records: [Record("i1", "r1", ActivityStatus.Running)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "approved"), expectedRevision: 1, removed: [approved], journal: [Journal("i1", 2)]));

        // The revision matches, but the bookmark it consumes is gone: someone else consumed it.
        var late = Commit(Instance("i1", revision: 3, step: "approved again"), expectedRevision: 2,
            added: [Bookmark("b-next", "Elsa.Event", "next")],
            removed: [rejected, approved],
            journal: [Journal("i1", 3)],
            records: [Record("i1", "r1", ActivityStatus.Completed)]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Instances.CommitAsync(late));

        Assert.Equal(("i1", 2L), (conflict.InstanceId, conflict.ExpectedRevision));
        var read = await Instances.FindAsync("i1");
        Assert.Equal((2L, "approved"), (read?.Revision, read?.State["step"]?.GetValue<string>()));
        Assert.Equal(["b-rejected"], (await Instances.FindBookmarksAsync("Elsa.Event", null, instanceId: "i1")).Select(b => b.BookmarkId));
        Assert.Equal([1L, 2L], (await Instances.GetJournalAsync("i1")).Select(j => j.Sequence));
        Assert.Equal(ActivityStatus.Running, Assert.Single(await Instances.GetRecordsAsync("i1")).Status);
    }

    [Fact]
    public async Task Should_save_what_the_burst_changed_through_its_scope_with_the_instance_When_the_commit_succeeds()
    {
        await CommitInBurstAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0), year: 2031);

        Assert.Equal([2031], await YearsAsync());
        Assert.Equal(1L, (await Instances.FindAsync("i1"))?.Revision);
    }

    [Fact]
    public async Task Should_save_nothing_the_burst_changed_When_the_commit_conflicts()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1));

        var stale = Commit(Instance("i1", revision: 2, step: "stale"), expectedRevision: 1);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitInBurstAsync(stale, year: 2032));

        Assert.Empty(await YearsAsync());
        Assert.Equal("b", (await Instances.FindAsync("i1"))?.State["step"]?.GetValue<string>());
    }

    /// <summary>One burst: a change made through the scope's context (as an activity makes it), then the commit.</summary>
    private async Task CommitInBurstAsync(WorkflowCommit commit, int year)
    {
        await using var burst = await _services.GetRequiredService<IBurstScopeFactory>().BeginAsync(CancellationToken.None);
        burst.Services!.GetRequiredService<HotlineDbContext>().CalendarYears.Add(new Hotline.Domain.Calendar.CalendarYear { Year = year, Source = "burst test", LoadedBy = "test" });
        await burst.CommitAsync(commit, CancellationToken.None);
    }

    private async Task<List<int>> YearsAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        return await db.CalendarYears.Select(y => y.Year).ToListAsync();
    }

    [Fact]
    public async Task Should_WriteOneHistoryRowPerBurstWithJournalOrRecords_When_Committed()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0,
            journal: [Journal("i1", 1), Journal("i1", 2), Journal("i1", 3)], records: [Record("i1", "r1", ActivityStatus.Running), Record("i1", "r2", ActivityStatus.Completed)]));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1));
        await Instances.CommitAsync(Commit(Instance("i1", revision: 3, step: "c"), expectedRevision: 2, journal: [Journal("i1", 4)]));

        await using var db = await _services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var rows = await db.WorkflowHistory.AsNoTracking().Where(h => h.WorkflowInstanceId == "i1").OrderBy(h => h.Revision).ToListAsync();

        Assert.Equal([(1L, 1L, 3L), (3L, 4L, 4L)], rows.Select(h => (h.Revision, h.FirstSequence!.Value, h.LastSequence!.Value)));
        // Compressed with zlib (its header's first byte is 0x78), nothing in the columns of older rows.
        Assert.All([rows[0].Journal!, rows[0].Records!, rows[1].Journal!], bytes => Assert.Equal(0x78, bytes[0]));
        Assert.Equal([ActivityStatus.Running, ActivityStatus.Completed], WorkflowHistoryRow.ReadRecords(rows[0].Records, null).Select(r => r.Status));
        Assert.Equal([1L, 2L, 3L], WorkflowHistoryRow.ReadJournal(rows[0].Journal, null).Select(j => j.Sequence));
        Assert.Null(rows[1].Records);
        Assert.All(rows, r => Assert.Null(r.JournalJson ?? r.RecordsJson));
    }

    [Fact]
    public async Task Should_ReadTheJournalAndRecordsOfRowsWrittenBeforeCompression_When_TheyAreMixedWithNewOnes()
    {
        await Instances.CommitAsync(Commit(Instance("i1", revision: 1, step: "a"), expectedRevision: 0,
            journal: [Journal("i1", 1)], records: [Record("i1", "r1", ActivityStatus.Running)]));
        await using (var db = await _services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
        {
            // As an older version wrote it: JSON text, no compressed columns.
            var old = await db.WorkflowHistory.SingleAsync(h => h.WorkflowInstanceId == "i1");
            old.JournalJson = System.Text.Encoding.UTF8.GetString(Decompressed(old.Journal!));
            old.RecordsJson = System.Text.Encoding.UTF8.GetString(Decompressed(old.Records!));
            (old.Journal, old.Records) = (null, null);
            await db.SaveChangesAsync();
        }

        await Instances.CommitAsync(Commit(Instance("i1", revision: 2, step: "b"), expectedRevision: 1,
            journal: [Journal("i1", 2)], records: [Record("i1", "r1", ActivityStatus.Completed)]));

        Assert.Equal([1L, 2L], (await Instances.GetJournalAsync("i1")).Select(j => j.Sequence));
        Assert.Equal(ActivityStatus.Completed, Assert.Single(await Instances.GetRecordsAsync("i1")).Status);
    }

    private static byte[] Decompressed(byte[] data)
    {
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        using var text = new MemoryStream();
        zlib.CopyTo(text);
        return text.ToArray();
    }
}
