using System.Security.Claims;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// Account administration for administrators (<c>/api/admin/users</c>): list, read, change the profile with the version
/// read (stale → 409), disable, enable, set a temporary password. Each change writes an audit row; no change may leave the
/// hotline without an active administrator (409).
/// </summary>
public static class AdminUsersApi
{
    /// <summary>A page of accounts.</summary>
    /// <param name="Items">The accounts, by login name.</param>
    /// <param name="Total">Accounts matching the filters.</param>
    /// <param name="Page">The page, from 1.</param>
    /// <param name="PageSize">Accounts per page.</param>
    public sealed record UserPage(IReadOnlyList<UserAccountView> Items, int Total, int Page, int PageSize);

    /// <summary>A change of an account's profile; every field is replaced.</summary>
    /// <param name="Version">The account's version as read (required).</param>
    /// <param name="DisplayName">The display name.</param>
    /// <param name="Roles">The roles.</param>
    /// <param name="UnitCode">The unit, for unit users only.</param>
    /// <param name="DistrictCode">The district of a sub-centre's staff (they see that district's cases only); empty for the city centre.</param>
    /// <param name="Email">The address the person's notices are e-mailed to (邮箱); empty for none.</param>
    /// <param name="Mobile">The Chinese mobile number the person's notices are texted to (手机); empty for none.</param>
    public sealed record UpdateUserRequest(int? Version, string? DisplayName, List<string>? Roles, string? UnitCode, string? DistrictCode = null,
        string? Email = null, string? Mobile = null);

    /// <summary>A temporary password, to be changed by the user at the next sign-in.</summary>
    /// <param name="TemporaryPassword">At least 10 characters.</param>
    public sealed record ResetPasswordRequest(string? TemporaryPassword);

    /// <summary>Maps <c>/api/admin/users</c>.</summary>
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Administration").WithBoundedValues()
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        users.MapGet("/", ListAsync).WithName("AdminListUsers").WithSummary("Accounts, by login name, filtered and paged.")
            .WithQueryParameters(
                new QueryParameter("role", "Only accounts with this role.") { Values = [.. HotlineRoles.All.Where(r => r != HotlineRoles.Integrator)] },
                new QueryParameter("unitCode", "Only accounts of this unit."),
                new QueryParameter("districtCode", "Only accounts of this district's sub-centre.") { Pattern = "^[0-9]{6}$" },
                new QueryParameter("disabled", "true: only disabled accounts; false: only enabled ones.") { Type = typeof(bool) },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<UserPage>();
        users.MapGet("/{userName}", GetAsync).WithName("AdminGetUser").WithSummary("One account.")
            .Produces<UserAccountView>().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/{userName}", UpdateAsync).WithName("AdminUpdateUser")
            .WithSummary("Replaces an account's display name, roles, unit, district, e-mail address and mobile number; send the version read (a stale one is refused, 409).")
            .AcceptsJson<UpdateUserRequest>().Produces<UserAccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/disable", (string userName, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken) =>
                SetDisabledAsync(userName, true, user, accounts, cancellationToken))
            .WithName("AdminDisableUser").WithSummary("Disables an account: it cannot sign in and its sessions stop working.")
            .Produces<UserAccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/enable", (string userName, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken) =>
                SetDisabledAsync(userName, false, user, accounts, cancellationToken))
            .WithName("AdminEnableUser").WithSummary("Enables an account and lifts a lock-out.")
            .Produces<UserAccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/password", ResetPasswordAsync).WithName("AdminResetPassword")
            .WithSummary("Sets a temporary password; the user must change it (POST /api/auth/password) before signing in. Ends the account's sessions.")
            .AcceptsJson<ResetPasswordRequest>().Produces<UserAccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, UserAdministration accounts, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var role = q["role"].FirstOrDefault();
        if (!string.IsNullOrEmpty(role) && (!HotlineRoles.All.Contains(role) || role == HotlineRoles.Integrator))
            errors["role"] = [$"'{role}' is not one of {string.Join(", ", HotlineRoles.All.Where(r => r != HotlineRoles.Integrator))}."];
        var disabled = CasesApi.Bool(q["disabled"], "disabled", errors);
        var (page, pageSize) = CasesApi.Paging(q, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        var (items, total) = await accounts.ListAsync(role, q["unitCode"].FirstOrDefault(), q["districtCode"].FirstOrDefault(), disabled, page, pageSize, cancellationToken);
        return Results.Ok(new UserPage([.. items.Select(UserAccountView.From)], total, page, pageSize));
    }

    private static async Task<IResult> GetAsync(string userName, UserAdministration accounts, CancellationToken cancellationToken) =>
        await accounts.FindAsync(userName, cancellationToken) is { } account ? Results.Ok(UserAccountView.From(account)) : NotFound(userName);

    private static async Task<IResult> UpdateAsync(string userName, HttpRequest request, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<UpdateUserRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var profile = new AccountProfile(body!.Version, body.DisplayName, body.Roles, body.UnitCode, body.DistrictCode, body.Email, body.Mobile);
        return Answer(userName, await accounts.UpdateAsync(Caller.Name(user), userName, profile, cancellationToken));
    }

    private static async Task<IResult> SetDisabledAsync(string userName, bool disabled, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken) =>
        Answer(userName, await accounts.SetDisabledAsync(Caller.Name(user), userName, disabled, cancellationToken));

    private static async Task<IResult> ResetPasswordAsync(string userName, HttpRequest request, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<ResetPasswordRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return Answer(userName, await accounts.ResetPasswordAsync(Caller.Name(user), userName, body!.TemporaryPassword, cancellationToken));
    }

    private static IResult Answer(string userName, AccountChange change) => change.Outcome switch
    {
        AccountChangeOutcome.Done => Results.Ok(UserAccountView.From(change.Account!)),
        AccountChangeOutcome.NotFound => NotFound(userName),
        AccountChangeOutcome.Invalid => Results.ValidationProblem(change.Errors!, title: "The change is not valid."),
        AccountChangeOutcome.Stale => ChangeResults.Stale(change.Reason, change.Account?.Version),
        _ => ChangeResults.Refused(change.Reason),
    };

    private static IResult NotFound(string userName) => ChangeResults.NotFound($"There is no account '{userName}'.");
}
