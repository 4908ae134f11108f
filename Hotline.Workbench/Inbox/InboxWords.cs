namespace Hotline.Workbench.Inbox;

/// <summary>The words of the unit's inbox (承办工作台).</summary>
internal static class InboxWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["inboxInstruction"] = ("督办意见", "Supervisor's instruction"),
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
            ["refusedNotOpen"] = ("该任务已签收或已结束，不能再签收。", "Only an open task can be signed for."),
            ["refusedNotPending"] = ("该任务已办结或已撤回，不能再办理。", "The task is no longer pending."),
            ["refusedWrongKind"] = ("该任务不能进行此操作。", "This action is not for this task."),
            ["refusedOutcome"] = ("该任务不接受此结果。", "This task does not take that result."),
            ["refusedResult"] = ("请选择回访结果。", "Choose the callback's result."),
            ["refusedReturnWindow"] = ("退单时限已过，请办理此工单。", "The return window has closed; handle the case."),
            ["refusedNoDeadline"] = ("该工单没有办理时限，无法延期。", "The case has no deadline to extend."),
            ["refusedPastDeadline"] = ("办理时限已过，不能再申请延期。", "The deadline has passed; an extension can no longer be requested."),
            ["refusedExtensionWaiting"] = ("该工单已有延期申请等待中心审核。", "An extension request is already waiting for the centre."),
            ["refusedNotSubordinate"] = ("所选单位不是本单位的有效下级单位。", "That unit is not an active unit under yours."),
            ["refusedNotActiveUnit"] = ("所选单位不是有效的承办单位。", "That unit is not an active handling unit."),
            ["refusedResolved"] = ("请选择问题是否已解决。", "Say whether the problem was resolved."),
            ["refusedRequired"] = ("请填写{0}。", "{0} is required."),
            ["refusedTooLong"] = ("{0}不能超过 {1} 个字。", "{0} is longer than {1} characters."),
            ["refusedExtensionDays"] = ("延期天数须为 1 到 {0} 个工作日。", "The extension is 1 to {0} working days."),
            ["field.answer"] = ("答复内容", "The answer"),
            ["field.reason"] = ("理由", "The reason"),
            ["field.opinion"] = ("协办意见", "The opinion"),
            ["field.unitCode"] = ("单位", "The unit"),
            ["field.note"] = ("备注", "The note"),
            ["field.days"] = ("延期天数", "The days"),
    };
}
