using Hotline.Host.Demo;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Knowledge;

/// <summary>Knowledge-base search over the demo city's answers, on each database provider.</summary>
public abstract class KnowledgeBaseTests : IAsyncLifetime
{
    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await CaseDatabase.CreateAsync(Provider);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.AddRange(DemoCity.Load().Articles);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private KnowledgeBase Search => _database.Get<KnowledgeBase>();

    [Theory]
    [InlineData("暖气不热", "暖气不热怎么报修")]
    [InlineData("离职了公积金怎么取出来", "离职后住房公积金如何提取")]
    [InlineData("身份证丢了", "身份证丢失如何补办")]
    [InlineData("孩子上一年级要准备什么材料", "小学一年级新生入学报名")]
    [InlineData("家里有煤气味", "闻到燃气味怎么办")]
    [InlineData("老板欠薪不给", "被拖欠工资怎么办")]
    public async Task Should_RankTheMatchingAnswerFirst_When_AnOperatorTypesTheCallersWords(string query, string expectedTitle)
    {
        var hits = await Search.SearchAsync(query);

        Assert.NotEmpty(hits);
        Assert.Equal(expectedTitle, hits[0].Article.Title);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
    }

    [Theory]
    [InlineData("ZA-HJBL")]
    [InlineData("JT-GJXL")]
    [InlineData("JY-RXZX")]
    public async Task Should_PreferTheCasesSubject_When_ASubjectIsGiven(string subject)
    {
        // 居住证怎么办理, 老年人公交卡怎么办理 and 义务教育阶段转学怎么办理 match 怎么办理 equally well: only one of
        // them can be first without a subject, each is first with its own.
        var withSubject = await Search.SearchAsync("怎么办理", subject);

        Assert.Equal(subject, withSubject[0].Article.SubjectCode);
    }

    [Fact]
    public async Task Should_ListTheSubjectsAnswers_When_OnlyASubjectIsGiven()
    {
        var hits = await Search.SearchAsync(null, "GY-XQGN", take: 100);

        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Equal("GY-XQGN", h.Article.SubjectCode));
    }

    [Fact]
    public async Task Should_LeaveOutInactiveArticles_When_Searching()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var article = await db.KnowledgeArticles.SingleAsync(a => a.Title == "暖气不热怎么报修");
            article.SetStatus(Hotline.Domain.Knowledge.KnowledgeStatus.Expired);
            await db.SaveChangesAsync();
        }

        var hits = await Search.SearchAsync("暖气不热");

        Assert.DoesNotContain(hits, h => h.Article.Title == "暖气不热怎么报修");
    }

    [Theory]
    [InlineData("量子纠缠")]
    [InlineData("")]
    public async Task Should_FindNothing_When_NothingMatches(string query) => Assert.Empty(await Search.SearchAsync(query));
}

public sealed class SqliteKnowledgeBaseTests : KnowledgeBaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlKnowledgeBaseTests : KnowledgeBaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
