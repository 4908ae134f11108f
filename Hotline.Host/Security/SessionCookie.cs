using Hotline.Domain.Users;

namespace Hotline.Host.Security;

/// <summary>
/// The browser session of people's pages, the designer's and the workbench's alike: a bearer token
/// (<see cref="UserService"/>) kept in one cookie, HttpOnly, SameSite=Strict, Secure over HTTPS, path <c>/</c>, expiring
/// with the token. It authenticates pages and the workbench's Blazor hub only: on the data paths (<c>/api</c>, the Elsa
/// API, Open311, the OpenAPI document) it never counts, so no API call can be driven by a cookie (no CSRF there); those
/// take a bearer header or an API key.
/// </summary>
public static class SessionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "hotline.session";

    private static readonly PathString[] DataPaths = ["/api", "/elsa", "/open311", "/openapi", "/health"];

    /// <summary>Whether the cookie authenticates a request to <paramref name="path"/> (a page, not a data path).</summary>
    public static bool Counts(PathString path) => !DataPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The session's token on this request, if any.</summary>
    public static string? Token(HttpRequest request) =>
        request.Cookies[Name] is { Length: > 0 } token ? token : null;

    /// <summary>Starts the session: the cookie carries <paramref name="issued"/>'s token as long as the token lives.</summary>
    public static void Issue(HttpContext context, IssuedToken issued, TimeProvider clock) =>
        context.Response.Cookies.Append(Name, issued.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = issued.ExpiresAt,
            // Max-Age wins over Expires in browsers: the cookie lives as long as the token even when the browser's
            // clock disagrees with the host's.
            MaxAge = issued.ExpiresAt - clock.GetUtcNow(),
            IsEssential = true,
        });

    /// <summary>Ends the session on this request: the token is revoked (every tab loses it), the cookie removed.</summary>
    public static async Task EndAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        if (Token(context.Request) is { } token)
            await users.RevokeAsync(token, cancellationToken);
        Delete(context);
    }

    /// <summary>Removes the cookie.</summary>
    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/",
        });
}
