namespace Hotline.Workbench.Inbox;

/// <summary>The words of the unit's inbox (承办工作台).</summary>
internal static class InboxWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
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
    };
}
