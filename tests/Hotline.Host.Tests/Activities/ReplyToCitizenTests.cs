using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.ReplyToCitizen</c>: 答复.</summary>
public sealed class ReplyToCitizenTests : ActivityTest
{
    [Theory]
    [InlineData("Phone", "Phone")]
    [InlineData("", "Sms")]
    public async Task Should_RecordTheAnswerAndAwaitTheCallback_When_TheCitizenIsAnswered(string channel, string expectedChannel)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Reply(routed.Id.ToString()).With("Channel", channel));

        AssertFinished(run);
        Assert.Equal("Done", Outcome(run));
        Assert.Equal(CaseStatus.AwaitingCallback, (await CaseAsync(routed.Id)).Status);
        Assert.Equal(new RepliedData("占道摊点已清理", expectedChannel), (await LastEventAsync<RepliedData>(routed.Id, CaseEventKind.Replied)).Data);
    }

    [Fact]
    public async Task Should_FaultAndLeaveTheCase_When_TheCaseIdIsNotACaseId()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Reply("case-1"));

        await AssertRefusedAsync(run, "'case-1' is not a case id.", routed);
    }

    private static ActivityFlow Reply(string caseId) => new ActivityFlow("ReplyToCitizen").With("CaseId", caseId).With("Text", "占道摊点已清理").Ports("Done");
}
