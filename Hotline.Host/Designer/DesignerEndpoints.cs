using System.Text;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Hotline.Domain.Users;

namespace Hotline.Host.Designer;

/// <summary>
/// The workflow designer under <c>/designer</c>: Elsa Studio's custom elements in a small shell (definition list,
/// editor, instance list, instance viewer), talking to this host's Elsa API with the signed-in administrator's token.
/// Everything but the sign-in page needs an administrator; a browser proves it with the session cookie
/// (<see cref="BearerTokenAuthenticationHandler.SessionCookie"/>), which only counts on <c>/designer</c> paths.
/// </summary>
public static class DesignerEndpoints
{
    /// <summary>Where the designer lives.</summary>
    public const string BasePath = "/designer";

    /// <summary>The policy of every designer path but sign-in and sign-out: a signed-in administrator.</summary>
    public const string AdministratorPolicy = "DesignerAdministrator";

    /// <summary>
    /// The Content-Security-Policy of the designer's pages: nothing leaves this host (the Studio's own index.html
    /// links Google fonts; this shell does not). Blazor needs <c>wasm-unsafe-eval</c>; MudBlazor and the diagram
    /// set inline styles. Studio 3.8.2's components render two inline scripts (<c>window.editorHotkeys</c>, the
    /// editor's Ctrl+S and the list's Ctrl+R), allowed by their hashes; a Studio upgrade that adds one shows up as a
    /// CSP error in the browser tests.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' " + StudioInlineScripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string StudioInlineScripts = "'sha256-snlP1jz0gjwc5cTz9ErZcliXuCK63+Mmf68RRCeptgc=' 'sha256-vu6sQrKXQHR4Yn3FMMihA/9TxxfIXnCxKwvLrTPJ5ts='";

