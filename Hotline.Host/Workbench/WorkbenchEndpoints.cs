using System.Globalization;
using Hotline.Domain.Users;
using Hotline.Host.Designer;
using Hotline.Host.Security;
using Hotline.Workbench;
using Hotline.Workbench.Account;
using Hotline.Workbench.Cases;
using Hotline.Workbench.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Localization;

namespace Hotline.Host.Workbench;

/// <summary>
/// The workbench at <c>/</c> (Hotline.Workbench's Blazor pages) and its account endpoints: sign-in, sign-out, change of
/// password and the language switch. Sign-in issues the same session as the designer's (<see cref="SessionCookie"/>);
/// the forms carry anti-forgery tokens. An unsigned browser on a workbench page is sent to <c>/login</c>.
/// </summary>
public static class WorkbenchEndpoints
{
    private const string LanguageCookie = ".hotline.culture";

    /// <summary>
    /// The Content-Security-Policy of the workbench's pages: everything from this host (its live connection included),
    /// no inline script; Ant Design sets inline styles.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the workbench's components and the ports the host implements for it.</summary>
    public static IServiceCollection AddHotlineWorkbenchHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHotlineWorkbench(configuration);
        services.AddScoped<IWorkbenchCases, WorkbenchCases>();
        return services;
    }

    /// <summary>The language of the pages (Chinese unless the language cookie says English) and anti-forgery; after authorization.</summary>
    public static IApplicationBuilder UseWorkbench(this IApplicationBuilder app)
    {
        var localization = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(Texts.Cultures[0]) }
            .AddSupportedCultures([.. Texts.Cultures]).AddSupportedUICultures([.. Texts.Cultures]);
        localization.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        app.UseWhen(context => SessionCookie.Counts(context.Request.Path), branch => branch.UseRequestLocalization(localization));
        app.UseWhen(context => IsPage(context.Request.Path), branch => branch.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        }));
        return app.UseAntiforgery();
    }

    /// <summary>Maps the workbench's files, account endpoints and pages.</summary>
    public static IEndpointRouteBuilder MapWorkbench(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        // Anti-forgery: the middleware checks each form's token (RequireAntiforgeryToken); FormAsync refuses a bad one.
        var account = app.MapGroup("").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapPost(AccountPaths.SignIn, SignInAsync).AllowAnonymous();
        account.MapPost(AccountPaths.SignOut, SignOutAsync).AllowAnonymous();
        account.MapPost(AccountPaths.ChangePassword, ChangePasswordAsync).AllowAnonymous();
        account.MapGet(AccountPaths.Language, Language).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Whether <paramref name="path"/> is one of the workbench's pages (not the designer, not a data path).</summary>
    public static bool IsPage(PathString path) => SessionCookie.Counts(path) && !path.StartsWithSegments(DesignerEndpoints.BasePath);

    /// <summary>A refused workbench page: an unsigned browser goes to sign in (and returns here), never sees a JSON error.</summary>
    public static async Task RefuseAsync(HttpContext context, PolicyAuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (SessionCookie.Token(context.Request) is not null)
            SessionCookie.Delete(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(AccountPaths.LoginUrl(context.Request.Path + context.Request.QueryString));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync("Sign in at /login.", context.RequestAborted);
    }

    /// <summary>
    /// The posted form of one of the workbench's own pages, or null for another site's post, a missing or wrong
    /// anti-forgery token, or no form at all (answered 400 by <see cref="Refused"/>).
    /// </summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // The token first: reading a form whose token failed throws.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !DesignerSession.IsSameOrigin(context.Request)
            || !context.Request.HasFormContentType)
            return null;
        return await context.Request.ReadFormAsync(cancellationToken);
    }

    private static IResult Refused() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Post the form from this site's own page.",
            detail: "The form's anti-forgery token is missing or wrong, or it came from another site: reload the page and try again.");

    private static async Task<IResult> SignInAsync(HttpContext context, UserService users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FormAsync(context, cancellationToken) is not { } form)
            return Refused();
        var returnUrl = AccountPaths.LocalPath(form["returnUrl"]);
        var result = await users.SignInAsync(form["userName"].ToString().Trim(), form["password"].ToString(), cancellationToken);
        if (result.Token is not { } issued)
        {
            // Locked and must-change are said only after the right password (or to a locked account), as by the API.
            var message = result.Outcome switch
            {
                SignInOutcome.LockedOut => "accountLocked",
                SignInOutcome.MustChangePassword => "passwordChangeRequired",
                _ => "signInFailed",
            };
            return Results.Redirect($"{AccountPaths.LoginUrl(returnUrl)}&message={message}");
        }

        SessionCookie.Issue(context, issued, clock);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        if (await FormAsync(context, cancellationToken) is null)
            return Refused();
        await SessionCookie.EndAsync(context, users, cancellationToken);
        return Results.Redirect($"{AccountPaths.Login}?message=signedOut");
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, UserAdministration accounts, CancellationToken cancellationToken)
    {
        if (await FormAsync(context, cancellationToken) is not { } form)
            return Refused();
        // The same change, checks and lock-out as POST /api/auth/password.
        var (outcome, errors, _) = await accounts.ChangeOwnPasswordAsync(
            form["userName"].ToString().Trim(), form["currentPassword"].ToString(), form["newPassword"].ToString(), cancellationToken);
        if (errors is not null)
            return Results.Redirect($"{AccountPaths.Password}?message=passwordInvalid");
        return outcome switch
        {
            SignInOutcome.Succeeded => Results.Redirect($"{AccountPaths.Login}?message=passwordChanged"),
            SignInOutcome.LockedOut => Results.Redirect($"{AccountPaths.Password}?message=accountLocked"),
            _ => Results.Redirect($"{AccountPaths.Password}?message=signInFailed"),
        };
    }

    private static IResult Language(HttpContext context, string? culture, string? returnUrl)
    {
        var chosen = Texts.Cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Texts.Cultures[0];
        context.Response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return Results.Redirect(AccountPaths.PagePath(returnUrl));
    }
}
