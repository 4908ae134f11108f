using Hotline.Host.Designer;
using Hotline.Host.Notifications;
using Hotline.Host.Security;
using Hotline.Host.Workbench.Administration;
using Hotline.Workbench;
using Hotline.Workbench.Account;
using Hotline.Workbench.Administration;
using Hotline.Workbench.Administration.Audit;
using Hotline.Workbench.Administration.Calendar;
using Hotline.Workbench.Administration.Import;
using Hotline.Workbench.Administration.Knowledge;
using Hotline.Workbench.Administration.Notices;
using Hotline.Workbench.Administration.Routing;
using Hotline.Workbench.Administration.Subjects;
using Hotline.Workbench.Administration.Units;
using Hotline.Workbench.Administration.Users;
using Hotline.Workbench.Attachments;
using Hotline.Workbench.Callbacks;
using Hotline.Workbench.CaseQuery;
using Hotline.Workbench.Cases;
using Hotline.Workbench.Dashboard;
using Hotline.Workbench.Dispatch;
using Hotline.Workbench.Inbox;
using Hotline.Workbench.Intake;
using Hotline.Workbench.Reports;
using Hotline.Workbench.Shared;
using Hotline.Workbench.Supervision;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Localization;

namespace Hotline.Host.Workbench;

/// <summary>
/// The workbench at <c>/</c> (Hotline.Workbench's Blazor pages, its files, its account forms:
/// <see cref="WorkbenchAccountEndpoints"/>), the ports it reads through, its language and page policy. An unsigned
/// browser on a workbench page is sent to <c>/login</c>.
/// </summary>
public static class WorkbenchEndpoints
{
    /// <summary>The cookie that remembers the language chosen.</summary>
    internal const string LanguageCookie = ".hotline.culture";

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
        services.AddScoped<IWorkbenchInbox, WorkbenchInbox>();
        services.AddScoped<IWorkbenchIntake, WorkbenchIntake>();
        services.AddHotlineNotifications(configuration);
        services.AddScoped<IWorkbenchCallbacks, WorkbenchCallbacks>();
        services.AddScoped<IWorkbenchSupervision, WorkbenchSupervision>();
        services.AddScoped<Hotline.Workbench.Quality.IWorkbenchQuality, WorkbenchQuality>();
        services.AddScoped<IWorkbenchDispatch, WorkbenchDispatch>();
        services.AddScoped<IWorkbenchReference, WorkbenchReference>();
        services.AddScoped<IWorkbenchUnits, WorkbenchUnits>();
        services.AddScoped<IWorkbenchSubjects, WorkbenchSubjects>();
        services.AddScoped<IWorkbenchRouting, WorkbenchRouting>();
        services.AddScoped<IWorkbenchUsers, WorkbenchUsers>();
        services.AddScoped<IWorkbenchCaseQuery, WorkbenchCaseQuery>();
        services.AddScoped<IWorkbenchDashboard, WorkbenchDashboard>();
        services.AddScoped<IWorkbenchReports, WorkbenchReports>();
        services.AddScoped<IWorkbenchCalendar, WorkbenchCalendar>();
        services.AddScoped<IWorkbenchKnowledge, WorkbenchKnowledge>();
        services.AddScoped<IWorkbenchImport, WorkbenchImport>();
        services.AddScoped<IWorkbenchAudit, WorkbenchAudit>();
        services.AddScoped<Hotline.Workbench.Rating.IRatingDesk, WorkbenchRating>();
        services.AddScoped<IWorkbenchAttachments, WorkbenchAttachments>();
        services.AddScoped<IWorkbenchNoticeTemplates, WorkbenchNoticeTemplates>();
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
        app.MapWorkbenchAccount();
        WorkbenchImport.MapWorkbenchExport(app);
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
}
