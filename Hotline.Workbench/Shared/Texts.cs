using System.Globalization;

namespace Hotline.Workbench.Shared;

/// <summary>
/// The workbench's words in Chinese (the default) and English, chosen by the request's culture (the language cookie the
/// host's localization reads; a circuit keeps the culture of the request that opened it).
/// </summary>
public static class Texts
{
    /// <summary>The cultures offered; the first is the default.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    /// <summary>The page's language, for <c>lang</c>.</summary>
    public static string Language => IsEnglish ? "en" : "zh-CN";

    /// <summary>The other language, the one the switch offers.</summary>
    public static string OtherLanguage => IsEnglish ? "zh-CN" : "en";

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The word for <paramref name="key"/> in the page's language (the key itself when there is none).</summary>
    public static string T(string key) =>
        Words.TryGetValue(key, out var pair) ? (IsEnglish ? pair.En : pair.Zh) : key;

    private static readonly Dictionary<string, (string Zh, string En)> Words = new(StringComparer.Ordinal)
    {
        ["language"] = ("English", "中文"),
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
        ["home"] = ("首页", "Home"),
        ["myCases"] = ("我的工单", "My cases"),
        ["search"] = ("搜索工单（内容、地址）", "Search cases (content, address)"),
        ["searchButton"] = ("搜索", "Search"),
        ["noCases"] = ("暂无工单", "No cases"),
        ["number"] = ("工单编号", "Case number"),
        ["status"] = ("状态", "Status"),
        ["type"] = ("类型", "Type"),
        ["urgency"] = ("紧急程度", "Urgency"),
        ["subject"] = ("诉求分类", "Subject"),
        ["district"] = ("区县", "District"),
        ["address"] = ("地址", "Address"),
        ["content"] = ("诉求内容", "Request"),
        ["citizen"] = ("来电人", "Caller"),
        ["phone"] = ("电话", "Phone"),
        ["deadline"] = ("办理时限", "Deadline"),
        ["deadlineRule"] = ("时限规则", "Deadline rule"),
        ["provisional"] = ("（暂定）", " (provisional)"),
        ["ladder"] = ("督办层级", "Supervision level"),
        ["warning"] = ("预警", "Warning"),
        ["leadUnit"] = ("承办单位", "Lead unit"),
        ["assistingUnits"] = ("协办单位", "Assisting units"),
        ["timeline"] = ("办理过程", "Timeline"),
        ["pendingTasks"] = ("待办任务", "Pending tasks"),
        ["task"] = ("任务", "Task"),
        ["unit"] = ("单位", "Unit"),
        ["due"] = ("到期", "Due"),
        ["signDue"] = ("签收期限", "Sign-for limit"),
        ["linkedCases"] = ("关联工单", "Linked cases"),
        ["inbox"] = ("承办工作台", "Unit inbox"),
        ["noTasks"] = ("暂无待办任务", "No pending tasks"),
        ["taskNotFound"] = ("该任务不存在，或不属于本单位。", "This task does not exist or is not your unit's."),
        ["notYourTask"] = ("该任务不由承办单位办理。", "This task is not worked by handling units."),
        ["countdown"] = ("倒计时", "Countdown"),
        ["toSign"] = ("距签收时限", "To sign for"),
        ["toDue"] = ("距办结时限", "To the deadline"),
        ["actions"] = ("操作", "Actions"),
        ["actSign"] = ("签收", "Sign for"),
        ["actAnswer"] = ("办结", "Answer"),
        ["actReturn"] = ("退单", "Return"),
        ["actExtension"] = ("延期", "Extension"),
        ["actSubDispatch"] = ("二级派单", "Sub-dispatch"),
        ["actOpinion"] = ("协办意见", "Opinion"),
        ["textAnswer"] = ("答复内容", "Answer"),
        ["textReturn"] = ("退单理由", "Reason for returning"),
        ["textExtension"] = ("延期理由", "Reason for the extension"),
        ["textSubDispatch"] = ("备注", "Note"),
        ["textOpinion"] = ("协办意见", "Opinion"),
        ["extensionDays"] = ("延期工作日数", "Working days"),
        ["subUnit"] = ("下级单位", "Subordinate unit"),
        ["noSubUnits"] = ("本单位没有下级单位。", "Your unit has no subordinate units."),
        ["submit"] = ("提交", "Submit"),
        ["cancel"] = ("取消", "Cancel"),
        ["actionDone"] = ("已提交。", "Done."),
        ["mergedInto"] = ("已并入", "Merged into"),
        ["createdAt"] = ("受理时间", "Registered"),
        ["none"] = ("无", "None"),
        ["overdueBy"] = ("已超期", "Overdue by"),
        ["remaining"] = ("剩余", "Left"),
        ["days"] = ("天", "d"),
        ["hours"] = ("小时", "h"),
        ["minutes"] = ("分钟", "min"),
        ["notFound"] = ("未找到", "Not found"),
        ["notFoundText"] = ("该页面或工单不存在，或您无权查看。", "This page or case does not exist, or is not yours to see."),
        ["backHome"] = ("返回首页", "Back to home"),
        ["menu"] = ("导航", "Navigation"),
        ["designer"] = ("管理（流程设计）", "Administration (designer)"),
        ["caseFile"] = ("工单详情", "Case"),
        ["workingDays"] = ("个工作日", " working days"),
        ["naturalDays"] = ("个自然日", " calendar days"),
        ["workingHours"] = ("个工作小时", " working hours"),
        ["level"] = ("级", ""),
    };
}
