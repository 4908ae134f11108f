using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Cases;

/// <summary>Full-text search over cases' content and address, within the cases a caller may see.</summary>
public static class CaseSearch
{
    /// <summary>
    /// The cases of <paramref name="cases"/> (already filtered to what the caller may see and asked for) that have every
    /// one of <paramref name="terms"/>, best match first; if none has them all, those that have any, ranked.
    /// </summary>
    /// <remarks>
    /// Every term first, because a caller who types 施工 噪音 wants the cases that are about both. Any term after that,
    /// because citizens' and operators' words differ (煤气 and 燃气): a ranked list that starts with the cases sharing
    /// the most and the rarest words beats an empty one. The fallback costs one more query only when nothing matched all.
    /// </remarks>
    public static async Task<IQueryable<Case>> RankAsync(HotlineDbContext db, IQueryable<Case> cases, IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
    {
        var ranked = Ranked(db, cases, terms, all: true);
        if (terms.Count > 1 && !await ranked.AnyAsync(cancellationToken))
            ranked = Ranked(db, cases, terms, all: false);
        return ranked;
    }

    private static IQueryable<Case> Ranked(HotlineDbContext db, IQueryable<Case> cases, IReadOnlyList<string> terms, bool all) =>
        from c in cases
        join m in FullTextQueries.Cases(db, terms, all) on c.Id equals m.CaseId
        orderby m.Rank, c.CreatedAt descending, c.Id descending
        select c;
}
