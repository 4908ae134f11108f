using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// Duplicate candidates before a case is saved (重复诉求): <c>GET /api/cases/duplicate-candidates</c> lists the open cases
/// the operator's new request may repeat — the same caller, or the same subject at the same place — within the
/// configured window (<see cref="DuplicateFinder"/>), so the operator can tell the citizen the case is already being
/// handled instead of registering it twice.
/// </summary>
public static class DuplicateCandidatesApi
{
    /// <summary>The roles that register cases or dispatch them.</summary>
    public static IReadOnlyList<string> Roles { get; } = [HotlineRoles.Operator, HotlineRoles.Dispatcher, HotlineRoles.Administrator];

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapDuplicateCandidatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/duplicate-candidates", FindAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles))
            .WithTags("Cases").WithName("FindDuplicateCandidates")
            .WithSummary("Open cases a new request may repeat: the same caller, or the same subject at the same address in the same district; newest first.")
            .WithQueryParameters(
                new QueryParameter("citizenPhone", "The caller's telephone (digits, spaces, '+' and '-').") { MaxLength = 32 },
                new QueryParameter("subjectCode", "The subject (with districtCode and address: the same place).") { MaxLength = 32 },
                new QueryParameter("districtCode", "The six-digit district code.") { Pattern = "^[0-9]{6}$" },
                new QueryParameter("address", "Where the problem is.") { MaxLength = 256 })
            .WithBoundedValues()
            .Produces<IReadOnlyList<DuplicateCandidate>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> FindAsync(string? citizenPhone, string? subjectCode, string? districtCode, string? address, ClaimsPrincipal user, DuplicateFinder finder,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(citizenPhone) && !Hotline.Domain.Privacy.PhoneVisibilityPolicy.CanSeeFullNumber(user))
            return CasesApi.TelephoneSearchRefused();
        var (found, errors) = await CandidatesAsync(new DuplicateQuery(citizenPhone, districtCode, address, subjectCode, clock.GetUtcNow()), user, finder, cancellationToken);
        return errors.Count > 0 ? Results.ValidationProblem(errors, title: "The duplicate search is not valid.") : Results.Ok(found);
    }

    /// <summary>
    /// The candidates for <paramref name="query"/> (its phone, subject, district, address and moment), confined to the
    /// user's district, after the intake's own checks; or the fields that are wrong.
    /// </summary>
    internal static async Task<(IReadOnlyList<DuplicateCandidate> Found, Dictionary<string, string[]> Errors)> CandidatesAsync(
        DuplicateQuery query, ClaimsPrincipal user, DuplicateFinder finder, CancellationToken cancellationToken)
    {
        var (citizenPhone, districtCode, address, subjectCode) = (query.CitizenPhone, query.DistrictCode, query.Address, query.SubjectCode);
        // The same checks as the intake, so a number or place the intake would refuse is refused here too.
        var (_, errors) = NewCase.Check(new CaseIntakeRequest(nameof(CaseChannel.Phone), "?", nameof(CaseType.Consultation), subjectCode, null, citizenPhone, address, districtCode), null);
        var byCaller = !string.IsNullOrWhiteSpace(citizenPhone);
        var byPlace = !string.IsNullOrWhiteSpace(subjectCode) && !string.IsNullOrWhiteSpace(districtCode) && !string.IsNullOrWhiteSpace(address);
        if (!byCaller && !byPlace && errors.Count == 0)
            errors["citizenPhone"] = ["Give the caller's telephone, or a subject, a district code and an address (or all of them)."];
        if (errors.Count > 0)
            return ([], errors);
        return (await finder.FindAsync(query with { DistrictCode = districtCode?.Trim(), SubjectCode = subjectCode?.Trim(), ConfinedToDistrict = Caller.DistrictCode(user) },
            cancellationToken), errors);
    }
}
