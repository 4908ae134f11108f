using Hotline.Domain.Audit;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Users;

/// <summary>How an account change ended.</summary>
public enum AccountChangeOutcome
{
    /// <summary>Changed (or already as asked).</summary>
    Done,

    /// <summary>No such account.</summary>
    NotFound,

    /// <summary>Bad fields (<see cref="AccountChange.Errors"/>).</summary>
    Invalid,

    /// <summary>The account changed since the version the caller sent.</summary>
    Stale,

    /// <summary>Refused in the account's state (<see cref="AccountChange.Reason"/>).</summary>
    Refused,
}

/// <summary>The result of an account change.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Account">The account after the change.</param>
/// <param name="Errors">The bad fields (camelCase).</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record AccountChange(AccountChangeOutcome Outcome, UserAccount? Account = null, Dictionary<string, string[]>? Errors = null, string? Reason = null);

/// <summary>A change of an account's profile.</summary>
/// <param name="Version">The version the administrator saw.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Roles">The roles.</param>
/// <param name="UnitCode">The unit (unit users only).</param>
/// <param name="DistrictCode">The sub-centre's district; null for the city centre.</param>
/// <param name="Email">The address the person's notices are e-mailed to; null for none.</param>
/// <param name="Mobile">The Chinese mobile number the person's notices are texted to; null for none.</param>
public sealed record AccountProfile(int? Version, string? DisplayName, IReadOnlyList<string>? Roles, string? UnitCode, string? DistrictCode = null,
    string? Email = null, string? Mobile = null);

