using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Host.Tests.Cases;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.AnswerFromKnowledgeBase</c>: 直接办结.</summary>
public sealed class AnswerFromKnowledgeBaseTests : ActivityTest
{
    [Fact]
    public async Task Should_CloseTheCaseWithTheArticle_When_TheArticleIsActive()
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Answer(registered.Id, ActivityCity.Article));

        AssertFinished(run);
        Assert.Equal("Answered", Outcome(run));
        var @case = await CaseAsync(registered.Id);
        Assert.Equal((CaseStatus.AnsweredDirectly, (DateTimeOffset?)CaseDatabase.Start), (@case.Status, @case.ClosedAt));
        var (_, data) = await LastEventAsync<AnsweredFromKnowledgeBaseData>(registered.Id, CaseEventKind.AnsweredFromKnowledgeBase);
        Assert.Equal(new AnsweredFromKnowledgeBaseData(ActivityCity.Article, "居民区停车收费标准"), data);
    }

    [Theory]
    [InlineData(ActivityCity.WithdrawnArticle)]
    [InlineData("KB-NONE")]
    [InlineData("")]
    public async Task Should_LeaveByNotFoundAndKeepTheCaseOpen_When_TheArticleIsWithdrawnUnknownOrMissing(string article)
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Answer(registered.Id, article));

        AssertFinished(run);
        Assert.Equal("NotFound", Outcome(run));
        var @case = await CaseAsync(registered.Id);
        Assert.Equal((CaseStatus.Registered, registered.Version), (@case.Status, @case.Version));
    }

    [Fact]
    public async Task Should_FaultNamingTheText_When_TheCaseIdIsNotACaseId()
    {
        var run = await RunAsync(Answer(caseId: "20260302-000001", ActivityCity.Article));

        await AssertRefusedAsync(run, "'20260302-000001' is not a case id.", before: null);
    }

    private static ActivityFlow Answer(Guid caseId, string article) => Answer(caseId.ToString(), article);

    private static ActivityFlow Answer(string caseId, string article) =>
        new ActivityFlow("AnswerFromKnowledgeBase").With("CaseId", caseId).With("ArticleId", article).Ports("Answered", "NotFound");
}
