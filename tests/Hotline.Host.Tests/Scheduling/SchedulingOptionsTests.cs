using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Scheduling;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public void Should_RefuseToStartTheHost_When_TheSweepIntervalIsZero()
    {
        using var factory = new HotlineFactory();
        var host = factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Scheduling:SweepInterval", "00:00:00"));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        var invalid = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains("Hotline:Scheduling:SweepInterval must be positive", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", 500, "SweepInterval")]
    [InlineData("-00:00:01", 500, "SweepInterval")]
    [InlineData("00:00:05", 0, "BatchSize")]
    [InlineData("00:00:05", 10_001, "BatchSize")]
    public void Should_RejectTheOptions_When_ASettingIsOutOfRange(string interval, int batchSize, string setting)
    {
        var options = new SchedulingOptions { SweepInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture), BatchSize = batchSize };

        var result = new SchedulingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Hotline:Scheduling:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3651)]
    public void Should_RejectTheOptions_When_TheIdempotencyKeyRetentionIsOutOfRange(double days)
    {
        var result = new SchedulingOptionsValidator().Validate(null, new SchedulingOptions { IdempotencyKeyRetention = TimeSpan.FromDays(days) });

        Assert.True(result.Failed);
        Assert.Contains("Hotline:Scheduling:IdempotencyKeyRetention", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AcceptTheOptions_When_TheyAreTheDefaults()
    {
        var options = new SchedulingOptions();

        Assert.True(new SchedulingOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(5), options.SweepInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.NearTimerHorizon);
    }

    private static Exception Unwrap(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
            error = aggregate.InnerExceptions[0];
        return error;
    }
}
