using Hotline.Host.Security;
using Hotline.Domain.Users;

namespace Hotline.Host.Api.Open311;

/// <summary>
/// Checks the API key of an Open311 <c>POST requests</c> against the integrator keys of
/// <see cref="SecurityOptions"/> (<c>Hotline:Security:ApiKeys</c>), the keys <see cref="ApiKeyAuthenticationHandler"/>
/// accepts, compared the same way (<see cref="SecurityOptions.FindApiKey"/>). GeoReport v2 puts the key in the form (<c>api_key</c>), where no authentication handler looks.
/// </summary>
public static class Open311ApiKeys
{
    /// <summary>The roles a key needs to post requests: the ones that may start workflows.</summary>
    public static IReadOnlyList<string> PostingRoles { get; } = [HotlineRoles.Integrator, HotlineRoles.Administrator];

    /// <summary>The configured key equal to <paramref name="presented"/> that may post requests, or null.</summary>
    public static ApiKeyOptions? Authenticate(string? presented, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        var match = security.FindApiKey(presented);
        return match is not null && match.Roles.Any(r => PostingRoles.Contains(r, StringComparer.Ordinal)) ? match : null;
    }

    /// <summary>
    /// The district a read is confined to: that of a valid key presented in the query or a header by a district's
    /// system (a county portal sees its own district's requests); null for anonymous readers and city-wide keys.
    /// </summary>
    public static string? District(HttpRequest request, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        var key = security.FindApiKey(Presented(request, bodyKey: null));
        return string.IsNullOrEmpty(key?.DistrictCode) ? null : key.DistrictCode;
    }

    /// <summary>
    /// The key a request presents: the form's (or JSON body's) <c>api_key</c> as GeoReport v2 says, else the query
    /// string's <c>api_key</c> (the Open311 Swagger file), else <c>X-Api-Key</c> or <c>Authorization: ApiKey …</c>
    /// as for the rest of the hotline's API.
    /// </summary>
    public static string? Presented(HttpRequest request, string? bodyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(bodyKey))
            return bodyKey;
        if (request.Query["api_key"].FirstOrDefault() is { Length: > 0 } queryKey)
            return queryKey;
        return ApiKeyAuthenticationHandler.PresentedKey(request);
    }
}
