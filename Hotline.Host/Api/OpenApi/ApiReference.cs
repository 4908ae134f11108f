using Scalar.AspNetCore;

namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// The API reference for integrators at <c>/api/docs/</c>: Scalar's page over the OpenAPI document
/// (<c>/openapi/v1.json</c>). Everything it loads comes from this host (hotline centres run on government intranets): its
/// script is the one embedded in Scalar.AspNetCore, no web fonts, no telemetry, no AI agent or MCP, nothing proxied. Anonymous like the
/// document it shows, which names no more than the document does (the Elsa API and the designer are not in it).
/// </summary>
public static class ApiReference
{
    /// <summary>Where the page is (<c>/api/docs</c> redirects to <c>/api/docs/</c>); its scripts are beside it.</summary>
    public const string Path = "/api/docs";

    /// <summary>
    /// The page's Content-Security-Policy: scripts from this host or carrying the page's one-time nonce (Scalar's inline start
    /// script), its styles (set inline by Scalar), requests to this host only (the document and "try it").
    /// </summary>
    public static string ContentSecurityPolicy(string? nonce) =>
        $"default-src 'none'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Whether <paramref name="path"/> is the page or its files.</summary>
    public static bool Covers(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The policy for this request: with the nonce Scalar wrote into the page, when it wrote one.</summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ContentSecurityPolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string);
    }

    /// <summary>Maps the page and its scripts.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Hotline 12345 API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideClientButton())
            .AllowAnonymous();
        return app;
    }
}
