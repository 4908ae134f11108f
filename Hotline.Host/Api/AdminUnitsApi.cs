using System.Security.Claims;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// The handling-unit tree (<c>/api/admin/units</c>): administrators and dispatchers list and read units (with their
/// children and open tasks counted); administrators create and change them with the version read (stale → 409). Moving
/// or deactivating a unit with open tasks or active children, a loop and a taken code are refused (409); every change
/// is audited.
/// </summary>
public static class AdminUnitsApi
{
    /// <summary>Maps <c>/api/admin/units</c>.</summary>
    public static IEndpointRouteBuilder MapAdminUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/admin/units").WithTags("Reference data").WithBoundedValues();
        units.MapGet("/", ListAsync).WithName("AdminListUnits").WithSummary("Units by level and code, filtered and paged, with children and open tasks counted.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .WithQueryParameters(
                new QueryParameter("parentCode", "Only the units directly below this one.") { MaxLength = 32 },
                new QueryParameter("districtCode", "Only units of this six-digit district.") { Pattern = "^[0-9]{6}$" },
                new QueryParameter("level", "Only units of this level.") { Values = Enum.GetNames<UnitLevel>() },
                new QueryParameter("active", "true: only active units; false: only inactive ones.") { Type = typeof(bool) },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<AdminPage<UnitView>>();
        units.MapGet("/{code}", GetAsync).WithName("AdminGetUnit").WithSummary("One unit, with its children and open tasks counted.")
            .RequireAuthorization(p => p.RequireRole(RoutingApi.Roles))
            .Produces<UnitView>().ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPost("/", CreateAsync).WithName("AdminCreateUnit").WithSummary("Adds a unit to the tree; a code already taken is refused (409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<UnitFields>().Produces<UnitView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPut("/{code}", UpdateAsync).WithName("AdminUpdateUnit")
            .WithSummary("Replaces a unit's fields; send the version read (stale → 409). Moving or deactivating a unit with open tasks or active children, or a loop, is refused (409).")
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .AcceptsJson<UnitFields>().Produces<UnitView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, UnitAdministration units, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var level = CasesApi.Enum<UnitLevel>(q["level"], "level", errors);
        var active = CasesApi.Bool(q["active"], "active", errors);
        var (page, pageSize) = CasesApi.Paging(q, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        var filter = new UnitFilter(q["parentCode"].FirstOrDefault() is { Length: > 0 } p ? p : null, q["districtCode"].FirstOrDefault() is { Length: > 0 } d ? d : null, level, active);
        var (items, total) = await units.ListAsync(filter, page, pageSize, cancellationToken);
        return Results.Ok(new AdminPage<UnitView>(items, total, page, pageSize));
    }

    private static async Task<IResult> GetAsync(string code, UnitAdministration units, CancellationToken cancellationToken) =>
        await units.FindAsync(code, cancellationToken) is { } unit ? Results.Ok(unit) : ChangeResults.NotFound(NotFound(code));

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, UnitAdministration units, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<UnitFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var change = await units.CreateAsync(Caller.Name(user), body!, cancellationToken);
        return await ChangeResults.AnswerAsync(change, View(units, cancellationToken), NotFound(body!.Code), $"/api/admin/units/{change.Entity?.Code}");
    }

    private static async Task<IResult> UpdateAsync(string code, HttpRequest request, ClaimsPrincipal user, UnitAdministration units, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<UnitFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ChangeResults.AnswerAsync(await units.UpdateAsync(Caller.Name(user), code, body!, cancellationToken), View(units, cancellationToken), NotFound(code));
    }

    private static Func<HandlingUnit, Task<object>> View(UnitAdministration units, CancellationToken cancellationToken) =>
        async unit => await units.ViewAsync(unit, cancellationToken);

    private static string NotFound(string? code) => $"There is no unit '{code}'.";
}
