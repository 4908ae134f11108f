namespace Hotline.Workbench.Account;

/// <summary>The words of sign-in, password and sign-out.</summary>
internal static class AccountWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["signIn"] = ("登录", "Sign in"),
            ["signOut"] = ("退出登录", "Sign out"),
            ["userName"] = ("用户名", "User name"),
            ["password"] = ("密码", "Password"),
            ["changePassword"] = ("修改密码", "Change password"),
            ["currentPassword"] = ("当前密码（或临时密码）", "Current (or temporary) password"),
            ["newPassword"] = ("新密码（至少10个字符）", "New password (at least 10 characters)"),
            ["passwordChanged"] = ("密码已修改，请用新密码登录。", "Your password was changed: sign in with the new one."),
            ["signInFailed"] = ("用户名或密码错误，或账号已停用。", "The user name or password is wrong, or the account is disabled."),
            ["accountLocked"] = ("密码错误次数过多，账号已暂时锁定，请稍后再试或联系管理员。", "Too many wrong passwords: the account is locked for a while. Try again later or ask an administrator."),
            ["passwordChangeRequired"] = ("当前密码是管理员设置的临时密码，请先修改密码。", "Your password is a temporary one an administrator set: change it first."),
            ["passwordInvalid"] = ("新密码不符合要求：至少10个字符，且不能与当前密码相同。", "The new password does not qualify: at least 10 characters, different from the current one."),
            ["signedOut"] = ("您已退出登录。", "You are signed out."),
    };
}
