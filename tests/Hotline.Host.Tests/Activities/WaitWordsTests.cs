using Hotline.Domain.Activities;
using Hotline.Domain.Deadlines;

namespace Hotline.Host.Tests.Activities;

/// <summary>The words a ladder step reads from the wait before it state that wait's count, whichever way it counts.</summary>
public sealed class WaitWordsTests
{
    [Theory]
    [InlineData(WaitAnchor.Deadline, -1, WaitUnit.WorkingDays, null, "办理时限前 1 个工作日")]
    [InlineData(WaitAnchor.Deadline, 0, WaitUnit.WorkingDays, null, "办理时限届满")]
    [InlineData(WaitAnchor.Deadline, 2, WaitUnit.WorkingDays, null, "超过办理时限 2 个工作日")]
    [InlineData(WaitAnchor.Moment, 0, WaitUnit.CalendarDays, "23:59", "当日 23:59")]
    [InlineData(WaitAnchor.Moment, 7, WaitUnit.CalendarDays, null, "7 个自然日")]
    [InlineData(WaitAnchor.Moment, 1, WaitUnit.CalendarMonths, null, "1 个自然月")]
    [InlineData(WaitAnchor.Now, 5, WaitUnit.WorkingDays, null, "5 个工作日")]
    [InlineData(WaitAnchor.Now, 4, WaitUnit.WorkingHours, "09:00", "4 个工作小时")]
    [InlineData(WaitAnchor.Moment, 3, WaitUnit.CalendarDays, "18:00", "3 个自然日（18:00）")]
    public void Should_state_the_count_in_Chinese_When_a_wait_fires(WaitAnchor anchor, int offset, WaitUnit unit, string? timeOfDay, string expected) =>
        Assert.Equal(expected, WaitWords.Of(anchor, offset, unit, timeOfDay is null ? null : TimeOnly.Parse(timeOfDay, System.Globalization.CultureInfo.InvariantCulture)));
}
