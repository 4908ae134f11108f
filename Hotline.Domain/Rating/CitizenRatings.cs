using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Rating;

/// <summary>What the rating page shows for a working link: no names, no telephone numbers.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Content">What the citizen said, shortened.</param>
/// <param name="Reply">The last reply's text.</param>
public sealed record RatingSubject(string CaseNumber, string Content, string Reply);

/// <summary>
/// 好差评 through a reply's one-time link: <see cref="FindAsync"/> tells whether a link works, <see cref="RateAsync"/>
/// uses it. A link works once: the token is marked used by a conditional update in the same transaction as the
/// <see cref="CaseEventKind.CitizenRated"/> event, so of two submissions at the same moment only one counts.
/// </summary>
public sealed class CitizenRatings(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock)
{
    /// <summary>How much of the case's content the page shows.</summary>
    public const int ContentShown = 120;

    /// <summary>The case a working <paramref name="token"/> rates; null when the link is unknown, used, expired, replaced, or the case cannot be rated.</summary>
    public async Task<RatingSubject?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await WorkingAsync(db, token, cancellationToken);
        var @case = row is null ? null : await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == row.CaseId, cancellationToken);
        if (@case is not { CanBeRated: true })
            return null;
        var replies = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.Replied)
            .OrderByDescending(e => e.Sequence).Select(e => e.Data).FirstOrDefaultAsync(cancellationToken);
        var reply = CaseEventData.Read<RepliedData>(replies)?.Text ?? "";
        return new RatingSubject(@case.Number, Shorten(@case.Content), reply);
    }

    /// <summary>Records the rating when <paramref name="token"/> works; false (nothing recorded) when it does not.</summary>
    /// <exception cref="ArgumentException">The comment is longer than <see cref="Case.RatingCommentMaxLength"/>.</exception>
    public async Task<bool> RateAsync(string? token, CitizenRating rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (comment is { Length: > Case.RatingCommentMaxLength })
            throw new ArgumentException($"A rating comment has at most {Case.RatingCommentMaxLength} characters.", nameof(comment));
        if (token is not { Length: > 0 })
            return false;
        var now = clock.GetUtcNow();
        var hash = SecretTokens.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The one write that decides: only one submission finds the token unused.
        var taken = await db.RatingTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ReplacedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        var caseId = taken == 1 ? await db.RatingTokens.Where(t => t.TokenHash == hash).Select(t => t.CaseId).SingleAsync(cancellationToken) : Guid.Empty;
        var @case = taken == 1 ? await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken) : null;
        if (@case is not { CanBeRated: true })
            return false; // Disposed without commit: the token stays as it was.
        @case.Rate(rating, comment, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<RatingToken?> WorkingAsync(HotlineDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 0 })
            return null;
        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow();
        return await db.RatingTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ReplacedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= ContentShown ? text : string.Concat(text.AsSpan(0, ContentShown), "…");
}
