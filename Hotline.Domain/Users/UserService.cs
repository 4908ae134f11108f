using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Users;

/// <summary>Sign-in and session settings (<c>Hotline:Security</c>).</summary>
public sealed class SessionOptions
{
    /// <summary>How long a sign-in lasts (default 10 hours: a working day with overtime).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// How long a browser session (the workbench's and the designer's sign-in) lives without the person doing anything
    /// (default 30 minutes); each page request, designer API call or action on an open page keeps it alive.
    /// Tokens from <c>POST /api/auth/token</c> have no idle time-out.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Where a sign-in is used: a browser session has an idle time-out, an API token only its lifetime.</summary>
public enum SessionKind
{
    /// <summary>A token for an API client.</summary>
    Api,

    /// <summary>A person's browser session (workbench, designer): ends after <see cref="SessionOptions.IdleTimeout"/> without activity.</summary>
    Browser,
}

/// <summary>The first administrator, created on the first start when no account exists (<c>Hotline:Security:BootstrapAdmin</c>).</summary>
public sealed class BootstrapAdminOptions
{
    /// <summary>The login name (default <c>admin</c>).</summary>
    public string UserName { get; set; } = "admin";

    /// <summary>The password: from an environment variable or a secret store, never from a file in git. No account is created without it.</summary>
    public string? Password { get; set; }

    /// <summary>The display name.</summary>
    public string DisplayName { get; set; } = "系统管理员";
}

/// <summary>What a new account needs.</summary>
/// <param name="UserName">Login name: letters, digits, '.', '-', '_' (at most 64).</param>
/// <param name="DisplayName">The name shown in timelines.</param>
/// <param name="Password">At least 10 characters.</param>
/// <param name="Roles">Roles from <see cref="HotlineRoles"/> (not <c>integrator</c>: integrators use API keys).</param>
/// <param name="UnitCode">The unit of a unit user (required with the unit role, refused without it).</param>
public sealed record NewUser(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, string? UnitCode, string? DistrictCode = null);

/// <summary>A session: the bearer token (shown once) and when it expires.</summary>
/// <param name="Token">The bearer token.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="User">Whose it is.</param>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, UserAccount User);

/// <summary>Accounts, passwords and bearer tokens for people.</summary>
public sealed class UserService(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<SessionOptions> options, IOptions<LockoutOptions> lockout, PasswordHasher hasher)
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>Checks a new account; returns the bad fields (camelCase), empty when valid.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(user.UserName) || user.UserName.Length > 64 || !user.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors["userName"] = ["A login name is 1 to 64 letters, digits, '.', '-' or '_'."];
        CheckPassword(user.Password, "password", errors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await CheckProfileAsync(db, user.DisplayName, user.Roles, user.UnitCode, user.DistrictCode, errors, cancellationToken);
        if (!errors.ContainsKey("userName") && await db.UserAccounts.AsNoTracking().AnyAsync(u => u.UserName == user.UserName, cancellationToken))
            errors["userName"] = [$"'{user.UserName}' is taken."];
        return errors;
    }

    /// <summary>Records under <paramref name="field"/> a password shorter than <see cref="MinPasswordLength"/>.</summary>
    public static void CheckPassword(string? password, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (password is null || password.Length < MinPasswordLength)
            errors[field] = [$"A password has at least {MinPasswordLength} characters."];
    }

