using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Rating;

/// <summary>Issues the one-time rating link of a reply, on the caller's (the burst's) context, which saves it.</summary>
public static class RatingLinks
{
    /// <summary>The words before the link in the reply's text.</summary>
    public const string Prompt = "请您对本次办理进行评价：";

    /// <summary>The reply's text with the rating link on a line of its own at the end.</summary>
    public static string Append(string text, string link) => $"{text}\n{Prompt}{link}";

    /// <summary>The reply's text without the rating line <see cref="Append"/> added.</summary>
    public static string WithoutLink(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf("\n" + Prompt, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }

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
            token.ReplacedAt = utc;
        var secret = SecretTokens.New();
        db.RatingTokens.Add(new RatingToken { TokenHash = SecretTokens.Hash(secret), CaseId = @case.Id, CreatedAt = utc, ExpiresAt = utc + options.ValidFor });
        return options.LinkFor(secret);
    }
}
