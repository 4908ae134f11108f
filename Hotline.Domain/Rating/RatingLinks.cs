using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Rating;

/// <summary>
/// Issues the one-time rating link of a reply, on the caller's (the burst's) context, which saves it: the outbox writes
/// the link into the text message to the citizen only (the reply's timeline event never carries it, so no staff screen shows it).
/// </summary>
public static class RatingLinks
{
    /// <summary>
    /// A new token for <paramref name="case"/>, added to <paramref name="db"/>; the case's earlier unused tokens are
    /// marked replaced. Returns the link to give the citizen (<see cref="RatingOptions.LinkFor"/>).
    /// </summary>
    public static async Task<string> IssueAsync(HotlineDbContext db, Case @case, RatingOptions options, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        var utc = at.ToUniversalTime();
        var earlier = await db.RatingTokens.Where(t => t.CaseId == @case.Id && t.UsedAt == null && t.ReplacedAt == null).ToListAsync(cancellationToken);
        foreach (var token in earlier)
        {
            token.ReplacedAt = utc;
            db.DetectChangesOf(token);
        }
        var secret = SecretTokens.New();
        db.RatingTokens.Add(new RatingToken { TokenHash = SecretTokens.Hash(secret), CaseId = @case.Id, CreatedAt = utc, ExpiresAt = utc + options.ValidFor });
        return options.LinkFor(secret);
    }
}
