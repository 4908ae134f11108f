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
        new("/admin/knowledge", "知识库", "Knowledge base",
            "起草、审核、发布和失效知识条目（发布须由作者以外的管理员审核）。", "Draft, review, publish and expire articles (another administrator publishes)."),
        new("/admin/import", "数据导入", "Data import",
            "上传单位、分类、派单规则或知识的 CSV/xlsx，先试运行看报告，再确认导入；导出现有数据。",
            "Upload units, subjects, routing rules or knowledge as CSV/xlsx: the dry run's report, then import; export what is stored."),
        new("/admin/calendar", "节假日历", "Holiday calendar",
            "按国务院通知录入每年的放假和调休上班日期，工作日期限据此计算。", "Each year's holidays and make-up working days from the State Council notice; working-day deadlines follow them."),
        new("/admin/notices", "通知模板", "Notice templates",
            "各类通知（新任务、黄牌、红牌、答复市民等）的邮件标题、内容和发送渠道；可恢复默认。",
            "The subject, text and channels (e-mail, text message) of each kind of notice; restore the default."),
        new("/admin/audit", "审计日志", "Audit log",
            "谁在何时修改了什么：按人、类型、对象和日期筛选，显示修改前后。", "Who changed what and when: filter by person, kind, record and dates; before and after."),
        new("/designer/", "流程设计", "Workflow designer", "在 Elsa Studio 中查看和修改工单流程。", "View and change the case workflows in Elsa Studio.", ForceLoad: true),
    ];
}
