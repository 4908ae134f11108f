using Hotline.Domain.Quality;

namespace Hotline.Host.Tests.Quality;

/// <summary>The sampling rule of 三查 and its settings, without a host.</summary>
public sealed class QualitySamplingTests
{
    private static readonly Guid[] Cases = Enumerable.Range(0, 2000).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8])).ToArray();

    [Fact]
    public void Should_pick_every_case_at_share_one_and_none_at_zero_When_sampling()
    {
        Assert.All(Cases, id => Assert.True(QualitySampling.IsSampled(id, QualitySample.Case, 1)));
        Assert.All(Cases, id => Assert.False(QualitySampling.IsSampled(id, QualitySample.Callback, 0)));
    }

    [Fact]
    public void Should_pick_about_the_share_the_same_cases_again_and_a_superset_for_a_larger_share_When_sampling()
    {
        var tenth = Cases.Where(id => QualitySampling.IsSampled(id, QualitySample.Case, 0.1)).ToList();
        var again = Cases.Where(id => QualitySampling.IsSampled(id, QualitySample.Case, 0.1)).ToList();
        var half = Cases.Where(id => QualitySampling.IsSampled(id, QualitySample.Case, 0.5)).ToHashSet();

        Assert.InRange(tenth.Count, 140, 260);
        Assert.Equal(tenth, again);
        Assert.True(half.IsSupersetOf(tenth));
        Assert.NotEqual(tenth, Cases.Where(id => QualitySampling.IsSampled(id, QualitySample.Callback, 0.1)).ToList());
    }

    [Theory]
    [InlineData(-0.1, 0.05)]
    [InlineData(0.05, 1.5)]
    [InlineData(double.NaN, 0.05)]
    public void Should_refuse_the_settings_When_a_share_is_outside_zero_to_one(double caseShare, double callbackShare)
    {
        var result = new QualityOptionsValidator().Validate(null, new QualityOptions { CaseShare = caseShare, CallbackShare = callbackShare });

        Assert.True(result.Failed);
        Assert.Contains("Hotline:Quality:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_the_defaults_and_the_bounds_When_the_shares_are_within_zero_to_one()
    {
        Assert.True(new QualityOptionsValidator().Validate(null, new QualityOptions()).Succeeded);
        Assert.True(new QualityOptionsValidator().Validate(null, new QualityOptions { CaseShare = 0, CallbackShare = 1 }).Succeeded);
    }
}
