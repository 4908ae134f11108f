using Hotline.Domain.Knowledge;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// The knowledge base for the people who answer citizens: <c>GET /api/knowledge/search</c>, the active articles that
/// match what the citizen asked, best first (<see cref="KnowledgeBase.SearchAsync"/>), so an operator can answer at once
/// (直接办结) with the article's id.
/// </summary>
public static class KnowledgeApi
{
    /// <summary>The longest query accepted.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>The roles that answer citizens from the knowledge base.</summary>
    public static IReadOnlyList<string> ReaderRoles { get; } = [HotlineRoles.Operator, HotlineRoles.Dispatcher, HotlineRoles.CallbackAgent, HotlineRoles.Administrator];

    /// <summary>One article found, with its score.</summary>
    public sealed record KnowledgeHitView(string Id, string Title, string Question, string Answer, string? SubjectCode, int Score, DateTimeOffset UpdatedAt);

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/knowledge/search", SearchAsync)
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles))
            .WithTags("Knowledge").WithName("SearchKnowledge")
            .WithSummary("Active knowledge-base articles matching the citizen's words (and ranked up for a subject), best first.")
            .WithQueryParameters(
                new QueryParameter("q", "What the citizen asked, in their words.") { MaxLength = MaxQueryLength },
                new QueryParameter("subjectCode", "Rank this subject's articles first; alone, list them.") { MaxLength = 32 },
                new QueryParameter("take", "How many articles, 1 to 50.") { Type = typeof(int), Minimum = 1, Maximum = 50, Default = "10" })
            .WithBoundedValues()
            .Produces<List<KnowledgeHitView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> SearchAsync(string? q, string? subjectCode, string? take, KnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var count = 10;
        if (take is not null && (!int.TryParse(take, out count) || count is < 1 or > 50))
            errors["take"] = ["'take' must be a whole number from 1 to 50."];
        var hits = await FindAsync(q, subjectCode, count, knowledge, errors, cancellationToken);
        return errors.Count > 0 ? Results.ValidationProblem(errors, title: "The knowledge search is not valid.") : Results.Ok(hits);
    }

    /// <summary>The offered articles for the citizen's words and/or a subject, best first; empty, with <paramref name="errors"/> filled, when the search is not valid.</summary>
    internal static async Task<List<KnowledgeHitView>> FindAsync(string? q, string? subjectCode, int count, KnowledgeBase knowledge, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (q is { Length: > MaxQueryLength })
            errors["q"] = [$"The query is longer than {MaxQueryLength} characters."];
        if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(subjectCode))
            errors["q"] = ["Give the citizen's words ('q'), a subject ('subjectCode'), or both."];
        if (errors.Count > 0)
            return [];
        var hits = await knowledge.SearchAsync(q, string.IsNullOrWhiteSpace(subjectCode) ? null : subjectCode.Trim(), count, cancellationToken);
        return hits.Select(h => new KnowledgeHitView(h.Article.Id, h.Article.Title, h.Article.Question, h.Article.Answer, h.Article.SubjectCode, h.Score, h.Article.UpdatedAt)).ToList();
    }
}
