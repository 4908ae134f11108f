using Hotline.Domain.Activities;
using Hotline.Domain.Deadlines;
using Hotline.Workbench.Supervision;

namespace Hotline.Host.Tests.Workbench;

/// <summary>The board states each checkpoint as the waiting timer counts it: working or calendar days, from what.</summary>
public sealed class CheckpointTextTests
{
    [Theory]
    [InlineData(WaitAnchor.Deadline, -1, WaitUnit.WorkingDays, null, "办理期限前 1 个工作日")]
    [InlineData(WaitAnchor.Deadline, 0, WaitUnit.WorkingDays, null, "办理期限届满时")]
    [InlineData(WaitAnchor.Deadline, 3, WaitUnit.WorkingDays, null, "办理期限后 3 个工作日")]
    [InlineData(WaitAnchor.Moment, 0, WaitUnit.CalendarDays, "23:59", "起算当日 23:59")]
    [InlineData(WaitAnchor.Moment, 7, WaitUnit.CalendarDays, null, "起算后 7 个自然日")]
    [InlineData(WaitAnchor.Moment, 1, WaitUnit.CalendarMonths, null, "起算后 1 个月")]
    [InlineData(WaitAnchor.Now, 5, WaitUnit.WorkingDays, null, "本节点开始后 5 个工作日")]
    [InlineData(WaitAnchor.Now, 4, WaitUnit.WorkingHours, "09:00", "本节点开始后 4 个工作小时")]
    public void Should_state_how_the_graph_counts_When_the_board_shows_a_checkpoint(WaitAnchor anchor, int offset, WaitUnit unit, string? timeOfDay, string expected) =>
        Assert.Equal(expected, CheckpointText.Of(new CheckpointCount(anchor, offset, unit, timeOfDay, null)));

    [Fact]
    public void Should_name_a_wait_the_board_does_not_know_by_its_label_in_the_designer() =>
        Assert.Equal(
            ("二级 13710 督办", "等待：15 个自然日"),
            (CheckpointText.Name("wait-level2", null), CheckpointText.Name("wait-15d", new(WaitAnchor.Moment, 15, WaitUnit.CalendarDays, null, "等待：15 个自然日"))));
}