    /// <summary>
    /// Checks an account's display name, roles, unit (a unit user names an active unit, nobody else names one) and
    /// district (<see cref="CheckDistrictAsync"/>), recording each bad field (camelCase) in <paramref name="errors"/>.
    /// </summary>
    public static async Task CheckProfileAsync(HotlineDbContext db, string? displayName, IReadOnlyList<string>? roles, string? unitCode, string? districtCode,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 64)
            errors["displayName"] = ["A display name of 1 to 64 characters is required."];
        roles ??= [];
        if (roles.Count == 0 || roles.Any(r => !HotlineRoles.All.Contains(r) || r == HotlineRoles.Integrator))
            errors["roles"] = [$"Give one or more of: {string.Join(", ", HotlineRoles.All.Where(r => r != HotlineRoles.Integrator))}."];
        var isUnitUser = roles.Contains(HotlineRoles.Unit);
        if (isUnitUser && string.IsNullOrWhiteSpace(unitCode))
            errors["unitCode"] = ["A unit user needs the unit's code."];
        else if (!isUnitUser && !string.IsNullOrWhiteSpace(unitCode))
            errors["unitCode"] = ["Only unit users belong to a unit."];
        else if (isUnitUser && !await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unitCode && u.IsActive, cancellationToken))
            errors["unitCode"] = [$"There is no active unit '{unitCode}'."];
        await CheckDistrictAsync(db, roles, districtCode, errors, cancellationToken);
    }

    /// <summary>
    /// A sub-centre's staff name a district of the city (one with a district-level unit); unit users (their unit decides
    /// what they see) and administrators (who administer the whole city: accounts, reference data, definitions) do not.
    /// </summary>
    private static async Task CheckDistrictAsync(HotlineDbContext db, IReadOnlyList<string> roles, string? districtCode, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(districtCode))
            return;
        if (roles.Contains(HotlineRoles.Unit))
            errors["districtCode"] = ["A unit user's unit decides what it sees; leave the district empty."];
        else if (roles.Contains(HotlineRoles.Administrator))
            errors["districtCode"] = ["Administrators work for the whole city; a sub-centre account cannot hold the administrator role."];
        else if (!Administration.Codes.IsDistrictCode(districtCode))
            errors["districtCode"] = ["A district is a six-digit district code."];
        else if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.DistrictCode == districtCode && u.Level == Routing.UnitLevel.District, cancellationToken))
            errors["districtCode"] = [$"No district of the city has the code '{districtCode}'."];
    }

    /// <summary>Creates an account (validate first); throws <see cref="DbUpdateException"/> when the name was taken meanwhile.</summary>
    public async Task<UserAccount> CreateAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var account = new UserAccount
        {
            UserName = user.UserName!.Trim(),
            DisplayName = user.DisplayName!.Trim(),
            PasswordHash = hasher.Hash(user.Password!),
            Roles = [.. user.Roles!.Distinct(StringComparer.Ordinal)],
            UnitCode = string.IsNullOrWhiteSpace(user.UnitCode) ? null : user.UnitCode.Trim(),
            DistrictCode = string.IsNullOrWhiteSpace(user.DistrictCode) ? null : user.DistrictCode.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UserAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>Every account, by login name.</summary>
    public async Task<List<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserAccounts.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Signs in: a new bearer token for an active, unlocked account with the right password that needs no new password.
    /// A wrong password counts towards a lock-out (<see cref="LockoutOptions"/>); the caller cannot tell whether the name or
    /// the password was wrong, or whether the account is disabled.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken = default) =>
        await SignInAsync(userName, password, SessionKind.Api, cancellationToken);

    /// <summary>Signs in as <see cref="SignInAsync(string?, string?, CancellationToken)"/> does, for a session of <paramref name="kind"/>.</summary>
    public async Task<SignInResult> SignInAsync(string? userName, string? password, SessionKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var check = await CheckPasswordAsync(db, userName, password, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
            return check;
        var account = check.Account!;
        if (account.MustChangePassword)
            return check with { Outcome = SignInOutcome.MustChangePassword };
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var issued = new AccessToken
        {
            TokenHash = HashToken(token), UserName = account.UserName, IssuedAt = now, ExpiresAt = now + options.Value.TokenLifetime,
            IdleExpiresAt = kind == SessionKind.Browser ? now + options.Value.IdleTimeout : null,
        };
        db.AccessTokens.Add(issued);
        await db.SaveChangesAsync(cancellationToken);
        return check with { Token = new IssuedToken(token, issued.ExpiresAt, account) };
    }

    /// <summary>
    /// Checks a login name and password on <paramref name="db"/>: <see cref="SignInOutcome.Succeeded"/> with the account
    /// (untracked), <see cref="SignInOutcome.LockedOut"/> while a lock-out lasts (the password is not tried), else
    /// <see cref="SignInOutcome.Failed"/>. A wrong password of an existing account counts; the last one allowed locks it.
    /// Counters change by single UPDATE statements, so concurrent attempts all count and no administrator's change is lost.
    /// </summary>
    public async Task<SignInResult> CheckPasswordAsync(HotlineDbContext db, string? userName, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            return SignInResult.Failed;
        var account = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        // Hash even for an unknown name, so the response time does not tell which names exist.
        var valid = PasswordHasher.Verify(password, account?.PasswordHash ?? hasher.UnknownUserHash);
        if (account is null || !account.IsActive)
            return SignInResult.Failed;
        var now = clock.GetUtcNow();
        if (account.LockedUntil > now)
            return new SignInResult(SignInOutcome.LockedOut, account, account.LockedUntil, null);
        var accounts = db.UserAccounts.Where(u => u.UserName == account.UserName);
        if (valid)
        {
            if (account.FailedSignInAttempts != 0 || account.LockedUntil is not null)
                await accounts.ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignInAttempts, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            return new SignInResult(SignInOutcome.Succeeded, account, null, null);
        }

        var max = lockout.Value.MaxFailedAttempts;
        DateTimeOffset? until = now + lockout.Value.Duration;
        await accounts.ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockedUntil, u => u.FailedSignInAttempts + 1 >= max ? until : u.LockedUntil)
            .SetProperty(u => u.FailedSignInAttempts, u => u.FailedSignInAttempts + 1 >= max ? 0 : u.FailedSignInAttempts + 1), cancellationToken);
        var locked = await accounts.AsNoTracking().Select(u => u.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        return locked > now ? new SignInResult(SignInOutcome.LockedOut, account, locked, null) : SignInResult.Failed;
    }

    /// <summary>Ends every session of an account (its password was reset or changed, or it was disabled); the caller saves.</summary>
    public async Task RevokeAllAsync(HotlineDbContext db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        foreach (var session in await db.AccessTokens.Where(t => t.UserName == userName && t.RevokedAt == null).ToListAsync(cancellationToken))
            session.RevokedAt = now;
    }

    /// <summary>The active account a bearer token belongs to, or null when it is unknown, expired or revoked.</summary>
    public async Task<UserAccount?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await TokenHolder(db, hash, cancellationToken);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now || session.IdleExpiresAt <= now)
            return null;
        return session.Account;
    }

    /// <summary>A token's times and its account if the account is active.</summary>
    private sealed record TokenHolding(DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt, DateTimeOffset? IdleExpiresAt, UserAccount Account);

    /// <summary>
    /// Read on every request: one round trip for the token and its active account. (Not an EF compiled query: that binds
    /// to the first context's provider, and a process may hold SQLite and PostgreSQL contexts, as the tests do.)
    /// </summary>
    private static Task<TokenHolding?> TokenHolder(HotlineDbContext db, string hash, CancellationToken cancellationToken) =>
        db.AccessTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.UserAccounts.AsNoTracking().Where(u => u.IsActive), t => t.UserName, u => u.UserName,
                (t, u) => new TokenHolding(t.RevokedAt, t.ExpiresAt, t.IdleExpiresAt, u))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The person behind a browser session did something: its idle time-out starts again (one UPDATE; a session already
    /// idle, expired or revoked stays ended, and an API token, which has no idle time-out, is left alone).
    /// </summary>
    public async Task KeepAliveAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        var now = clock.GetUtcNow();
        DateTimeOffset? until = now + options.Value.IdleTimeout;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null && t.IdleExpiresAt != null && t.IdleExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.IdleExpiresAt, until), cancellationToken);
    }

    /// <summary>Ends a session (sign out).</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HashToken(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.AccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (session is { RevokedAt: null })
        {
            session.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Creates the configured first administrator when there is no account at all; returns whether it did.</summary>
    public async Task<bool> EnsureBootstrapAdminAsync(BootstrapAdminOptions admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (string.IsNullOrEmpty(admin.Password))
            return false;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.UserAccounts.AnyAsync(cancellationToken))
                return false;
        }

        try
        {
            await CreateAsync(new NewUser(admin.UserName, admin.DisplayName, admin.Password, [HotlineRoles.Administrator], null), cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another host created it at the same moment.
        }
    }

    /// <summary>The stored form of a token (hex SHA-256): tokens themselves are never kept.</summary>
    internal static string HashToken(string token) => SecretTokens.Hash(token);
}
