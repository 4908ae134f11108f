using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// The SQL Hotline writes by hand for SQL Server and its reading of SQL Server's error numbers: generated and read here,
/// not run (no SQL Server runs here).
/// </summary>
public class SqlServerSqlTests
{
    private static SqlServerHotlineDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerHotlineDbContext>().UseSqlServer("Server=unused;Database=hotline").Options);

    [Fact]
    public void Should_TakeTheDaysNextCaseNumberWithAMergeUnderHoldLock_When_TheProviderIsSqlServer()
    {
        using var db = SqlServer();

        Assert.Equal(
            "MERGE [CaseNumberCounters] WITH (HOLDLOCK) AS t USING (SELECT @day AS [Day]) AS s ON t.[Day] = s.[Day] " +
            "WHEN MATCHED THEN UPDATE SET t.[LastNumber] = t.[LastNumber] + 1 WHEN NOT MATCHED THEN INSERT ([Day], [LastNumber]) VALUES (s.[Day], 1) " +
            "OUTPUT inserted.[LastNumber];",
            CaseNumberGenerator.Sql(db));
    }

    [Fact]
    public void Should_KeepTheOnConflictUpsert_When_TheProviderIsSqlite()
    {
        using var db = new SqliteHotlineDbContext(new DbContextOptionsBuilder<SqliteHotlineDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.StartsWith("INSERT INTO \"CaseNumberCounters\"", CaseNumberGenerator.Sql(db), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_QuoteEachTermAndDropWhatSqlServerWouldReadAsSyntax_When_AContainsQueryIsBuilt()
    {
        Assert.Equal("\"噪音\" AND \"a b\"", FullTextQueries.ContainsQuery(["噪音", "a\"b"], all: true));
        Assert.Equal("\"噪音\" OR \"施工 \"", FullTextQueries.ContainsQuery(["噪音", "施工*"], all: false));
    }

    [Fact]
    public void Should_RankByContainsTableAndWantEachTermSomewhere_When_CasesAreSearchedForAllTerms()
    {
        using var db = SqlServer();

        var sql = FullTextQueries.Cases(db, ["噪音", "施工"], all: true).ToQueryString();

        Assert.Contains(
            "SELECT e.[CaseId], -CAST(1.0 * ISNULL(k0.[RANK], 0) AS float) AS [Rank] FROM [CaseSearchEntries] AS e " +
            "LEFT JOIN CONTAINSTABLE([CaseSearchEntries], *, @p0, LANGUAGE 0) AS k0 ON k0.[KEY] = e.[Id] WHERE (k0.[KEY] IS NOT NULL) " +
            "AND e.[Id] IN (SELECT [KEY] FROM CONTAINSTABLE([CaseSearchEntries], *, @p1, LANGUAGE 0)) " +
            "AND e.[Id] IN (SELECT [KEY] FROM CONTAINSTABLE([CaseSearchEntries], *, @p2, LANGUAGE 0))", sql, StringComparison.Ordinal);
        Assert.Contains("N'\"噪音\" OR \"施工\"'", sql, StringComparison.Ordinal);
        Assert.Contains("N'\"施工\"'", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WeighTitleQuestionAndAnswer_When_ArticlesAreSearchedForAnyTerm()
    {
        using var db = SqlServer();

        var sql = FullTextQueries.Articles(db, ["噪音"], all: false).ToQueryString();

        Assert.Contains(
            "SELECT e.[ArticleId], -CAST(1.0 * ISNULL(k0.[RANK], 0) + 0.4 * ISNULL(k1.[RANK], 0) + 0.1 * ISNULL(k2.[RANK], 0) AS float) AS [Rank] " +
            "FROM [KnowledgeSearchEntries] AS e " +
            "LEFT JOIN CONTAINSTABLE([KnowledgeSearchEntries], ([TitleTerms], [KeywordTerms]), @p0, LANGUAGE 0) AS k0 ON k0.[KEY] = e.[Id] " +
            "LEFT JOIN CONTAINSTABLE([KnowledgeSearchEntries], [QuestionTerms], @p0, LANGUAGE 0) AS k1 ON k1.[KEY] = e.[Id] " +
            "LEFT JOIN CONTAINSTABLE([KnowledgeSearchEntries], [AnswerTerms], @p0, LANGUAGE 0) AS k2 ON k2.[KEY] = e.[Id] " +
            "WHERE (k0.[KEY] IS NOT NULL OR k1.[KEY] IS NOT NULL OR k2.[KEY] IS NOT NULL)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("@p1", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2627, true)]
    [InlineData(2601, true)]
    [InlineData(547, false)] // a foreign key violated
    [InlineData(1205, false)]
    public void Should_RecogniseSqlServersDuplicateKeyErrors_When_ACommitCreatesAnInstanceTwice(int number, bool unique) =>
        Assert.Equal(unique, SqlServerErrors.IsUniqueViolation(number));

    [Theory]
    [InlineData(1205, true)] // chosen as the deadlock victim
    [InlineData(1222, true)] // lock request timeout
    [InlineData(-2, true)] // command timeout
    [InlineData(10054, true)] // connection reset
    [InlineData(40613, true)] // Azure SQL database not available
    [InlineData(2627, false)]
    [InlineData(547, false)]
    [InlineData(208, false)] // invalid object name: a bug, not an outage
    public void Should_RetryOnlyPassingSqlServerFailures_When_TheirNumbersAreClassified(int number, bool transient) =>
        Assert.Equal(transient, SqlServerErrors.IsTransient(number));

    [Theory]
    [InlineData(53, true)] // network path not found
    [InlineData(10061, true)] // connection refused
    [InlineData(4060, true)] // the database cannot be opened yet
    [InlineData(18456, false)] // login failed: a configuration error, not a server starting
    [InlineData(1205, false)]
    public void Should_WaitAtStartUpOnlyForAnUnreachableServer_When_SqlServerNumbersAreClassified(int number, bool unreachable) =>
        Assert.Equal(unreachable, SqlServerErrors.IsUnreachable(number));

    [Fact]
    public async Task Should_CreateTheSqlServerContext_When_ProviderIsSqlServer()
    {
        await using var services = PersistenceTestServices.Create(DatabaseProvider.SqlServer, "Server=unused;Database=hotline");
        await using var scope = services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();

        Assert.IsType<SqlServerHotlineDbContext>(db);
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
    }

    [Fact]
    public async Task Should_RefuseToStart_When_SqlServerHasNoConnectionString()
    {
        await using var services = PersistenceTestServices.Create(DatabaseProvider.SqlServer, connectionString: null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value);

        Assert.Contains("ConnectionString is required for PostgreSql and SqlServer", error.Message, StringComparison.Ordinal);
    }
}
