namespace Hotline.Workbench.Administration;

/// <summary>One administration screen as the 系统管理 page lists it: where it is, its name, one line on what it does.</summary>
public sealed record AdminScreen(string Href, string Zh, string En, string DescriptionZh, string DescriptionEn);

/// <summary>The administration screens, in the order the 系统管理 page lists them.</summary>
public static class AdminScreens
{
    /// <summary>Every screen.</summary>
    public static IReadOnlyList<AdminScreen> All { get; } =
    [
        new("/admin/knowledge", "知识库", "Knowledge base",
            "起草、审核、发布和失效知识条目（发布须由作者以外的人审核）。", "Draft, review, publish and expire articles (a second person publishes)."),
        new("/admin/import", "数据导入", "Data import",
            "上传单位、事项、派单规则或知识的 CSV/xlsx 文件，先试运行查看报告，再确认导入；导出现有数据。",
            "Upload units, subjects, routing rules or knowledge as CSV/xlsx: a dry run's report first, then import; export what is stored."),
        new("/admin/calendar", "节假日历", "Holiday calendar",
            "按国务院通知录入每年的放假和调休上班日期，工作日期限据此计算。", "Each year's holidays and make-up working days from the State Council notice; working-day deadlines follow them."),
        new("/admin/audit", "审计日志", "Audit log",
            "谁在何时修改了什么：按人、类型、对象和日期筛选，显示修改前后的差异。", "Who changed what and when: filter by person, kind, record and date; before and after side by side."),
    ];
}
