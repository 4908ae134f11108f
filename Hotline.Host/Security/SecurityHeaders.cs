namespace Hotline.Host.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer, no framing. The API's and Open311's answers are
/// data, never a page, so they also forbid loading anything (<c>default-src 'none'</c>), but for the API reference page
/// (its own policy: <see cref="Hotline.Host.Api.OpenApi.ApiReference"/>); the designer and the
/// workbench load Blazor WebAssembly and Monaco, so they get no such policy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy of data answers.</summary>
    public const string DataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    // HTTP workflows too: what a workflow writes (even text/html) runs no script as this site.
    private static readonly PathString[] DataPaths = ["/api", "/open311", "/workflows"];

    /// <summary>Adds the headers to every response, errors included (they are set as the response starts).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (Hotline.Host.Api.OpenApi.ApiReference.Covers(context.Request.Path))
                    headers.ContentSecurityPolicy = Hotline.Host.Api.OpenApi.ApiReference.ContentSecurityPolicy(context);
                else if (DataPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                    headers.ContentSecurityPolicy = DataContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
