using System.Security.Claims;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// The subject taxonomy (<c>/api/admin/subjects</c>): administrators and dispatchers list and read subjects;
/// administrators create and change them with the version read (stale → 409). An unknown parent is a bad field, a loop
/// and a taken code are refused (409); every change is audited.
/// </summary>
public static class AdminSubjectsApi
{
    /// <summary>Maps <c>/api/admin/subjects</c>.</summary>
    public static IEndpointRouteBuilder MapAdminSubjectsApi(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("/api/admin/subjects").WithTags("Reference data").WithBoundedValues();
        subjects.MapGet("/", ListAsync).WithName("AdminListSubjects").WithSummary("Subjects by code, optionally the children of one category, paged.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .WithQueryParameters(new QueryParameter("parentCode", "Only the subjects of this category.") { MaxLength = 32 }, QueryParameter.Page, QueryParameter.PageSize)
            .Produces<AdminPage<Subject>>();
        subjects.MapGet("/{code}", GetAsync).WithName("AdminGetSubject").WithSummary("One subject.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .Produces<Subject>().ProducesProblem(StatusCodes.Status404NotFound);
        subjects.MapPost("/", CreateAsync).WithName("AdminCreateSubject").WithSummary("Adds a subject; a code already taken is refused (409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<SubjectFields>().Produces<Subject>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        subjects.MapPut("/{code}", UpdateAsync).WithName("AdminUpdateSubject")
            .WithSummary("Replaces a subject's fields; send the version read (stale → 409). A loop in the taxonomy is refused (409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<SubjectFields>().Produces<Subject>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, SubjectAdministration subjects, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = CasesApi.Paging(request.Query, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        var parent = request.Query["parentCode"].FirstOrDefault() is { Length: > 0 } p ? p : null;
        var (items, total) = await subjects.ListAsync(parent, page, pageSize, cancellationToken);
        return Results.Ok(new AdminPage<Subject>(items, total, page, pageSize));
    }

    private static async Task<IResult> GetAsync(string code, SubjectAdministration subjects, CancellationToken cancellationToken) =>
        await subjects.FindAsync(code, cancellationToken) is { } subject ? Results.Ok(subject) : ChangeResults.NotFound(NotFound(code));

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, SubjectAdministration subjects, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<SubjectFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var change = await subjects.CreateAsync(Caller.Name(user), body!, cancellationToken);
        return await ChangeResults.AnswerAsync(change, NotFound(body!.Code), $"/api/admin/subjects/{change.Entity?.Code}");
    }

    private static async Task<IResult> UpdateAsync(string code, HttpRequest request, ClaimsPrincipal user, SubjectAdministration subjects, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<SubjectFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ChangeResults.AnswerAsync(await subjects.UpdateAsync(Caller.Name(user), code, body!, cancellationToken), NotFound(code));
    }

    private static string NotFound(string? code) => $"There is no subject '{code}'.";
}
