using System.Text.Json.Nodes;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Tests.Inbox;

public class InboxTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("handle", InboxTaskKind.Handle)]
    [InlineData("reviewReturn", InboxTaskKind.ReviewReturn)]
    [InlineData("review-extension", InboxTaskKind.ReviewExtension)]
    [InlineData("REVIEW_ANSWER", InboxTaskKind.ReviewAnswer)]
    [InlineData("Callback", InboxTaskKind.Callback)]
    [InlineData("supervise", InboxTaskKind.Supervise)]
    [InlineData("dance", InboxTaskKind.Other)]
    [InlineData("3", InboxTaskKind.Other)]
    [InlineData(null, InboxTaskKind.Other)]
    public void Should_ReadTheKindWhateverItsCasing_When_ParsingAPayloadKind(string? kind, InboxTaskKind expected) =>
        Assert.Equal(expected, InboxTaskRows.ParseKind(kind));

    [Fact]
    public void Should_RecordWhoAndWhenAndAdvanceTheVersion_When_SignedForAndCompleted()
    {
        var task = NewTask();

        task.Sign("dh-zhang", Now);
        task.Complete("dh-zhang", Now.AddHours(3), "Completed", """{"answer":"已处理"}""");

        Assert.Equal(InboxTaskStatus.Completed, task.Status);
        Assert.Equal("dh-zhang", task.SignedBy);
        Assert.Equal(Now, task.SignedAt);
        Assert.Equal(TimeSpan.Zero, task.SignedAt!.Value.Offset);
        Assert.Equal("Completed", task.Outcome);
        Assert.Equal(Now.AddHours(3), task.CompletedAt);
        Assert.Equal(2, task.Version);
    }

    [Fact]
    public void Should_Refuse_When_CompletingWithAnOutcomeTheTaskDoesNotOffer()
    {
        var task = NewTask();

        Assert.Throws<ArgumentException>(() => task.Complete("u", Now, "Approved"));
        Assert.Equal(InboxTaskStatus.Open, task.Status);
        Assert.Equal(0, task.Version);
    }

    [Fact]
    public void Should_Refuse_When_SigningForOrCompletingATaskThatIsNoLongerPending()
    {
        var task = NewTask();
        task.Cancel(Now);

        Assert.Throws<InvalidOperationException>(() => task.Sign("u", Now));
        Assert.Throws<InvalidOperationException>(() => task.Complete("u", Now, "Completed"));
        Assert.Equal(InboxTaskStatus.Cancelled, task.Status);
    }

    [Fact]
    public void Should_StoreMomentsInUtc_When_DueTimesAreGivenWithAnOffset()
    {
        var task = NewTask();
        task.DueAt = Now;

        Assert.Equal(TimeSpan.Zero, task.DueAt!.Value.Offset);
        Assert.Equal(Now, task.DueAt);
    }

    private static InboxTask NewTask() => new()
    {
        TaskId = "t1",
        TaskName = "办理",
        PossibleOutcomes = ["Completed", "Returned"],
        WorkflowInstanceId = "i1",
        BookmarkId = "b1",
    };
}
