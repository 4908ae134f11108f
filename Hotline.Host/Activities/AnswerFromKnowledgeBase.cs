using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// Closes a consultation at once with a knowledge-base article (直接办结): the case becomes
/// <see cref="CaseStatus.AnsweredDirectly"/> with an <see cref="CaseEventKind.AnsweredFromKnowledgeBase"/> event.
/// Leaves by <c>NotFound</c> when the article does not exist or is inactive.
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
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var articleId = context.Get(ArticleId);
        if (string.IsNullOrWhiteSpace(articleId))
        {
            context.Complete("NotFound");
            return;
        }

        await using var read = await context.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var article = await read.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId && a.IsActive);
        if (article is null)
        {
            context.Complete("NotFound");
            return;
        }

        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.Status = CaseStatus.AnsweredDirectly;
            @case.ClosedAt = at;
            db.Append(@case, CaseEventKind.AnsweredFromKnowledgeBase, CaseActor.System, at, new JsonObject
            {
                ["articleId"] = article.Id,
                ["title"] = article.Title,
            });
        }));
        context.Complete("Answered");
    }
}
