namespace Hotline.Domain.Users;

/// <summary>How a sign-in (or a password check) ended.</summary>
public enum SignInOutcome
{
    /// <summary>The password is right; a sign-in issued a token.</summary>
    Succeeded,

    /// <summary>Unknown name, wrong password or disabled account (the caller is not told which).</summary>
    Failed,

    /// <summary>Too many wrong passwords: refused until <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>The password is right but temporary: the user must change it first.</summary>
    MustChangePassword,
}

/// <summary>The result of a sign-in or a password check.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Account">The account, when the name exists and is active.</param>
/// <param name="LockedUntil">The end of a lock-out.</param>
/// <param name="Token">The session, when a sign-in succeeded.</param>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? Account, DateTimeOffset? LockedUntil, IssuedToken? Token)
{
    /// <summary>A failure that tells nothing.</summary>
    public static SignInResult Failed { get; } = new(SignInOutcome.Failed, null, null, null);
}
