using Microsoft.Extensions.Options;

namespace Hotline.Domain.Rating;

/// <summary>Citizen rating (好差评) settings: <see cref="ValidFor"/> from <c>Hotline:Rating</c>, <see cref="PublicBaseUrl"/> from <c>Hotline:PublicBaseUrl</c>.</summary>
public sealed class RatingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Rating";

    /// <summary>The key of the public address setting.</summary>
    public const string PublicBaseUrlKey = "Hotline:PublicBaseUrl";

    /// <summary>How long a rating link works after the reply (default 15 days).</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(15);

    /// <summary>
    /// The address citizens reach the host at, absolute http(s), no query (default <c>http://127.0.0.1:5080</c>, the host's own address when run as the README says); the
    /// rating link is <c>{PublicBaseUrl}/rate/{token}</c>.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The link for <paramref name="token"/>.</summary>
    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/rate/{token}";
}

/// <summary>Refuses rating settings that cannot work, when the host starts.</summary>
public sealed class RatingOptionsValidator : IValidateOptions<RatingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RatingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ValidFor <= TimeSpan.Zero)
            errors.Add($"{RatingOptions.SectionName}:ValidFor must be positive; it is {options.ValidFor}.");
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.Query.Length > 0 || url.Fragment.Length > 0)
            errors.Add($"{RatingOptions.PublicBaseUrlKey} must be an absolute http(s) address without query; it is '{options.PublicBaseUrl}'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
