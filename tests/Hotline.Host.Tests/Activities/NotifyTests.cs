using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.Notify</c>: a notice about a case, recorded on its timeline.</summary>
public sealed class NotifyTests : ActivityTest
{
    [Fact]
    public async Task Should_RecordALetterToTheLeadUnit_When_TheLeadUnitIsNotifiedByLetter()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Notify(routed.Id, "LeadUnit", "请于期限内办结").With("Channel", "Letter"));

        AssertFinished(run);
        var (_, data) = await LastEventAsync<NotifiedData>(routed.Id, CaseEventKind.Notified);
        Assert.Equal(new NotifiedData(NoticeRecipient.LeadUnit, NoticeChannel.Letter, "请于期限内办结", ActivityCity.Lead), data);
    }

    [Fact]
    public async Task Should_SendAnSmsNamingNoUnit_When_TheCitizenIsNotifiedWithoutAChannel()
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Notify(routed.Id, "Citizen", "您的诉求已受理"));

        AssertFinished(run);
        var (_, data) = await LastEventAsync<NotifiedData>(routed.Id, CaseEventKind.Notified);
        Assert.Equal(new NotifiedData(NoticeRecipient.Citizen, NoticeChannel.Sms, "您的诉求已受理", null), data);
        Assert.Equal(CaseStatus.Dispatched, (await CaseAsync(routed.Id)).Status);
    }

    [Theory]
    [InlineData("Mayor", "text", "'Mayor' is not a notice recipient")]
    [InlineData("1", "text", "'1' is not a notice recipient")]
    [InlineData("Citizen", " ", "Notify needs a Text.")]
    public async Task Should_FaultAndRecordNothing_When_TheRecipientIsUnknownOrTheTextEmpty(string recipient, string text, string message)
    {
        var routed = await RoutedCaseAsync();

        var run = await RunAsync(Notify(routed.Id, recipient, text));

        await AssertRefusedAsync(run, message, routed);
    }

    private static ActivityFlow Notify(Guid caseId, string recipient, string text) =>
        new ActivityFlow("Notify").With("CaseId", caseId.ToString()).With("Recipient", recipient).With("Text", text);
}
