namespace Hotline.Workbench.Administration.Users;

/// <summary>The words of the account screen (用户管理).</summary>
internal static class UserWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["auserTitle"] = ("用户管理", "Users"),
            ["auserList"] = ("账号列表", "Accounts"),
            ["auserLogin"] = ("登录名", "Login name"),
            ["auserDisplay"] = ("姓名", "Display name"),
            ["auserRoles"] = ("角色", "Roles"),
            ["auserUnit"] = ("所属单位", "Unit"),
            ["auserDistrict"] = ("分中心区县", "Sub-centre district"),
            ["auserCentre"] = ("市中心", "City centre"),
            ["auserEmail"] = ("邮箱", "E-mail"),
            ["auserMobile"] = ("手机", "Mobile"),
            ["auserState"] = ("状态", "State"),
            ["auserEnabled"] = ("正常", "Enabled"),
            ["auserDisabled"] = ("已停用", "Disabled"),
            ["auserLocked"] = ("已锁定", "Locked"),
            ["auserMustChange"] = ("须修改密码", "Must change password"),
            ["auserDisable"] = ("停用", "Disable"),
            ["auserEnable"] = ("启用", "Enable"),
            ["auserReset"] = ("重置密码", "Reset password"),
            ["auserDisabledDone"] = ("账号已停用。", "The account is disabled."),
            ["auserEnabledDone"] = ("账号已启用。", "The account is enabled."),
            ["auserPassword"] = ("{0} 的临时密码：{1}（仅显示这一次，请当面或电话告知本人；登录时须修改）", "Temporary password of {0}: {1} (shown this once; tell the person directly; it must be changed at sign-in)"),
            ["auserRole"] = ("角色", "Role"),
            ["auserShow"] = ("状态", "State"),
    };
}
