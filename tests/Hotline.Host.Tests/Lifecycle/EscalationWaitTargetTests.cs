using Hotline.Domain.Activities;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Calendar;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>The moment a <see cref="WaitForDeadline"/> of the escalation ladder waits for, for each unit (times in Beijing time).</summary>
public sealed class EscalationWaitTargetTests
{
    private readonly WorkingDayCalendar _calendar = ShippedCalendar2025And2026();

    [Theory]
    [InlineData("2026-02-24 17:30", -1, "2026-02-14 17:30")] // the Spring Festival back to the make-up Saturday
    [InlineData("2026-02-24 17:30", 1, "2026-02-25 17:30")]
    [InlineData("2026-02-24 17:30", 3, "2026-02-27 17:30")]
    [InlineData("2026-02-24 17:30", 0, "2026-02-24 17:30")] // offset 0 is the anchor itself
    [InlineData("2026-03-09 10:00", -1, "2026-03-06 10:00")] // Monday back over an ordinary weekend to Friday
    [InlineData("2026-03-02 17:30", -1, "2026-02-28 17:30")] // Monday back to the make-up Saturday before it
    [InlineData("2025-01-27 17:30", -1, "2025-01-26 17:30")] // Monday back to the make-up Sunday
    [InlineData("2025-01-26 17:30", -1, "2025-01-24 17:30")] // the make-up Sunday back over Saturday to Friday
    [InlineData("2025-02-05 09:00", -2, "2025-01-26 09:00")] // back over the whole Spring Festival, then to the make-up Sunday
    [InlineData("2026-02-13 17:30", 1, "2026-02-14 17:30")] // forward onto the make-up Saturday
    public void Should_keep_the_time_of_day_on_the_Nth_working_day_When_counting_working_days(string anchor, int offset, string expected)
    {
        var target = DeadlineCounting.Offset(_calendar, At(anchor), offset, WaitUnit.WorkingDays);

        Assert.Equal(At(expected), target.Value);
        Assert.False(target.IsProvisional);
    }

    [Fact]
    public void Should_count_the_local_date_and_keep_the_local_time_When_the_anchor_is_given_in_UTC()
    {
        // 2026-02-23T17:00Z is Tue 2026-02-24 01:00 in Beijing: the day before it is the make-up Saturday, not Monday (a holiday).
        var target = DeadlineCounting.Offset(_calendar, new DateTimeOffset(2026, 2, 23, 17, 0, 0, TimeSpan.Zero), -1, WaitUnit.WorkingDays);

        Assert.Equal(At("2026-02-14 01:00"), target.Value);
    }

    [Fact]
    public void Should_assume_Monday_to_Friday_and_say_so_When_counting_into_a_year_with_no_calendar()
    {
        var target = DeadlineCounting.Offset(_calendar, At("2026-12-31 17:30"), 1, WaitUnit.WorkingDays);

        Assert.Equal(At("2027-01-01 17:30"), target.Value);
        Assert.True(target.IsProvisional);
        Assert.Equal([2027], target.AssumedYears);
    }

    [Theory]
    [InlineData("2026-02-12 17:30", 3, null, "2026-02-15 17:30")] // onto a Sunday in the Spring Festival: calendar days count holidays
    [InlineData("2026-02-12 17:30", 7, null, "2026-02-19 17:30")]
    [InlineData("2026-02-27 17:30", 0, "23:59", "2026-02-27 23:59")] // end of the same calendar day
    [InlineData("2026-02-27 17:30", -2, null, "2026-02-25 17:30")]
    public void Should_count_every_day_When_counting_calendar_days(string anchor, int offset, string? timeOfDay, string expected)
    {
        var time = timeOfDay is null ? (TimeOnly?)null : TimeOnly.Parse(timeOfDay, System.Globalization.CultureInfo.InvariantCulture);

        var target = DeadlineCounting.Offset(_calendar, At(anchor), offset, WaitUnit.CalendarDays, time);

        Assert.Equal(At(expected), target.Value);
        Assert.False(target.IsProvisional);
    }

    [Fact]
    public void Should_take_the_Beijing_calendar_day_When_the_time_of_day_is_set_on_a_UTC_anchor()
    {
        // 2026-02-12T17:00Z is Fri 2026-02-13 01:00 in Beijing: "23:59 the same day" is Friday's.
        var target = DeadlineCounting.Offset(_calendar, new DateTimeOffset(2026, 2, 12, 17, 0, 0, TimeSpan.Zero), 0, WaitUnit.CalendarDays, new TimeOnly(23, 59));

        Assert.Equal(At("2026-02-13 23:59"), target.Value);
    }

    [Theory]
    [InlineData("2026-02-13 11:00", 2, "2026-02-13 14:30")] // across the lunch break
    [InlineData("2026-02-13 17:00", 1, "2026-02-14 09:30")] // half an hour on Friday, the rest on the make-up Saturday
    [InlineData("2026-02-14 17:00", 1, "2026-02-24 09:30")] // over the whole Spring Festival
    [InlineData("2026-02-13 11:00", 0, "2026-02-13 11:00")]
    public void Should_count_only_working_periods_When_counting_working_hours(string anchor, int offset, string expected)
    {
        var target = DeadlineCounting.Offset(_calendar, At(anchor), offset, WaitUnit.WorkingHours);

        Assert.Equal(At(expected), target.Value);
    }

    [Fact]
    public void Should_refuse_When_counting_working_hours_back() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCounting.Offset(_calendar, At("2026-02-13 11:00"), -1, WaitUnit.WorkingHours));

    [Theory]
    [InlineData("2026-02-27 17:30", 1, "2026-03-27 17:30")]
    [InlineData("2026-01-31 10:00", 1, "2026-02-28 10:00")] // the last day of a shorter month
    [InlineData("2026-03-31 10:00", -1, "2026-02-28 10:00")]
    [InlineData("2026-12-15 09:00", 1, "2027-01-15 09:00")] // calendar months do not depend on the holidays
    public void Should_keep_the_day_and_time_When_counting_calendar_months(string anchor, int offset, string expected)
    {
        var target = DeadlineCounting.Offset(_calendar, At(anchor), offset, WaitUnit.CalendarMonths);

        Assert.Equal(At(expected), target.Value);
        Assert.False(target.IsProvisional);
    }
}
