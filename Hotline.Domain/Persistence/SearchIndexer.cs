using System.Linq.Expressions;
using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Keeps the full-text index in step with cases and knowledge articles: every save of a <see cref="HotlineDbContext"/>
/// that adds a case or an article, or changes the text of one, writes its words (<see cref="CaseSearchEntry"/>,
/// <see cref="KnowledgeSearchEntry"/>) in that same save, so in the same transaction.
/// </summary>
/// <remarks>
/// A hook on the context rather than index rows each writer adds: cases are registered inside workflow bursts
/// (<see cref="WorkflowCommitTransaction"/>), articles by the reference import, the demo seed and future admin edits, and
/// each of them keeps the index right without knowing of it. Writes that bypass the change tracker
/// (<c>ExecuteUpdate</c>, raw SQL) would bypass the index too; none touches these texts. A save that changes no such text
/// pays one look over the tracked entries.
/// </remarks>
public sealed class SearchIndexer : SaveChangesInterceptor
{
    /// <summary>The indexer; it holds no state.</summary>
    public static SearchIndexer Instance { get; } = new();

    private SearchIndexer()
    {
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            IndexAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            await IndexAsync(db, async: true, cancellationToken);
        return result;
    }

    /// <remarks>With <paramref name="async"/> false nothing is awaited that is not already complete.</remarks>
    private static async Task IndexAsync(HotlineDbContext db, bool async, CancellationToken cancellationToken)
    {
        var cases = Changed(db.ChangeTracker.Entries<Case>(), c => c.Content, c => c.Address);
        var articles = Changed(db.ChangeTracker.Entries<KnowledgeArticle>(), a => a.Title, a => a.Question, a => a.Answer, a => a.Keywords);
        if (cases.Count == 0 && articles.Count == 0)
            return;

        var segmenter = ChineseSegmenter.Instance;
        if (cases.Count > 0)
        {
            var stored = cases.Where(c => c.State != EntityState.Added).Select(c => c.Entity.Id).ToList();
            var entries = await EntriesAsync(db.CaseSearchEntries, e => e.CaseId, cases.Select(c => c.Entity.Id), e => stored.Contains(e.CaseId), stored.Count > 0, async, cancellationToken);
            foreach (var @case in cases.Select(c => c.Entity))
            {
                var entry = entries.GetValueOrDefault(@case.Id) ?? db.CaseSearchEntries.Add(new CaseSearchEntry { CaseId = @case.Id }).Entity;
                entry.ContentTerms = segmenter.IndexText(@case.Content);
                entry.AddressTerms = segmenter.IndexText(@case.Address);
                db.DetectChangesOf(entry);
            }
        }

        if (articles.Count > 0)
        {
            var stored = articles.Where(a => a.State != EntityState.Added).Select(a => a.Entity.Id).ToList();
            var entries = await EntriesAsync(db.KnowledgeSearchEntries, e => e.ArticleId, articles.Select(a => a.Entity.Id), e => stored.Contains(e.ArticleId), stored.Count > 0, async, cancellationToken);
            foreach (var article in articles.Select(a => a.Entity))
            {
                var entry = entries.GetValueOrDefault(article.Id) ?? db.KnowledgeSearchEntries.Add(new KnowledgeSearchEntry { ArticleId = article.Id }).Entity;
                entry.TitleTerms = segmenter.IndexText(article.Title);
                entry.QuestionTerms = segmenter.IndexText(article.Question);
                entry.AnswerTerms = segmenter.IndexText(article.Answer);
                entry.KeywordTerms = segmenter.IndexText(article.Keywords);
                db.DetectChangesOf(entry);
            }
        }
    }

    /// <summary>The entries added, and those modified in one of <paramref name="texts"/>.</summary>
    private static List<EntityEntry<T>> Changed<T>(IEnumerable<EntityEntry<T>> entries, params Expression<Func<T, string?>>[] texts)
        where T : class =>
        entries.Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && texts.Any(t => e.Property(t).IsModified))).ToList();

    /// <summary>
    /// The index entries of <paramref name="keys"/> the context tracks, and those the database holds for
    /// <paramref name="stored"/> (loaded only when <paramref name="load"/>: a new case or article has none yet).
    /// </summary>
    private static async Task<Dictionary<TKey, TEntry>> EntriesAsync<TEntry, TKey>(
        DbSet<TEntry> set, Func<TEntry, TKey> keyOf, IEnumerable<TKey> keys, Expression<Func<TEntry, bool>> stored, bool load, bool async, CancellationToken cancellationToken)
        where TEntry : class
        where TKey : notnull
    {
        // A save tried again on the same context finds the entries it added the first time.
        var wanted = keys.ToHashSet();
        var entries = set.Local.Where(e => wanted.Contains(keyOf(e))).ToDictionary(keyOf);
        if (!load)
            return entries;
        var loaded = async ? await set.Where(stored).ToListAsync(cancellationToken) : [.. set.Where(stored)];
        foreach (var entry in loaded)
            entries.TryAdd(keyOf(entry), entry);
        return entries;
    }
}
