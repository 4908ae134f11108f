using Hotline.Domain.Cases;

namespace Hotline.Host.Tests.Cases;

public class CaseOptionsTests
{
    [Fact]
    public void Should_DefaultToASevenDayWindowInChinaTime_When_NothingIsConfigured()
    {
        var options = new CaseOptions();

        Assert.Equal(TimeSpan.FromDays(7), options.DuplicateWindow);
        Assert.Equal(TimeSpan.FromHours(8), options.ResolveTimeZone().GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(new CaseOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Should_Fail_When_TheWindowIsNotPositiveOrTheTimeZoneIsUnknown()
    {
        var result = new CaseOptionsValidator().Validate(null, new CaseOptions { DuplicateWindow = TimeSpan.Zero, TimeZone = "Mars/Olympus" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("DuplicateWindow", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mars/Olympus", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_FormatSixDigitsAfterTheDate_When_FormattingACaseNumber()
    {
        Assert.Equal("20261121-000123", CaseNumberGenerator.Format("20261121", 123));
        Assert.Equal("20261121-999999", CaseNumberGenerator.Format("20261121", CaseNumberGenerator.MaxPerDay));
    }
}
