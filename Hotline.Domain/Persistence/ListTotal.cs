using System.Linq.Expressions;
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

    /// <summary>
    /// The rows of <paramref name="query"/>, counted up to <see cref="Cap"/> and one more. Its order is left out: a count
    /// does not depend on it, and a limit under an order would make the database sort (or rank) every row first.
    /// </summary>
    public static async Task<ListTotal> OfAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var counted = await WithoutOrder(query).Take(Cap + 1).CountAsync(cancellationToken);
        return counted > Cap ? new ListTotal(Cap, true) : Exact(counted);
    }

    /// <summary><paramref name="query"/> without its order.</summary>
    internal static IQueryable<T> WithoutOrder<T>(IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider.CreateQuery<T>(Unordered.Instance.Visit(query.Expression));
    }

    /// <summary>
    /// Takes every <c>OrderBy</c>/<c>ThenBy</c> (ascending or descending) out of a query, leaving its source — except
    /// under a <c>Skip</c> or <c>Take</c>, whose rows depend on the order (a filter after them counts different rows).
    /// </summary>
    private sealed class Unordered : ExpressionVisitor
    {
        public static readonly Unordered Instance = new();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable))
                return base.VisitMethodCall(node);
            return node.Method.Name switch
            {
                nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) => Visit(node.Arguments[0]),
                nameof(Queryable.Skip) or nameof(Queryable.Take) or nameof(Queryable.SkipWhile) or nameof(Queryable.TakeWhile)
                    or nameof(Queryable.SkipLast) or nameof(Queryable.TakeLast) => node,
                _ => base.VisitMethodCall(node),
            };
        }
    }
}
