using System.Globalization;
using System.Linq.Expressions;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Knowledge;

/// <summary>An article found by a search, with its score.</summary>
public sealed record KnowledgeHit(KnowledgeArticle Article, int Score);

/// <summary>
/// Searches the knowledge base for the operator. Chinese is written without spaces, so there is no tokenizer: the
/// query is cut into its space-separated words and, for runs of Chinese characters, every two-character piece
/// (公积金提取 → 公积, 积金, 金提, 提取). Articles are matched by substring on title, keywords and question, and
/// ranked by where the pieces occur, by keywords the query contains whole, and by subject.
/// </summary>
/// <remarks>
/// Substring matching (<c>LIKE '%…%'</c>) reads every active article; a knowledge base has hundreds to a few thousand,
/// which that serves well. A full-text index (PostgreSQL <c>zhparser</c>) would be the next step beyond that.
/// <para>Reads through the scope's context: a workflow burst's, or a request's.</para>
/// </remarks>
public sealed class KnowledgeBase(HotlineDbContext db, TimeProvider clock, IOptions<CaseOptions> options)
{
    private readonly TimeZoneInfo _timeZone = options.Value.ResolveTimeZone();

    /// <summary>The most query pieces used; a longer query is cut.</summary>
    public const int MaxTerms = 24;

    private const int TitleWeight = 3;
    private const int KeywordWeight = 3;
    private const int QuestionWeight = 1;
    private const int WholeKeywordWeight = 5;
    private const int WholeQueryInTitleWeight = 10;
    private const int SubjectWeight = 4;

    /// <summary>
    /// Active articles matching <paramref name="text"/>, best first (ties: most recently updated first). With a
    /// subject, articles of that subject rank higher, and with no text they are listed alone.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string? text, string? subjectCode = null, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var query = (text ?? "").Trim();
        var terms = Terms(query);
        if (terms.Count == 0 && subjectCode is null)
            return [];

        var candidates = db.KnowledgeArticles.AsNoTracking().Where(KnowledgeArticle.OfferedOn(Today));
        if (terms.Count > 0)
        {
            // Articles of the subject, or containing any piece. Keywords are also matched the other way round
            // (a keyword the query contains) after loading, which SQL cannot do over a keyword list.
            Expression<Func<KnowledgeArticle, bool>> predicate = subjectCode is null ? a => false : a => a.SubjectCode == subjectCode;
            foreach (var term in terms)
                predicate = Or(predicate, a => a.Title.Contains(term) || a.Keywords.Contains(term) || a.Question.Contains(term));
            candidates = candidates.Where(predicate);
        }
        else
        {
            candidates = candidates.Where(a => a.SubjectCode == subjectCode);
        }

        var articles = await candidates.ToListAsync(cancellationToken);
        return articles
            .Select(a => new KnowledgeHit(a, Score(a, query, terms, subjectCode)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.Article.UpdatedAt)
            .ThenBy(h => h.Article.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    /// <summary>The hotline's local date: validity dates are the centre's days.</summary>
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _timeZone).DateTime);

    /// <summary>The pieces of a query: its words, and the two-character pieces of its Chinese runs.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        foreach (var word in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(terms, word);
            // Within a word, each run of Chinese characters longer than two is cut into overlapping pairs.
            var run = new List<char>();
            foreach (var c in word.Append(' '))
            {
                if (IsHan(c))
                {
                    run.Add(c);
                    continue;
                }

                for (var i = 0; run.Count > 2 && i + 1 < run.Count; i++)
                    Add(terms, new string([run[i], run[i + 1]]));
                run.Clear();
            }
        }

        return terms.Take(MaxTerms).ToList();

        static void Add(List<string> terms, string term)
        {
            if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase))
                terms.Add(term);
        }
    }

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '　', ',', '，', '、', '。', '.', '?', '？', '!', '！', ';', '；', ':', '：', '"', '“', '”', '(', ')', '（', '）'];

    private static bool IsHan(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is >= '\u3400' and <= '\u9fff';

    private static int Score(KnowledgeArticle article, string query, IReadOnlyList<string> terms, string? subjectCode)
    {
        var score = 0;
        foreach (var term in terms)
        {
            if (article.Title.Contains(term, StringComparison.OrdinalIgnoreCase))
                score += TitleWeight;
            if (article.Keywords.Contains(term, StringComparison.OrdinalIgnoreCase))
                score += KeywordWeight;
            if (article.Question.Contains(term, StringComparison.OrdinalIgnoreCase))
                score += QuestionWeight;
        }

        if (query.Length > 0)
        {
            foreach (var keyword in article.Keywords.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (query.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                    score += WholeKeywordWeight;
            }

            if (query.Length >= 2 && article.Title.Contains(query, StringComparison.OrdinalIgnoreCase))
                score += WholeQueryInTitleWeight;
        }

        if (subjectCode is not null && article.SubjectCode == subjectCode)
            score += SubjectWeight;
        return score;
    }

    private static Expression<Func<KnowledgeArticle, bool>> Or(
        Expression<Func<KnowledgeArticle, bool>> left,
        Expression<Func<KnowledgeArticle, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = Expression.OrElse(left.Body, new ParameterReplacer(right.Parameters[0], parameter).Visit(right.Body));
        return Expression.Lambda<Func<KnowledgeArticle, bool>>(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
