using System.Security.Claims;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// The notice templates (<c>/api/admin/notice-templates</c>), administrators only: every kind's words and channels,
/// changed with the version read (stale → 409; a placeholder the kind does not fill is a bad field) and reset to the
/// shipped words; every change is audited.
/// </summary>
public static class AdminNoticeTemplatesApi
{
    /// <summary>Maps <c>/api/admin/notice-templates</c>.</summary>
    public static IEndpointRouteBuilder MapAdminNoticeTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/admin/notice-templates").WithTags("Administration").WithBoundedValues()
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        templates.MapGet("/", ListAsync).WithName("AdminListNoticeTemplates")
            .WithSummary("Every kind of notice with the template it uses now, the placeholders it fills and whether they are the shipped words.")
            .Produces<List<NoticeTemplateView>>();
        templates.MapPut("/{kind}", SaveAsync).WithName("AdminUpdateNoticeTemplate")
            .WithSummary("Replaces a kind's subject, text and channels; send the version read (stale → 409). A placeholder the kind does not fill is refused (400).")
            .AcceptsJson<NoticeTemplateFields>().Produces<NoticeTemplateView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapDelete("/{kind}", ResetAsync).WithName("AdminResetNoticeTemplate")
            .WithSummary("Puts a kind's shipped words and channels back, at the version read (stale → 409).")
            .WithQueryParameters(new QueryParameter("version", "The template's version as read.") { Type = typeof(int), Minimum = 1, Required = true })
            .Produces<NoticeTemplateView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(NoticeTemplateAdministration templates, CancellationToken cancellationToken) =>
        Results.Ok(await templates.ListAsync(cancellationToken));

    private static async Task<IResult> SaveAsync(string kind, HttpRequest request, ClaimsPrincipal user, NoticeTemplateAdministration templates, CancellationToken cancellationToken)
    {
        if (NoticeTemplateAdministration.KindOf(kind) is not { } known)
            return ChangeResults.NotFound(NotFound(kind));
        var (body, problem) = await ApiBody.ReadAsync<NoticeTemplateFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await Answer(await templates.SaveAsync(Caller.Name(user), known, body!, cancellationToken), kind);
    }

    private static async Task<IResult> ResetAsync(string kind, HttpRequest request, ClaimsPrincipal user, NoticeTemplateAdministration templates, CancellationToken cancellationToken)
    {
        if (NoticeTemplateAdministration.KindOf(kind) is not { } known)
            return ChangeResults.NotFound(NotFound(kind));
        var errors = new Dictionary<string, string[]>();
        var version = ChangeResults.Version(request.Query, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        return await Answer(await templates.ResetAsync(Caller.Name(user), known, version, cancellationToken), kind);
    }

    private static Task<IResult> Answer(Hotline.Domain.Administration.Change<NoticeTemplate> change, string kind) =>
        ChangeResults.AnswerAsync(change, t => Task.FromResult<object>(NoticeTemplateView.From(t)), NotFound(kind));

    private static string NotFound(string kind) =>
        $"There is no kind of notice '{kind}': one of {string.Join(", ", Enum.GetNames<NotificationKind>())}.";
}
