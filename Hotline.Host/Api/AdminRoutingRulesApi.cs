using System.Security.Claims;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// The routing matrix (<c>/api/admin/routing/rules</c>): administrators and dispatchers list and read rules;
/// administrators create, change and delete them with the version read (stale → 409). A second rule for the same
/// subject, district and priority is refused (409); every change is audited. The simulator (<see cref="RoutingApi"/>)
/// answers from the same table.
/// </summary>
public static class AdminRoutingRulesApi
{
    /// <summary>Maps <c>/api/admin/routing/rules</c>.</summary>
    public static IEndpointRouteBuilder MapAdminRoutingRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/admin/routing/rules").WithTags("Reference data").WithBoundedValues();
        rules.MapGet("/", ListAsync).WithName("AdminListRoutingRules").WithSummary("Rules by subject, district and priority, filtered and paged.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .WithQueryParameters(
                new QueryParameter("subjectCode", "Only the rules of this subject.") { MaxLength = 32 },
                new QueryParameter("districtCode", "Only the rules of this six-digit district (not those for any district).") { Pattern = "^[0-9]{6}$" },
                new QueryParameter("unitCode", "Only the rules in which this unit leads or assists.") { MaxLength = 32 },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<AdminPage<RoutingRule>>();
        rules.MapGet("/{id}", GetAsync).WithName("AdminGetRoutingRule").WithSummary("One rule.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .Produces<RoutingRule>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/", CreateAsync).WithName("AdminCreateRoutingRule")
            .WithSummary("Adds a rule; a taken id or a second rule for the same subject, district and priority is refused (409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<RoutingRuleFields>().Produces<RoutingRule>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapPut("/{id}", UpdateAsync).WithName("AdminUpdateRoutingRule").WithSummary("Replaces a rule's fields; send the version read (stale → 409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<RoutingRuleFields>().Produces<RoutingRule>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapDelete("/{id}", DeleteAsync).WithName("AdminDeleteRoutingRule").WithSummary("Deletes a rule at the version read (stale → 409); answers the rule as it was.")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .WithQueryParameters(new QueryParameter("version", "The rule's version as read.") { Type = typeof(int), Minimum = 1, Required = true })
            .Produces<RoutingRule>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, RoutingRuleAdministration rules, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = CasesApi.Paging(q, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        var filter = new RoutingRuleFilter(Filter(q, "subjectCode"), Filter(q, "districtCode"), Filter(q, "unitCode"));
        var (items, total) = await rules.ListAsync(filter, page, pageSize, cancellationToken);
        return Results.Ok(new AdminPage<RoutingRule>(items, total, page, pageSize));
    }

    private static string? Filter(IQueryCollection q, string name) => q[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    private static async Task<IResult> GetAsync(string id, RoutingRuleAdministration rules, CancellationToken cancellationToken) =>
        await rules.FindAsync(id, cancellationToken) is { } rule ? Results.Ok(rule) : ChangeResults.NotFound(NotFound(id));

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, RoutingRuleAdministration rules, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<RoutingRuleFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var change = await rules.CreateAsync(Caller.Name(user), body!, cancellationToken);
        return await ChangeResults.AnswerAsync(change, NotFound(body!.Id), $"/api/admin/routing/rules/{change.Entity?.Id}");
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, ClaimsPrincipal user, RoutingRuleAdministration rules, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<RoutingRuleFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ChangeResults.AnswerAsync(await rules.UpdateAsync(Caller.Name(user), id, body!, cancellationToken), NotFound(id));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, ClaimsPrincipal user, RoutingRuleAdministration rules, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var version = ChangeResults.Version(request.Query, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        return await ChangeResults.AnswerAsync(await rules.DeleteAsync(Caller.Name(user), id, version, cancellationToken), NotFound(id));
    }

    private static string NotFound(string? id) => $"There is no routing rule '{id}'.";
}
