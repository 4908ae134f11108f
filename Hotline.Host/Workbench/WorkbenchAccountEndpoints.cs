using System.Globalization;
using Hotline.Domain.Users;
using Hotline.Host.Designer;
using Hotline.Host.Security;
using Hotline.Workbench.Account;
using Hotline.Workbench.Layout;
using Hotline.Workbench.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace Hotline.Host.Workbench;

/// <summary>
/// The workbench's account forms: sign-in (the same session as the designer's, <see cref="SessionCookie"/>), sign-out
/// (the token revoked), the change of one's own password (the same rules as <c>POST /api/auth/password</c>) and the
/// language switch. Each form carries an anti-forgery token; the answers are redirects to pages, with a text key.
/// </summary>
internal static class WorkbenchAccountEndpoints
{
    /// <summary>Maps the forms' endpoints (<see cref="AccountPaths"/>).</summary>
    public static IEndpointRouteBuilder MapWorkbenchAccount(this IEndpointRouteBuilder app)
    {
        // Anti-forgery: the middleware checks each form's token (RequireAntiforgeryToken); FormAsync refuses a bad one.
        var account = app.MapGroup("").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapPost(AccountPaths.SignIn, SignInAsync).AllowAnonymous();
        account.MapPost(AccountPaths.SignOut, SignOutAsync).AllowAnonymous();
        account.MapPost(AccountPaths.ChangePassword, ChangePasswordAsync).AllowAnonymous();
        account.MapGet(AccountPaths.Language, Language).AllowAnonymous();
        // No anti-forgery token: it changes nothing but the idle time-out (the authentication did that), and the
        // SameSite=Strict cookie is not sent from another site's page.
        app.MapPost(AccountPaths.KeepAlive, (HttpContext context) =>
                context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
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
        var result = await users.SignInAsync(form["userName"].ToString().Trim(), form["password"].ToString(), SessionKind.Browser, cancellationToken);
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
        // Asked for no particular page: the person's own desk.
        return Results.Redirect(returnUrl == "/" ? WorkbenchMenu.StartPage(issued.User.Roles) : returnUrl);
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
        context.Response.Cookies.Append(WorkbenchEndpoints.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return Results.Redirect(AccountPaths.PagePath(returnUrl));
    }
}
