using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Indexes at start-up the cases and articles that have no index entry: those saved before the <c>ChineseSearch</c>
/// migration (which cannot run jieba), or by a writer that bypassed <see cref="SearchIndexer"/>. Also loads the
/// segmenter, so the first case of the day does not wait for the dictionary.
/// </summary>
/// <remarks>
/// Batches of <see cref="BatchSize"/>, each saved on its own: an interrupted start-up leaves what it indexed, and the
/// next start goes on. Two hosts starting on one PostgreSQL database may index the same row; the loser's batch fails on
/// the unique key, and it reads again what is still missing.
/// </remarks>
public static partial class SearchIndexBackfill
{
    /// <summary>Rows indexed per save.</summary>
    public const int BatchSize = 500;

    private const int MaxConflicts = 5;

    /// <summary>Indexes every case and article that lacks an entry; returns how many it indexed.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<HotlineDbContext> contexts, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var segmenter = ChineseSegmenter.Instance;
        LogSegmenter(logger, segmenter.LoadTime.TotalMilliseconds);
        var cases = await BackfillAsync(
            contexts,
            db => db.Cases.Where(c => !db.CaseSearchEntries.Any(e => e.CaseId == c.Id)).OrderBy(c => c.Id),
            c => new CaseSearchEntry { CaseId = c.Id, ContentTerms = segmenter.IndexText(c.Content), AddressTerms = segmenter.IndexText(c.Address) },
            cancellationToken);
        var articles = await BackfillAsync(
            contexts,
            db => db.KnowledgeArticles.Where(a => !db.KnowledgeSearchEntries.Any(e => e.ArticleId == a.Id)).OrderBy(a => a.Id),
            a => new KnowledgeSearchEntry
            {
                ArticleId = a.Id,
                TitleTerms = segmenter.IndexText(a.Title),
                QuestionTerms = segmenter.IndexText(a.Question),
                AnswerTerms = segmenter.IndexText(a.Answer),
                KeywordTerms = segmenter.IndexText(a.Keywords),
            },
            cancellationToken);
        if (cases + articles > 0)
            LogIndexed(logger, cases, articles);
        return cases + articles;
    }

    private static async Task<int> BackfillAsync<TRow, TEntry>(
        IDbContextFactory<HotlineDbContext> contexts, Func<HotlineDbContext, IQueryable<TRow>> missing, Func<TRow, TEntry> entryOf, CancellationToken cancellationToken)
        where TRow : class
        where TEntry : class
    {
        var indexed = 0;
        var conflicts = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await missing(db).AsNoTracking().Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                return indexed;
            db.Set<TEntry>().AddRange(rows.Select(entryOf));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                indexed += rows.Count;
            }
            catch (DbUpdateException) when (++conflicts <= MaxConflicts)
            {
                // Another host indexed some of these rows first: read what is still missing.
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Chinese word segmentation ready (jieba dictionary loaded in {Milliseconds:0} ms)")]
    private static partial void LogSegmenter(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Full-text index: indexed {Cases} cases and {Articles} knowledge articles that had no entry")]
    private static partial void LogIndexed(ILogger logger, int cases, int articles);
}
