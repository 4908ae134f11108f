using Hotline.Domain.Persistence;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// The commit writer's T-SQL, built from the SQL Server model on a connection that is never opened: read, not run
/// (no SQL Server runs here).
/// </summary>
public class SqlServerCommitWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static SqlServerHotlineDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerHotlineDbContext>().UseSqlServer("Server=unused;Database=hotline").Options);

    [Fact]
    public void Should_WriteTheInstanceBookmarksAndHistoryInOneTSqlCommand_When_ACommitUpdatesAnInstance()
    {
        using var db = SqlServer();
        using var connection = new SqlConnection("Server=unused");
        var previous = Instance(revision: 1);
        var commit = new WorkflowCommit(Instance(revision: 2, WorkflowStatus.Finished), ExpectedRevision: 1,
            AddedBookmarks: [Bookmark("b3")], RemovedBookmarks: [Bookmark("b1"), Bookmark("b2")], Journal: [Journal()], Records: [])
        { Previous = previous };

        var (commands, expectedRows) = WorkflowCommitWriter.For(db).CreateCommands(connection, null, commit);

        var command = Assert.Single(commands);
        Assert.Equal(5, expectedRows);
        Assert.Equal(
            """
            UPDATE [WorkflowInstances] SET [Revision] = @p0, [State] = @p1, [Status] = @p2 WHERE [Id] = @p3 AND [Revision] = @p4;
            DELETE FROM [Bookmarks] WHERE [Id] IN (@p5, @p6);
            INSERT INTO [Bookmarks] ([Id], [ActivityInstanceId], [ActivityNodeId], [CorrelationId], [CreatedAt], [Hash], [Name], [Payload], [ResumeAt], [WorkflowInstanceId]) VALUES (@p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16);
            INSERT INTO [WorkflowHistory] ([CreatedAt], [FirstSequence], [Journal], [JournalJson], [LastSequence], [Records], [RecordsJson], [Revision], [WorkflowInstanceId]) VALUES (@p17, @p18, @p19, @p20, @p21, @p22, @p23, @p24, @p25);

            """.ReplaceLineEndings("\n"), command.CommandText.ReplaceLineEndings("\n"));
        Assert.Equal(26, command.Parameters.Count);
        Assert.Equal(["@p0", "@p1", "@p2"], command.Parameters.Cast<SqlParameter>().Take(3).Select(p => p.ParameterName));
        Assert.Equal(At, command.Parameters.Cast<SqlParameter>().Single(p => p.ParameterName == "@p11").Value);
    }

    [Fact]
    public void Should_InsertTheInstanceWithEveryColumn_When_ACommitCreatesIt()
    {
        using var db = SqlServer();
        using var connection = new SqlConnection("Server=unused");

        var (commands, expectedRows) = WorkflowCommitWriter.For(db).CreateCommands(connection, null, new WorkflowCommit(Instance(revision: 1), 0, [], [], [], []));

        var command = Assert.Single(commands);
        Assert.Equal(1, expectedRows);
        Assert.StartsWith("INSERT INTO [WorkflowInstances] ([Id], ", command.CommandText, StringComparison.Ordinal);
        Assert.EndsWith(") VALUES (" + string.Join(", ", Enumerable.Range(0, command.Parameters.Count).Select(i => $"@p{i}")) + ");" + Environment.NewLine, command.CommandText, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SplitTheCommitIntoCommandsUnderSqlServersParameterLimit_When_ABurstAddsAndRemovesHundredsOfBookmarks()
    {
        using var db = SqlServer();
        using var connection = new SqlConnection("Server=unused");
        var added = Enumerable.Range(0, 500).Select(i => Bookmark($"new{i}")).ToList();
        var removed = Enumerable.Range(0, 300).Select(i => Bookmark($"old{i}")).ToList();
        var commit = new WorkflowCommit(Instance(revision: 2), ExpectedRevision: 1, added, removed, [Journal()], []);

        var (commands, expectedRows) = WorkflowCommitWriter.For(db).CreateCommands(connection, null, commit);

        Assert.Equal(1 + 300 + 500 + 1, expectedRows);
        Assert.True(commands.Count > 1);
        Assert.All(commands, c => Assert.InRange(c.Parameters.Count, 1, 2_098));
        var sql = commands.Select(c => c.CommandText).ToList();
        Assert.StartsWith("UPDATE [WorkflowInstances]", sql[0], StringComparison.Ordinal);
        Assert.Single(sql, s => s.Contains("[WorkflowInstances]", StringComparison.Ordinal));
        Assert.Contains("INSERT INTO [WorkflowHistory]", sql[^1], StringComparison.Ordinal);
        // Every bookmark is written exactly once, in order, each command numbering its parameters from @p0.
        var keys = commands.SelectMany(c => c.Parameters.Cast<SqlParameter>()).Select(p => p.Value).OfType<string>().Where(v => v.StartsWith("old", StringComparison.Ordinal)).ToList();
        Assert.Equal(removed.Select(b => b.Id), keys);
        var ids = commands.SelectMany(c => c.Parameters.Cast<SqlParameter>()).Select(p => p.Value).OfType<string>().Where(v => v.StartsWith("new", StringComparison.Ordinal)).ToList();
        Assert.Equal(added.Select(b => b.Id), ids);
        Assert.All(commands, c => Assert.Equal("@p0", ((SqlParameter)c.Parameters[0]).ParameterName));
        Assert.All(sql, s => Assert.Contains("@p0", s, StringComparison.Ordinal));
        // SQL Server takes at most 1,000 rows in one INSERT ... VALUES; the writer puts 100 in each.
        Assert.All(sql.SelectMany(s => s.Split('\n')), line => Assert.True(line.Split("), (").Length <= 100, line));
    }

    [Fact]
    public void Should_KeepTheCommitInOneCommand_When_TheSameBurstIsWrittenOnSqlite()
    {
        using var db = new SqliteHotlineDbContext(new DbContextOptionsBuilder<SqliteHotlineDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        var commit = new WorkflowCommit(Instance(revision: 2), ExpectedRevision: 1, Enumerable.Range(0, 500).Select(i => Bookmark($"new{i}")).ToList(), [], [], []);

        var (commands, _) = WorkflowCommitWriter.For(db).CreateCommands(connection, null, commit);

        Assert.Single(commands);
    }

    private static WorkflowInstance Instance(long revision, WorkflowStatus status = WorkflowStatus.Running) => new()
    {
        Id = "i1", DefinitionId = "d1", DefinitionVersionId = "v1", State = [], Revision = revision, Status = status, CreatedAt = At, UpdatedAt = At,
    };

    private static Bookmark Bookmark(string id) => new()
    {
        Id = id, Name = "Elsa.Event", Hash = "h-" + id, ActivityNodeId = "n1", ActivityInstanceId = "a1", CreatedAt = At,
    };

    private static JournalEntry Journal() => new()
    {
        Id = "j1", WorkflowInstanceId = "i1", ActivityInstanceId = "a1", ActivityId = "a", ActivityType = "Elsa.WriteLine", NodeId = "n1",
        EventName = "Completed", Timestamp = At,
    };
}
