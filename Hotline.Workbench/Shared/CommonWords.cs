namespace Hotline.Workbench.Shared;

/// <summary>The words every page uses: the frame, buttons, durations, the not-found page.</summary>
internal static class CommonWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["language"] = ("English", "中文"),
            ["home"] = ("首页", "Home"),
            ["submit"] = ("提交", "Submit"),
            ["cancel"] = ("取消", "Cancel"),
            ["actionDone"] = ("已提交。", "Done."),
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
            ["workingDays"] = ("个工作日", " working days"),
            ["naturalDays"] = ("个自然日", " calendar days"),
            ["workingHours"] = ("个工作小时", " working hours"),
            ["level"] = ("级", ""),
    };
}
