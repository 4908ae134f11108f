using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The routing simulator: <c>GET /api/admin/routing/simulate</c> answers "who gets this case?" for a subject and a
/// district with the same <see cref="RoutingService"/> the workflows route by — the lead and assisting units, the rule
/// that matched (or that none did and the dispatch desk owns the case) and why — so an administrator can check the
/// routing matrix after loading or editing it, and a dispatcher can see why a case went where it went.
/// </summary>
public static class RoutingApi
{
    /// <summary>The roles that may ask.</summary>
    public static IReadOnlyList<string> Roles { get; } = [HotlineRoles.Administrator, HotlineRoles.Dispatcher];

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/routing/simulate", SimulateAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles))
            .WithTags("Reference data").WithName("SimulateRouting")
            .WithSummary("Who gets a case of this subject in this district: the lead and assisting units, the rule that matched and why.")
            .WithQueryParameters(
                new QueryParameter("subjectCode", "The case's subject (诉求分类).") { Required = true, MaxLength = 32 },
                new QueryParameter("districtCode", "The six-digit district code of the place.") { Pattern = "^[0-9]{6}$" })
            .WithBoundedValues()
            .Produces<RoutingResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> SimulateAsync(string? subjectCode, string? districtCode, RoutingService routing, Hotline.Domain.Persistence.HotlineDbContext db,
        CancellationToken cancellationToken)
    {
        var (errors, result) = await AskAsync(subjectCode, districtCode, routing, db, cancellationToken);
        return result is null ? Results.ValidationProblem(errors, title: "The routing question is not valid.") : Results.Ok(result);
    }

    /// <summary>The simulator's answer, or the bad fields (an unknown subject, a district code that is not six digits).</summary>
    public static async Task<(Dictionary<string, string[]> Errors, RoutingResult? Result)> AskAsync(string? subjectCode, string? districtCode, RoutingService routing,
        Hotline.Domain.Persistence.HotlineDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new Dictionary<string, string[]>();
        var subject = subjectCode?.Trim();
        if (string.IsNullOrEmpty(subject))
            errors["subjectCode"] = ["The subject is required."];
        else if (!await db.Subjects.AsNoTracking().AnyAsync(s => s.Code == subject, cancellationToken))
            errors["subjectCode"] = [$"There is no subject '{subject}'."];
        var district = string.IsNullOrWhiteSpace(districtCode) ? null : districtCode.Trim();
        if (district is not null && !Hotline.Domain.Administration.Codes.IsDistrictCode(district))
            errors["districtCode"] = ["A district code has six digits."];
        if (errors.Count > 0)
            return (errors, null);
        return (errors, await routing.RouteAsync(subject, district, cancellationToken));
    }
}