/// <summary>
/// Administrators' changes of accounts, and a person's change of their own password (scoped: it writes through the scope's
/// context). Each change raises the account's version and writes an audit row in the same <c>SaveChanges</c>. No change may
/// leave the hotline without an active administrator.
/// </summary>
public sealed class UserAdministration(HotlineDbContext db, AuditLog audit, UserService users, PasswordHasher hasher)
{
    /// <summary>Accounts by login name, filtered; the role filter runs in memory (roles are a JSON column; accounts are few).</summary>
    public async Task<(List<UserAccount> Items, int Total)> ListAsync(string? role, string? unitCode, string? districtCode, bool? disabled, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var query = db.UserAccounts.AsNoTracking();
        if (!string.IsNullOrEmpty(unitCode))
            query = query.Where(u => u.UnitCode == unitCode);
        if (!string.IsNullOrEmpty(districtCode))
            query = query.Where(u => u.DistrictCode == districtCode);
        if (disabled is { } d)
            query = query.Where(u => u.IsActive != d);
        var all = (await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Where(u => string.IsNullOrEmpty(role) || u.Roles.Contains(role, StringComparer.Ordinal)).ToList();
        return (all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count);
    }

    /// <summary>One account, or null.</summary>
    public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    /// <summary>Changes the display name, roles and unit, if <see cref="AccountProfile.Version"/> is current.</summary>
    public async Task<AccountChange> UpdateAsync(string actor, string userName, AccountProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (profile.Version is null or < 1)
            errors["version"] = ["Send the account's version as you read it."];
        await UserService.CheckProfileAsync(db, profile.DisplayName, profile.Roles, profile.UnitCode, profile.DistrictCode, errors, cancellationToken);
        var email = Administration.ContactChecks.Email(profile.Email, "email", errors);
        var mobile = Administration.ContactChecks.Mobile(profile.Mobile, "mobile", errors);
        if (errors.Count > 0)
            return new AccountChange(AccountChangeOutcome.Invalid, Errors: errors);
        return await ChangeAsync(actor, userName, AuditActions.UserUpdated, profile.Version, async account =>
        {
            var roles = profile.Roles!.Distinct(StringComparer.Ordinal).ToList();
            if (!roles.Contains(HotlineRoles.Administrator) && await IsLastAdministratorAsync(account, cancellationToken))
                return LastAdministrator(account, "give another account the administrator role first");
            account.DisplayName = profile.DisplayName!.Trim();
            account.Roles = roles;
            account.UnitCode = string.IsNullOrWhiteSpace(profile.UnitCode) ? null : profile.UnitCode.Trim();
            account.DistrictCode = string.IsNullOrWhiteSpace(profile.DistrictCode) ? null : profile.DistrictCode.Trim();
            (account.Email, account.Mobile) = (email, mobile);
            return null;
        }, cancellationToken);
    }

    /// <summary>Disables an account (its sessions end) or enables it (lifting a lock-out).</summary>
    public Task<AccountChange> SetDisabledAsync(string actor, string userName, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userName, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, null, async account =>
        {
            if (disabled)
            {
                if (await IsLastAdministratorAsync(account, cancellationToken))
                    return LastAdministrator(account, "enable or appoint another administrator first");
                account.IsActive = false;
                await users.RevokeAllAsync(db, account.UserName, cancellationToken);
            }
            else
            {
                account.IsActive = true;
                account.FailedSignInAttempts = 0;
                account.LockedUntil = null;
            }

            return null;
        }, cancellationToken);

    /// <summary>Sets a temporary password the user must change at the next sign-in; ends the account's sessions and lifts a lock-out.</summary>
    public async Task<AccountChange> ResetPasswordAsync(string actor, string userName, string? temporaryPassword, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        UserService.CheckPassword(temporaryPassword, "temporaryPassword", errors);
        if (errors.Count > 0)
            return new AccountChange(AccountChangeOutcome.Invalid, Errors: errors);
        if (string.Equals(actor, userName, StringComparison.Ordinal))
            return new AccountChange(AccountChangeOutcome.Refused, Reason: "Administrators change their own password with POST /api/auth/password, giving the current one.");
        return await ChangeAsync(actor, userName, AuditActions.PasswordReset, null, async account =>
        {
            account.PasswordHash = hasher.Hash(temporaryPassword!);
            account.MustChangePassword = true;
            account.FailedSignInAttempts = 0;
            account.LockedUntil = null;
            await users.RevokeAllAsync(db, account.UserName, cancellationToken);
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// A person changes their own password, giving the current one (also a temporary one an administrator set). A wrong
    /// current password counts towards a lock-out like a sign-in. Ends the account's other sessions.
    /// </summary>
    public async Task<(SignInOutcome Outcome, Dictionary<string, string[]>? Errors, DateTimeOffset? LockedUntil)> ChangeOwnPasswordAsync(
        string? userName, string? currentPassword, string? newPassword, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(userName))
            errors["userName"] = ["The login name is required."];
        if (string.IsNullOrEmpty(currentPassword))
            errors["currentPassword"] = ["The current (or temporary) password is required."];
        UserService.CheckPassword(newPassword, "newPassword", errors);
        if (!errors.ContainsKey("newPassword") && string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
            errors["newPassword"] = ["The new password must differ from the current one."];
        if (errors.Count > 0)
            return (SignInOutcome.Failed, errors, null);
        var check = await users.CheckPasswordAsync(db, userName, currentPassword, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
            return (check.Outcome, null, check.LockedUntil);
        var change = await ChangeAsync(userName!, userName!, AuditActions.PasswordChanged, null, async account =>
        {
            account.PasswordHash = hasher.Hash(newPassword!);
            account.MustChangePassword = false;
            await users.RevokeAllAsync(db, account.UserName, cancellationToken);
            return null;
        }, cancellationToken);
        return (change.Outcome == AccountChangeOutcome.Done ? SignInOutcome.Succeeded : SignInOutcome.Failed, null, null);
    }

    /// <summary>
    /// Loads the account tracked, applies <paramref name="apply"/> (which answers why it refuses, or null), raises the
    /// version and saves the change with its audit row. A version that is not current, before or at the save, is stale.
    /// </summary>
    private async Task<AccountChange> ChangeAsync(string actor, string userName, string action, int? expectedVersion, Func<UserAccount, Task<string?>> apply, CancellationToken cancellationToken)
    {
        var account = await db.UserAccounts.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (account is null)
            return new AccountChange(AccountChangeOutcome.NotFound);
        if (expectedVersion is { } version && version != account.Version)
            return Stale(account);
        var before = UserAccountView.From(account);
        if (await apply(account) is { } refused)
            return new AccountChange(AccountChangeOutcome.Refused, account, Reason: refused);
        if (!db.ChangeTracker.HasChanges())
            return new AccountChange(AccountChangeOutcome.Done, account);
        account.Version++;
        audit.Record(actor, action, AuditEntityTypes.UserAccount, account.UserName, before, UserAccountView.From(account));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken));
        }

        return new AccountChange(AccountChangeOutcome.Done, account);
    }

    private static string LastAdministrator(UserAccount account, string remedy) =>
        $"'{account.UserName}' is the last active administrator; the hotline would have none left: {remedy}.";

    private static AccountChange Stale(UserAccount? current) =>
        new(AccountChangeOutcome.Stale, current, Reason: $"The account changed since you read it (it is at version {current?.Version}); read it again and repeat the change.");

    /// <summary>
    /// Whether <paramref name="account"/> is the only active administrator. When it is not, the other active
    /// administrators' versions are raised in the same save: the answer rests on them, so a concurrent change that
    /// removes one of them on the strength of this account (two administrators demoting each other at once) finds its
    /// version stale and is refused instead of leaving the hotline without an administrator.
    /// </summary>
    private async Task<bool> IsLastAdministratorAsync(UserAccount account, CancellationToken cancellationToken)
    {
        if (!account.IsActive || !account.Roles.Contains(HotlineRoles.Administrator))
            return false;
        var others = (await db.UserAccounts.Where(u => u.IsActive && u.UserName != account.UserName).ToListAsync(cancellationToken))
            .Where(u => u.Roles.Contains(HotlineRoles.Administrator)).ToList();
        foreach (var other in others)
            other.Version++;
        return others.Count == 0;
    }

    /// <summary>Whether an active account other than <paramref name="userName"/> has the administrator role.</summary>
    public static async Task<bool> HasOtherActiveAdministratorAsync(HotlineDbContext db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Roles are a JSON column; accounts are few, so the role is looked for in memory.
        var others = await db.UserAccounts.AsNoTracking().Where(u => u.IsActive && u.UserName != userName).Select(u => u.Roles).ToListAsync(cancellationToken);
        return others.Any(r => r.Contains(HotlineRoles.Administrator));
    }
}