    /// <summary>Adds the designer's options, file server, authorization policy and its 401/403 pages.</summary>
    public static IServiceCollection AddHotlineDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignerOptions>().Bind(configuration.GetSection("Hotline:Designer"))
            .Validate(o => o.ApiPath.StartsWith('/') && !o.ApiPath.EndsWith('/'), "Hotline:Designer:ApiPath is a path such as /elsa/api (leading slash, no trailing slash).")
            .ValidateOnStart();
        services.AddSingleton<StudioFiles>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdministratorPolicy, p => p.RequireAuthenticatedUser().RequireRole(HotlineRoles.Administrator));
        // Wraps the default handler: only /designer paths get pages instead of bare 401/403 statuses.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DesignerAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Maps <c>/designer</c>: sign-in, sign-out, the four pages and the Studio's files.</summary>
    public static IEndpointRouteBuilder MapDesigner(this IEndpointRouteBuilder app)
    {
        var designer = app.MapGroup(BasePath).ExcludeFromDescription();
        designer.MapGet("/login", DesignerSession.LoginPage).AllowAnonymous();
        designer.MapPost("/login", DesignerSession.SignInAsync).AllowAnonymous();
        designer.MapPost("/logout", DesignerSession.SignOutAsync).AllowAnonymous();

        designer.MapGet("/", (HttpContext context, StudioFiles files, IOptions<DesignerOptions> options) =>
            // Blazor needs the page inside its base (/designer/), so /designer gets the slash.
            context.Request.Path.Value?.EndsWith('/') == true ? Shell(context, files, options.Value, "definitions", null) : Results.Redirect(BasePath + "/"))
            .RequireAuthorization(AdministratorPolicy);
        designer.MapGet("/definitions", (HttpContext context, StudioFiles files, IOptions<DesignerOptions> options) =>
            Shell(context, files, options.Value, "definitions", null)).RequireAuthorization(AdministratorPolicy);
        designer.MapGet("/definitions/{definitionId}", (string definitionId, HttpContext context, StudioFiles files, IOptions<DesignerOptions> options) =>
            Shell(context, files, options.Value, "editor", definitionId)).RequireAuthorization(AdministratorPolicy);
        designer.MapGet("/instances", (HttpContext context, StudioFiles files, IOptions<DesignerOptions> options) =>
            Shell(context, files, options.Value, "instances", null)).RequireAuthorization(AdministratorPolicy);
        designer.MapGet("/instances/{instanceId}", (string instanceId, HttpContext context, StudioFiles files, IOptions<DesignerOptions> options) =>
            Shell(context, files, options.Value, "viewer", instanceId)).RequireAuthorization(AdministratorPolicy);

        // The Studio's own addresses, which some of its links and buttons use even inside custom elements (the
        // viewer's "Definition ID" links to /workflows/definitions/{id}/edit from the site's root): to the screens.
        foreach (var prefix in new[] { "", BasePath })
        {
            var aliases = new[]
            {
                app.MapGet(prefix + "/workflows/definitions/{definitionId}/edit", (string definitionId) =>
                    Results.Redirect($"{BasePath}/definitions/{Uri.EscapeDataString(definitionId)}")).ExcludeFromDescription(),
                app.MapGet(prefix + "/workflows/instances/{instanceId}/view", (string instanceId) =>
                    Results.Redirect($"{BasePath}/instances/{Uri.EscapeDataString(instanceId)}")).ExcludeFromDescription(),
                // The viewer's "Open filtered logs" (Structured Logs): this host keeps no log store of Elsa's; an
                // instance's log is its journal, which the viewer's journal panel lists, so the link opens the viewer.
                app.MapGet(prefix + "/diagnostics/structured-logs", (string? workflowInstanceId) =>
                    Results.Redirect(string.IsNullOrEmpty(workflowInstanceId) ? $"{BasePath}/instances" : $"{BasePath}/instances/{Uri.EscapeDataString(workflowInstanceId)}")).ExcludeFromDescription(),
            };
            if (prefix == BasePath)
            {
                foreach (var alias in aliases)
                    alias.RequireAuthorization(AdministratorPolicy);
            }
        }

        designer.MapGet("/hotline/{**path}", (string path) => StudioFiles.Shell(path)).RequireAuthorization(AdministratorPolicy);
        designer.MapGet("/{**path}", (string path, HttpContext context, StudioFiles files) => files.Studio(path, context)).RequireAuthorization(AdministratorPolicy);
        return app;
    }

    private static IResult Shell(HttpContext context, StudioFiles files, DesignerOptions options, string view, string? id)
    {
        var language = DesignerPages.Language(context);
        if (!files.IsInstalled)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: DesignerPages.Text(language, "studioMissing"));

        var request = context.Request;
        var user = context.User;
        var element = new StringBuilder();
        var (tag, idAttribute) = view switch
        {
            "editor" => ("elsa-workflow-definition-editor", "definition-id"),
            "instances" => ("elsa-workflow-instance-list", null),
            "viewer" => ("elsa-workflow-instance-viewer", "instance-id"),
            _ => ("elsa-workflow-definition-list", (string?)null),
        };
        element.Append('<').Append(tag);
        if (idAttribute is not null)
            Attribute(element, idAttribute, id!);
        Attribute(element, "remote-endpoint", $"{request.Scheme}://{request.Host}{request.PathBase}{options.ApiPath}");
        if (DesignerSession.Token(request) is { } token)
            Attribute(element, "access-token", token);
        element.Append("></").Append(tag).Append('>');

        var html = DesignerPages.Render("shell.html", language,
            new Dictionary<string, string?>
            {
                ["texts"] = DesignerPages.AllTexts,
                ["userName"] = Caller.Name(user),
                ["displayName"] = Caller.DisplayName(user),
                ["view"] = view,
            },
            new Dictionary<string, string> { ["element"] = element.ToString() });
        NoStore(context.Response, ContentSecurityPolicy);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Headers of a page: never cached (it carries a token or a form), a CSP, no sniffing, no referrer.</summary>
    internal static void NoStore(HttpResponse response, string contentSecurityPolicy)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static void Attribute(StringBuilder element, string name, string value) =>
        element.Append(' ').Append(name).Append("=\"").Append(DesignerPages.Html.Encode(value)).Append('"');
}
