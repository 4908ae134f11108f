using Hotline.Domain.Cases;
using Hotline.Domain.Rating;

namespace Hotline.Workbench.Rating;

/// <summary>The rating page's port: a citizen's one-time link, no sign-in (implemented by the host).</summary>
public interface IRatingDesk
{
    /// <summary>What the page shows for a working <paramref name="token"/>; null for an unknown, used, expired or replaced one.</summary>
    Task<RatingSubject?> FindAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Records the rating; false when the token does not work (nothing recorded).</summary>
    Task<bool> RateAsync(string token, CitizenRating rating, string? comment, CancellationToken cancellationToken = default);
}
