using Hotline.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hotline.Host.Designer;

/// <summary>
/// Answers refused <c>/designer</c> requests with pages: 401 with the sign-in form (the address stays, so signing in
/// returns to it), 403 with "administrators only" and a sign-out button. The workbench's pages send an unsigned browser
/// to <c>/login</c> (<see cref="Workbench.WorkbenchEndpoints.RefuseAsync"/>). Every other path gets ASP.NET Core's default.
/// </summary>
public sealed class DesignerAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Succeeded && Workbench.WorkbenchEndpoints.IsPage(context.Request.Path))
        {
            await Workbench.WorkbenchEndpoints.RefuseAsync(context, authorizeResult);
            return;
        }

        if (authorizeResult.Succeeded || !context.Request.Path.StartsWithSegments(DesignerEndpoints.BasePath))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var wantsPage = context.Request.Headers["Sec-Fetch-Dest"].FirstOrDefault() is "document" or "iframe"
            || context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            if (wantsPage)
            {
                var html = DesignerSession.ForbiddenPage(context);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(html, context.RequestAborted);
            }
            else
            {
                await context.Response.WriteAsync("Only administrators may use the workflow designer.", context.RequestAborted);
            }

            return;
        }

        // Unknown, expired or revoked: the stale cookie goes.
        if (context.Request.Cookies.ContainsKey(BearerTokenAuthenticationHandler.SessionCookie))
            SessionCookie.Delete(context);
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"hotline-designer\"";
        if (wantsPage && HttpMethods.IsGet(context.Request.Method))
        {
            var returnUrl = DesignerSession.ReturnUrl(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            await DesignerSession.Login(context, StatusCodes.Status401Unauthorized, "signInRequired", "", returnUrl).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync($"Sign in at {DesignerEndpoints.BasePath}/login.", context.RequestAborted);
    }
}
