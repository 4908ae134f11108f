namespace Hotline.Workbench.Administration;

/// <summary>One administration screen as the /admin page lists it: where it is, its name and what it is for.</summary>
/// <param name="Href">The screen's address.</param>
/// <param name="Zh">Its name in Chinese.</param>
/// <param name="En">Its name in English.</param>
/// <param name="DescriptionZh">One line on what it is for, in Chinese.</param>
/// <param name="DescriptionEn">The same line in English.</param>
/// <param name="ForceLoad">True for a page outside the workbench (the designer): a full page load.</param>
public sealed record AdminScreen(string Href, string Zh, string En, string DescriptionZh, string DescriptionEn, bool ForceLoad = false);

/// <summary>The administration screens (系统管理), in the order the /admin page lists them.</summary>
public static class AdminScreens
{
    /// <summary>Every screen.</summary>
    public static IReadOnlyList<AdminScreen> All { get; } =
    [
        new("/admin/units", "单位管理", "Units", "承办单位四级树：新增、修改、停用，转派其未办结任务。",
            "The four-level tree of handling units: add, change, deactivate, move their open work."),
        new("/admin/subjects", "诉求分类", "Subjects", "诉求分类树及每类受理的工单类型。", "The subject taxonomy and the case types each subject accepts."),
        new("/admin/routing", "派单规则", "Routing rules", "按诉求分类和区县指定主办、协办单位；模拟派单结果。",
            "Lead and assisting units by subject and district; simulate where a case would go."),
        new("/admin/users", "用户管理", "Users", "账号的角色、单位、区县；停用、启用、重置密码。",
            "Accounts' roles, units and districts; disable, enable, reset a password."),
        new("/designer/", "流程设计", "Workflow designer", "在 Elsa Studio 中查看和修改工单流程。", "View and change the case workflows in Elsa Studio.", ForceLoad: true),
    ];
}
