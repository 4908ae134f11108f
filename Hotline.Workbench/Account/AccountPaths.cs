namespace Hotline.Workbench.Account;

/// <summary>Where the sign-in, sign-out, password and language forms go (the host's account endpoints) and where they return.</summary>
public static class AccountPaths
{
    /// <summary>The sign-in page.</summary>
    public const string Login = "/login";

    /// <summary>The change-password page.</summary>
    public const string Password = "/password";

    /// <summary>POST: sign in (form: userName, password, returnUrl).</summary>
    public const string SignIn = "/account/signin";

    /// <summary>POST: sign out (ends the session everywhere).</summary>
    public const string SignOut = "/account/signout";

    /// <summary>POST: change one's own password (form: userName, currentPassword, newPassword).</summary>
    public const string ChangePassword = "/account/password";

    /// <summary>POST: the person is at work on an open page (keeps the browser session from its idle time-out); 204, or 401 once the session ended.</summary>
    public const string KeepAlive = "/account/keep-alive";

    /// <summary>GET: switch the language (culture, returnUrl); remembered in a cookie.</summary>
    public const string Language = "/account/language";

    /// <summary>The sign-in page that returns to <paramref name="returnUrl"/> afterwards.</summary>
    public static string LoginUrl(string returnUrl) => $"{Login}?returnUrl={Uri.EscapeDataString(LocalPath(returnUrl))}";

    /// <summary>
    /// A local path of the workbench to return to: anything else (another site, a scheme-relative <c>//host</c>, a
    /// backslash trick, control characters, the account pages themselves) becomes <c>/</c>.
    /// </summary>
    public static string LocalPath(string? candidate) =>
        PagePath(candidate) is var page && (page.StartsWith(Login, StringComparison.OrdinalIgnoreCase) || page.StartsWith(Password, StringComparison.OrdinalIgnoreCase)) ? "/" : page;

    /// <summary>
    /// Like <see cref="LocalPath"/>, but the sign-in and password pages are kept: where the language switch returns.
    /// </summary>
    public static string PagePath(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate[0] != '/' || candidate.Contains('\\', StringComparison.Ordinal)
            || candidate.Contains("//", StringComparison.Ordinal) || candidate.Contains("/..", StringComparison.Ordinal) || candidate.Any(char.IsControl)
            || candidate.StartsWith("/account/", StringComparison.OrdinalIgnoreCase))
            return "/";
        return candidate;
    }
}
