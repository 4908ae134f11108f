using Hotline.Domain.Cases;
using Hotline.Domain.Rating;
using Hotline.Workbench.Rating;

namespace Hotline.Host.Workbench;

/// <summary>The rating page's port: the citizen's one-time link, through <see cref="CitizenRatings"/> (no caller: the link is the permission).</summary>
internal sealed class WorkbenchRating(CitizenRatings ratings) : IRatingDesk
{
    /// <inheritdoc />
    public Task<RatingSubject?> FindAsync(string token, CancellationToken cancellationToken = default) => ratings.FindAsync(token, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RateAsync(string token, CitizenRating rating, string? comment, CancellationToken cancellationToken = default) =>
        ratings.RateAsync(token, rating, comment, cancellationToken);
}
