using System.Text.RegularExpressions;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// The SQL Server provider, tested without a server (none runs here): the model, its migration script and the SQL Hotline
/// writes by hand for it. Nothing here has been run against a live SQL Server.
/// </summary>
public class SqlServerProviderTests
{
    private static SqlServerHotlineDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerHotlineDbContext>().UseSqlServer("Server=unused;Database=hotline").Options);

    private static SqliteHotlineDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteHotlineDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void Should_HaveNoPendingModelChanges_When_TheSqlServerModelIsComparedWithItsMigrations()
    {
        using var db = SqlServer();

        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_SqlServerInitial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Should_MapTheSameTablesAndIndexes_When_TheSqlServerModelIsComparedWithSqlite()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        Assert.Equal(Indexes(sqlite), Indexes(sqlServer));
        Assert.Equal(Tables(sqlite), Tables(sqlServer));
    }

    [Fact]
    public void Should_CreateEveryTableIndexTriggerAndFullTextIndex_When_TheMigrationScriptIsGenerated()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in Tables(db))
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        foreach (var index in Indexes(db))
            Assert.Matches($@"CREATE (UNIQUE )?INDEX \[{Regex.Escape(index)}\] ON", script);
        // Every trigger the model declares (EF Core then writes those tables without OUTPUT): the append-only timelines, and
        // the units' rows of cases.
        var triggers = db.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredTriggers()).Select(t => t.GetDatabaseName()!).ToList();
        Assert.Equal(["AuditEntries_no_delete", "AuditEntries_no_update", "CaseEvents_no_delete", "CaseEvents_no_update", "Cases_case_units", "InboxTasks_case_units"],
            triggers.Order(StringComparer.Ordinal));
        Assert.Contains("CREATE TRIGGER [Cases_case_units] ON [Cases] AFTER INSERT, UPDATE AS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [InboxTasks_case_units] ON [InboxTasks] AFTER INSERT AS", script, StringComparison.Ordinal);
        foreach (var trigger in triggers.Where(t => !t.EndsWith("_case_units", StringComparison.Ordinal)))
        {
            var table = trigger[..trigger.IndexOf('_', StringComparison.Ordinal)];
            var operation = trigger.EndsWith("_update", StringComparison.Ordinal) ? "UPDATE" : "DELETE";
            Assert.Contains($"CREATE TRIGGER [{trigger}] ON [{table}] AFTER {operation} AS", script, StringComparison.Ordinal);
            // The idempotent script runs each statement through EXEC(N'...'), which doubles the quotes.
            Assert.Matches($"THROW 50001, N'{{1,2}}{table} is append-only: {operation} refused'{{1,2}}, 1;", script);
        }

        Assert.Contains("CREATE FULLTEXT CATALOG [HotlineSearch];", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON [CaseSearchEntries] ([ContentTerms] LANGUAGE 0, [AddressTerms] LANGUAGE 0)", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON [KnowledgeSearchEntries] ([TitleTerms] LANGUAGE 0, [QuestionTerms] LANGUAGE 0, [AnswerTerms] LANGUAGE 0, [KeywordTerms] LANGUAGE 0)", script, StringComparison.Ordinal);
        // The timer scan's filtered index, as on the other providers.
        Assert.Contains("CREATE INDEX [IX_Bookmarks_ResumeAt] ON [Bookmarks] ([ResumeAt]) WHERE \"ResumeAt\" IS NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CompareTextExactly_When_ColumnsAreCreatedOnSqlServer()
    {
        using var db = SqlServer();

        var model = db.GetService<IDesignTimeModel>().Model;
        var text = model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)).ToList();

        Assert.NotEmpty(text);
        Assert.All(text, p => Assert.Equal(SqlServerHotlineDbContext.TextCollation, p.GetCollation()));
        Assert.Equal("datetimeoffset", model.FindEntityType(typeof(BookmarkRow))!.FindProperty(nameof(BookmarkRow.ResumeAt))!.GetColumnType());
    }

    private static List<string> Tables(DbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<string> Indexes(DbContext db) =>
        db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName()!).Order(StringComparer.Ordinal).ToList();
}
