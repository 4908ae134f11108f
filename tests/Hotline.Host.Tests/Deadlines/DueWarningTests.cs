using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;

namespace Hotline.Host.Tests.Deadlines;

public class DueWarningTests
{
    // Wednesday 4 March 2026, 17:30 in the hotline's time zone; one working day before is Tuesday 17:30.
    private static readonly DateTimeOffset Due = new(2026, 3, 4, 17, 30, 0, TimeSpan.FromHours(8));
    private static readonly WorkingDayCalendar Calendar = new([]);

    [Theory]
    [InlineData(-25, WarningLevel.None)]
    [InlineData(-23, WarningLevel.Yellow)]
    [InlineData(-1, WarningLevel.Yellow)]
    [InlineData(0, WarningLevel.Red)]
    [InlineData(30, WarningLevel.Red)]
    public void Should_turn_yellow_one_working_day_before_and_red_at_the_due_moment_When_counting_down(int hoursFromDue, WarningLevel expected) =>
        Assert.Equal(expected, DueWarning.At(Calendar, Due, Due.AddHours(hoursFromDue)));

    [Fact]
    public void Should_count_back_over_the_weekend_When_the_due_moment_is_a_monday()
    {
        var monday = new DateTimeOffset(2026, 3, 9, 17, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(WarningLevel.None, DueWarning.At(Calendar, monday, monday.AddDays(-4)));
        Assert.Equal(WarningLevel.Yellow, DueWarning.At(Calendar, monday, monday.AddDays(-3)));
        Assert.Equal(WarningLevel.None, DueWarning.At(Calendar, null, monday));
    }
}
