using System.Security.Claims;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Hotline.Domain.Users;

namespace Hotline.Host.Api;

/// <summary>Sign-in for people (bearer tokens) and account administration.</summary>
public static class AuthApi
{
    /// <summary>A sign-in request.</summary>
    /// <param name="UserName">The login name.</param>
    /// <param name="Password">The password.</param>
    public sealed record SignInRequest(string? UserName, string? Password);

    /// <summary>A session.</summary>
    /// <param name="AccessToken">Send as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
    /// <param name="TokenType">Always <c>Bearer</c>.</param>
    /// <param name="ExpiresAt">When the token stops working.</param>
    /// <param name="User">Who signed in.</param>
    public sealed record SignInResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, UserView User);

    /// <summary>An account as shown (never its password hash).</summary>
    /// <param name="UserName">Login name.</param>
    /// <param name="DisplayName">Display name.</param>
    /// <param name="Roles">Roles.</param>
    /// <param name="UnitCode">The unit of a unit user.</param>
    /// <param name="IsActive">Whether it may sign in.</param>
    /// <param name="DistrictCode">The district of a sub-centre's account or a district's integrator; null for the whole city.</param>
    public sealed record UserView(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? UnitCode, bool IsActive, string? DistrictCode = null)
    {
        internal static UserView From(UserAccount account) => new(account.UserName, account.DisplayName, account.Roles, account.UnitCode, account.IsActive, account.DistrictCode);
    }

    /// <summary>A person's change of their own password.</summary>
    /// <param name="UserName">The login name.</param>
    /// <param name="CurrentPassword">The current password, or the temporary one an administrator set.</param>
    /// <param name="NewPassword">The new password: at least 10 characters, not the current one.</param>
    public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword);

    /// <summary>A new account.</summary>
    /// <param name="UserName">Login name.</param>
    /// <param name="DisplayName">Display name.</param>
    /// <param name="Password">At least 10 characters.</param>
    /// <param name="Roles">Roles.</param>
    /// <param name="UnitCode">The unit of a unit user.</param>
    /// <param name="DistrictCode">The district of a sub-centre's staff; empty for the city centre.</param>
    public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, List<string>? Roles, string? UnitCode, string? DistrictCode = null);

    /// <summary>Maps <c>/api/auth</c> and <c>/api/users</c>.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/token", SignInAsync).AllowAnonymous().WithName("SignIn")
            .WithSummary("Signs a person in; returns a bearer token for the other endpoints.")
            .AcceptsJson<SignInRequest>().Produces<SignInResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapPost("/password", ChangePasswordAsync).AllowAnonymous().WithName("ChangePassword")
            .WithSummary("Changes one's own password, giving the current one (also the temporary one an administrator set); ends the account's sessions.")
            .AcceptsJson<ChangePasswordRequest>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapPost("/logout", SignOutAsync).RequireAuthorization().WithName("SignOut")
            .WithSummary("Ends the session of the bearer token sent.").Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new UserView(Caller.Name(user), Caller.DisplayName(user),
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), user.FindFirst(HotlineRoles.UnitClaim)?.Value, true, Caller.DistrictCode(user))))
            .RequireAuthorization().WithName("WhoAmI").WithSummary("The signed-in account or integrator.").Produces<UserView>();

        var users = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").WithSummary("Creates an account (administrators).")
            .AcceptsJson<CreateUserRequest>().Produces<UserView>(StatusCodes.Status201Created);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").WithSummary("Lists accounts (administrators).").Produces<List<UserView>>();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, UserService users, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<SignInRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.UserName))
            return ApiBody.Invalid("userName", "The login name is required.");
        if (string.IsNullOrEmpty(body.Password))
            return ApiBody.Invalid("password", "The password is required.");
        var result = await users.SignInAsync(body.UserName, body.Password, cancellationToken);
        return result.Token is { } issued
            ? Results.Ok(new SignInResponse(issued.Token, "Bearer", issued.ExpiresAt, UserView.From(issued.User)))
            : Refusal(result.Outcome, result.LockedUntil);
    }

    /// <summary>The problem for a sign-in or password check that did not succeed.</summary>
    private static IResult Refusal(SignInOutcome outcome, DateTimeOffset? lockedUntil) => outcome switch
    {
        SignInOutcome.LockedOut => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Account locked",
            detail: $"Too many wrong passwords: sign-in is refused until {lockedUntil:O}. Try again then, or ask an administrator to enable the account.",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil }),
        SignInOutcome.MustChangePassword => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
            detail: "The password is a temporary one set by an administrator: choose a new one with POST /api/auth/password {userName, currentPassword, newPassword}, then sign in with it."),
        _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The login name or password is wrong, or the account is disabled."),
    };

    private static async Task<IResult> ChangePasswordAsync(HttpRequest request, UserAdministration accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<ChangePasswordRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var (outcome, errors, lockedUntil) = await accounts.ChangeOwnPasswordAsync(body!.UserName, body.CurrentPassword, body.NewPassword, cancellationToken);
        if (errors is not null)
            return Results.ValidationProblem(errors, title: "The password change is not valid.");
        return outcome == SignInOutcome.Succeeded ? Results.NoContent() : Refusal(outcome, lockedUntil);
    }

    private static async Task<IResult> SignOutAsync(HttpRequest request, UserService users, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            await users.RevokeAsync(header["Bearer ".Length..].Trim(), cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateUserAsync(HttpRequest request, UserService users, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<CreateUserRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var user = new NewUser(body!.UserName, body.DisplayName, body.Password, body.Roles, body.UnitCode, body.DistrictCode);
        var errors = await users.ValidateAsync(user, cancellationToken);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The account is not valid.");
        var account = await users.CreateAsync(user, cancellationToken);
        return Results.Created($"/api/users/{account.UserName}", UserView.From(account));
    }

    private static async Task<IResult> ListUsersAsync(UserService users, CancellationToken cancellationToken) =>
        Results.Ok((await users.ListAsync(cancellationToken)).Select(UserView.From).ToList());
}
