using System.Globalization;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.CountMoment</c>: a moment counted on the working-day calendar, without waiting.</summary>
public sealed class CountMomentTests : ActivityTest
{
    [Theory]
    [InlineData("2026-02-12T17:30:00+08:00", 3, "CalendarDays", "2026-02-15T17:30:00+08:00")] // a Sunday in the Spring Festival counts
    [InlineData("2026-02-12T17:30:00+08:00", 1, "WorkingDays", "2026-02-13T17:30:00+08:00")]
    [InlineData("2026-03-06T17:30:00+08:00", 1, "WorkingDays", "2026-03-09T17:30:00+08:00")] // Friday to Monday
    [InlineData("2026-01-31T09:00:00+08:00", 1, "CalendarMonths", "2026-02-28T09:00:00+08:00")]
    public async Task Should_set_the_moment_counted_from_the_given_one_When_it_runs(string at, int offset, string unit, string expected)
    {
        var run = await RunAsync(new ActivityFlow("CountMoment").With("At", at).With("Offset", offset).With("Unit", unit).Output("Moment"));

        AssertFinished(run);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), DateTimeOffset.Parse(Text(run, "Moment")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_fault_When_working_hours_are_counted_back()
    {
        var run = await RunAsync(new ActivityFlow("CountMoment").With("Offset", -2).With("Unit", "WorkingHours").Output("Moment"));

        Assert.Contains(run.Incidents, i => i.Message.Contains("cannot count working hours back", StringComparison.Ordinal));
    }
}
