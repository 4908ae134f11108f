using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Knowledge;

/// <summary>An article found by a search, with its score.</summary>
public sealed record KnowledgeHit(KnowledgeArticle Article, int Score);

/// <summary>
/// Searches the knowledge base for the operator over the database's full-text index (<see cref="FullTextQueries"/>): the
/// query is cut into words by <see cref="ChineseSegmenter"/> as the articles were when they were saved; articles with
/// every word are found, or, when none has them all, articles with any, ranked by the database (title and keywords
/// weigh most, then the question, then the answer), and articles of the case's subject rank higher.
/// </summary>
/// <remarks>Reads through the scope's context: a workflow burst's, or a request's.</remarks>
public sealed class KnowledgeBase(HotlineDbContext db, ChineseSegmenter segmenter, TimeProvider clock, IOptions<CaseOptions> options)
{
    private readonly TimeZoneInfo _timeZone = options.Value.ResolveTimeZone();

    /// <summary>The score of the best match; the others score in proportion to their rank.</summary>
    public const int BestMatchScore = 100;

    /// <summary>What an article of the asked subject adds to its score; alone, the score of a subject's article that does not match the words.</summary>
    public const int SubjectScore = 50;

    // Matches read at most: more than a page of hits, so that the subject's articles can still move up.
    private const int MaxMatches = 200;

    /// <summary>
    /// Published articles in their validity dates (<see cref="KnowledgeArticle.OfferedOn"/>) matching <paramref name="text"/>, best first (ties: most recently updated first). With a
    /// subject, articles of that subject rank higher, and with no text they are listed alone.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string? text, string? subjectCode = null, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var terms = segmenter.QueryTerms(text);
        if (terms.Count == 0 && subjectCode is null)
            return [];

        var candidates = db.KnowledgeArticles.AsNoTracking().Where(KnowledgeArticle.OfferedOn(Today));
        var hits = new Dictionary<string, KnowledgeHit>(StringComparer.Ordinal);
        if (terms.Count > 0)
        {
            var matches = await MatchAsync(candidates, terms, all: true, cancellationToken);
            if (matches.Count == 0 && terms.Count > 1)
                matches = await MatchAsync(candidates, terms, all: false, cancellationToken);
            var best = matches.Count == 0 ? 0 : -matches.Min(m => m.Rank);
            foreach (var (article, rank) in matches)
                hits[article.Id] = new KnowledgeHit(article, Score(-rank, best) + (article.SubjectCode == subjectCode ? SubjectScore : 0));
        }

        if (subjectCode is not null)
        {
            foreach (var article in await candidates.Where(a => a.SubjectCode == subjectCode).ToListAsync(cancellationToken))
                hits.TryAdd(article.Id, new KnowledgeHit(article, SubjectScore));
        }

        return hits.Values
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.Article.UpdatedAt)
            .ThenBy(h => h.Article.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    /// <summary>The article with this id if operators may answer with it today (<see cref="KnowledgeArticle.OfferedOn"/>); null otherwise.</summary>
    public Task<KnowledgeArticle?> FindOfferedAsync(string id, CancellationToken cancellationToken = default) =>
        db.KnowledgeArticles.AsNoTracking().Where(KnowledgeArticle.OfferedOn(Today)).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The hotline's local date: validity dates are the centre's days.</summary>
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _timeZone).DateTime);

    private async Task<List<(KnowledgeArticle Article, double Rank)>> MatchAsync(IQueryable<KnowledgeArticle> candidates, IReadOnlyList<string> terms, bool all, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in candidates
                join m in FullTextQueries.Articles(db, terms, all) on a.Id equals m.ArticleId
                orderby m.Rank, a.Id
                select new { Article = a, m.Rank })
            .Take(MaxMatches)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Article, r.Rank)).ToList();
    }

    /// <summary>A match's share of the best match's relevance, 1 to <see cref="BestMatchScore"/>.</summary>
    private static int Score(double relevance, double best) =>
        best <= 0 ? BestMatchScore : Math.Clamp((int)Math.Round(BestMatchScore * relevance / best), 1, BestMatchScore);
}
