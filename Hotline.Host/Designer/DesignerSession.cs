using Hotline.Host.Security;
using Hotline.Domain.Users;

namespace Hotline.Host.Designer;

/// <summary>
/// Sign-in and sign-out of the designer. Signing in issues an ordinary bearer token (<see cref="UserService"/>) and
/// keeps it in the session cookie (<see cref="SessionCookie"/>), which the workbench shares. The page hands the same token to the Studio's elements, whose API calls send it as a Bearer header.
/// </summary>
internal static class DesignerSession
{
    /// <summary>The CSP of the sign-in and refusal pages: their inline stylesheet and nothing else.</summary>
    private const string PageSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The token of the request: the session cookie, or a bearer header (tests, scripts).</summary>
    public static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        return request.Cookies[BearerTokenAuthenticationHandler.SessionCookie] is { Length: > 0 } cookie ? cookie : null;
    }

    /// <summary>GET /designer/login: the sign-in form.</summary>
    public static IResult LoginPage(HttpContext context) =>
        Login(context, StatusCodes.Status200OK, null, "", ReturnUrl(context.Request.Query["returnUrl"].FirstOrDefault()));

    /// <summary>POST /designer/login (form: userName, password, returnUrl).</summary>
    public static async Task<IResult> SignInAsync(HttpContext context, UserService users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!IsSameOrigin(request))
            return Login(context, StatusCodes.Status403Forbidden, "crossSite", "", BasePathSlash);
        if (!request.HasFormContentType)
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Post the sign-in form (application/x-www-form-urlencoded).");
        var form = await request.ReadFormAsync(cancellationToken);
        var userName = form["userName"].ToString().Trim();
        var returnUrl = ReturnUrl(form["returnUrl"].ToString());
        var result = await users.SignInAsync(userName, form["password"].ToString(), SessionKind.Browser, cancellationToken);
        if (result.Token is not { } issued)
        {
            // Locked and must-change are said only after the right password (or to a locked account), as by the API.
            return result.Outcome switch
            {
                SignInOutcome.LockedOut => Login(context, StatusCodes.Status403Forbidden, "accountLocked", userName, returnUrl),
                SignInOutcome.MustChangePassword => Login(context, StatusCodes.Status403Forbidden, "passwordChangeRequired", userName, returnUrl),
                _ => Login(context, StatusCodes.Status401Unauthorized, "signInFailed", userName, returnUrl),
            };
        }

        if (!issued.User.Roles.Contains(HotlineRoles.Administrator))
        {
            // The designer is for administrators only: no session for anyone else.
            await users.RevokeAsync(issued.Token, cancellationToken);
            return Login(context, StatusCodes.Status403Forbidden, "notAdministrator", userName, returnUrl);
        }

        SessionCookie.Issue(context, issued, clock);
        return Results.Redirect(returnUrl);
    }

    /// <summary>POST /designer/logout: ends the session (the token is revoked, the cookie removed).</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!IsSameOrigin(request))
            return Login(context, StatusCodes.Status403Forbidden, "crossSite", "", BasePathSlash);
        await SessionCookie.EndAsync(context, users, cancellationToken);
        return Results.Redirect(DesignerEndpoints.BasePath + "/login");
    }

    /// <summary>The sign-in page with a status, an optional message (a text key) and where to go after signing in.</summary>
    public static IResult Login(HttpContext context, int statusCode, string? messageKey, string userName, string returnUrl)
    {
        var language = DesignerPages.Language(context);
        var message = messageKey is null ? "" :
            $"<p class=\"hd-error\" id=\"hd-message\">{DesignerPages.Html.Encode(DesignerPages.Text(language, messageKey))}</p>";
        var html = DesignerPages.Render("login.html", language,
            new Dictionary<string, string?>
            {
                ["userNameValue"] = userName,
                ["returnUrl"] = returnUrl,
                ["switchLanguageUrl"] = $"{DesignerEndpoints.BasePath}/login?lang={DesignerPages.OtherLanguage(language)}&returnUrl={Uri.EscapeDataString(returnUrl)}",
            },
            new Dictionary<string, string> { ["css"] = DesignerPages.PagesCss, ["message"] = message });
        DesignerEndpoints.NoStore(context.Response, PageSecurityPolicy);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>The page for a signed-in person who is not an administrator.</summary>
    public static string ForbiddenPage(HttpContext context)
    {
        var language = DesignerPages.Language(context);
        var here = context.Request.PathBase + context.Request.Path;
        DesignerEndpoints.NoStore(context.Response, PageSecurityPolicy);
        return DesignerPages.Render("forbidden.html", language,
            new Dictionary<string, string?>
            {
                ["userName"] = Api.Caller.DisplayName(context.User),
                ["switchLanguageUrl"] = $"{here}?lang={DesignerPages.OtherLanguage(language)}",
            },
            new Dictionary<string, string> { ["css"] = DesignerPages.PagesCss });
    }

    /// <summary>
    /// A local address under /designer to return to after signing in; anything else (another site, a scheme-relative
    /// <c>//host</c>, a backslash trick) becomes <c>/designer/</c>.
    /// </summary>
    public static string ReturnUrl(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Contains('\\', StringComparison.Ordinal) || candidate.Contains("//", StringComparison.Ordinal)
            || candidate.Contains("/..", StringComparison.Ordinal)
            || candidate.Any(char.IsControl) || !candidate.StartsWith(DesignerEndpoints.BasePath + "/", StringComparison.Ordinal)
            || candidate.StartsWith(DesignerEndpoints.BasePath + "/login", StringComparison.Ordinal) || candidate.StartsWith(DesignerEndpoints.BasePath + "/logout", StringComparison.Ordinal))
            return BasePathSlash;
        return candidate;
    }

    /// <summary>
    /// Whether a form post comes from this site's own pages (Sec-Fetch-Site, else Origin): sign-in and sign-out
    /// cannot be triggered by another site. Clients that send neither header (scripts) are not browsers.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        if (!string.IsNullOrEmpty(site))
            return site is "same-origin" or "none";
        var origin = request.Headers.Origin.FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
            return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private const string BasePathSlash = DesignerEndpoints.BasePath + "/";
}
