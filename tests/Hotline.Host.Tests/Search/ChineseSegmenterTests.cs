using Hotline.Domain.Search;

namespace Hotline.Host.Tests.Search;

/// <summary>jieba's words for the index and for queries, and how queries quote them.</summary>
public sealed class ChineseSegmenterTests
{
    private static ChineseSegmenter Segmenter => ChineseSegmenter.Instance;

    [Fact]
    public void Should_CutTheContentIntoWords_When_Indexing() =>
        Assert.Equal("夜间 施工 噪音 扰民", Segmenter.IndexText("夜间施工噪音扰民"));

    [Fact]
    public void Should_LeaveOutSpacesAndPunctuation_When_Indexing() =>
        Assert.Equal("小区 门口 晚上 10 点", Segmenter.IndexText("小区门口，晚上 10点！"));

    [Fact]
    public void Should_IndexTheWordsInsideALongWord_When_Indexing() =>
        Assert.Subset(new HashSet<string> { "住房", "公积", "积金", "公积金" }, Segmenter.IndexText("住房公积金").Split(' ').ToHashSet());

    [Fact]
    public void Should_LeaveOutStopWords_When_TheQueryHasOtherWords() =>
        Assert.Equal(["身份", "身份证", "丢"], Segmenter.QueryTerms("身份证丢了"));

    [Fact]
    public void Should_KeepStopWords_When_TheQueryHasNothingElse() => Assert.Equal(["如何"], Segmenter.QueryTerms("如何"));

    [Theory]
    [InlineData("")]
    [InlineData("  ，。！？ ")]
    [InlineData("……")]
    public void Should_GiveNoTerms_When_TheQueryHasNoWord(string query) => Assert.Empty(Segmenter.QueryTerms(query));

    [Fact]
    public void Should_CutAtMostTheLimit_When_TheQueryIsLong() =>
        Assert.Equal(ChineseSegmenter.MaxQueryTerms, Segmenter.QueryTerms(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"词{i}"))).Count);

    [Fact]
    public void Should_QuoteEachTerm_When_BuildingAnFts5Query()
    {
        Assert.Equal("\"噪音\" AND \"a\"\"b\"", FullTextQueries.Fts5Query(["噪音", "a\"b"], all: true));
        Assert.Equal("\"噪音\" OR \"施工\"", FullTextQueries.Fts5Query(["噪音", "施工"], all: false));
    }

    [Fact]
    public void Should_QuoteEachTerm_When_BuildingATsQuery()
    {
        Assert.Equal("'噪音' & 'it''s' & 'a\\\\b'", FullTextQueries.TsQuery(["噪音", "it's", "a\\b"], all: true));
        Assert.Equal("'噪音' | '施工'", FullTextQueries.TsQuery(["噪音", "施工"], all: false));
    }
}
