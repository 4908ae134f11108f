using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Hotline.Domain.Knowledge;

namespace Hotline.Domain.Activities;

/// <summary>
/// Closes a consultation at once with a knowledge-base article (直接办结): the case becomes
/// <see cref="CaseStatus.AnsweredDirectly"/> with an <see cref="CaseEventKind.AnsweredFromKnowledgeBase"/> event.
/// Leaves by <c>NotFound</c> when the article does not exist or is not offered today (not published, or outside its validity dates).
/// </summary>
[Activity("Hotline", "Cases", "Answers a consultation at once from a knowledge-base article and closes it (直接办结).",
    DisplayName = "Answer From Knowledge Base", Outcomes = ["Answered", "NotFound"])]
public sealed class AnswerFromKnowledgeBase : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The article the operator answered with.</summary>
    [Input(Description = "The id of the knowledge-base article the operator answered with.")]
    public Input<string>? ArticleId { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var articleId = context.Get(ArticleId);
        var article = string.IsNullOrWhiteSpace(articleId)
            ? null
            : await context.GetRequiredService<KnowledgeBase>().FindOfferedAsync(articleId);
        if (article is null)
        {
            context.Complete("NotFound");
            return;
        }

        @case.AnswerDirectly(article.Id, article.Title, context.Now);
        context.Complete("Answered");
    }
}
