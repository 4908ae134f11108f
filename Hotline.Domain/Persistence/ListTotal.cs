using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// How many rows a long list has, as its pager shows it: exact up to <see cref="Cap"/>, and "<see cref="Cap"/> or more"
/// (<see cref="Capped"/>) beyond. Counting stops at the cap: an exact count of a million cases is a walk of a whole index
/// on PostgreSQL (60–90 ms at a million, on every page), and nobody pages through ten thousand rows — they filter.
/// </summary>
/// <param name="Count">The rows counted: the exact total, or <see cref="Cap"/> when <see cref="Capped"/>.</param>
/// <param name="Capped">Whether more than <see cref="Cap"/> rows match.</param>
public readonly record struct ListTotal(int Count, bool Capped)
{
    /// <summary>The most a list counts exactly.</summary>
    public const int Cap = 10_000;

    /// <summary>The total of a list that is counted in full.</summary>
    public static ListTotal Exact(int count) => new(count, false);

    /// <summary>The rows of <paramref name="query"/>, counted up to <see cref="Cap"/> and one more.</summary>
    public static async Task<ListTotal> OfAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var counted = await query.Take(Cap + 1).CountAsync(cancellationToken);
        return counted > Cap ? new ListTotal(Cap, true) : Exact(counted);
    }
}
