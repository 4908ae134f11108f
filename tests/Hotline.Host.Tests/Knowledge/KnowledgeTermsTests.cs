using Hotline.Domain.Knowledge;

namespace Hotline.Host.Tests.Knowledge;

public class KnowledgeTermsTests
{
    [Fact]
    public void Should_CutChineseRunsIntoOverlappingPairs_When_TheQueryHasNoSpaces() =>
        Assert.Equal(["公积金提取", "公积", "积金", "金提", "提取"], KnowledgeBase.Terms("公积金提取"));

    [Fact]
    public void Should_KeepWordsWhole_When_TheyAreTwoCharactersOrLatin() =>
        Assert.Equal(["社保", "12123", "app"], KnowledgeBase.Terms("社保，12123 app"));

    [Fact]
    public void Should_GiveNoTerms_When_TheQueryIsBlank() => Assert.Empty(KnowledgeBase.Terms("  ，。 "));

    [Fact]
    public void Should_CutAtMostTheLimit_When_TheQueryIsLong() =>
        Assert.Equal(KnowledgeBase.MaxTerms, KnowledgeBase.Terms("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥").Count);
}
