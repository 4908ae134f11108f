namespace Hotline.Workbench.Dispatch;

/// <summary>The words of the dispatch desk (派单台) and of the case operations on the case page.</summary>
internal static class DispatchWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["desk"] = ("派单台", "Dispatch desk"),
            ["deskTabs"] = ("派单台任务", "Desk tasks"),
            ["deskTabDispatch"] = ("待派单", "To dispatch"),
            ["deskTabReviewReturn"] = ("退单审核", "Returns"),
            ["deskTabReviewExtension"] = ("延期审核", "Extensions"),
            ["deskTabReviewAnswer"] = ("审核办结", "Answers"),
            ["deskEmpty"] = ("暂无待办", "Nothing waiting"),
            ["deskWaited"] = ("已等待", "Waiting"),
            ["deskUnit"] = ("承办单位", "Unit"),
            ["deskReturnReason"] = ("退单理由", "Reason for returning"),
            ["deskExtensionReason"] = ("延期理由", "Reason for the extension"),
            ["deskAnswer"] = ("单位答复", "The unit's answer"),
            ["deskDaysAsked"] = ("申请工作日", "Working days asked"),
            ["deskCurrentDeadline"] = ("当前时限", "Current deadline"),
            ["deskNewDeadline"] = ("延期后时限", "Deadline if approved"),
            ["deskDispatch"] = ("派单", "Dispatch"),
            ["deskApproveReviewReturn"] = ("同意退单并改派", "Approve and re-dispatch"),
            ["deskApproveReviewExtension"] = ("同意延期", "Approve the extension"),
            ["deskApproveReviewAnswer"] = ("审核通过并答复", "Accept and reply"),
            ["deskRejectReviewReturn"] = ("驳回退单", "Reject the return"),
            ["deskRejectReviewExtension"] = ("不同意延期", "Refuse the extension"),
            ["deskRejectReviewAnswer"] = ("退回重办", "Send back"),
            ["deskChooseUnit"] = ("选择承办单位（可输入名称搜索）", "Lead unit (type to search by name)"),
            ["deskNote"] = ("派单意见", "Note"),
            ["deskReason"] = ("理由", "Reason"),
            ["deskReply"] = ("答复市民内容", "Reply to the citizen"),
            ["deskDays"] = ("批准工作日", "Working days granted"),
            ["deskTaskNotFound"] = ("该任务不存在，或不在您的派单范围内。", "This task does not exist or is not on your desk."),
            ["deskNotYourTask"] = ("该任务由派单员办理。", "This task is worked by dispatchers."),
            ["deskCaseNotFound"] = ("该工单不存在，或您无权操作。", "This case does not exist or is not yours to change."),
            ["deskOperations"] = ("工单操作", "Case operations"),
            ["deskOpReclassify"] = ("改类", "Reclassify"),
            ["deskOpReassign"] = ("改派", "Reassign"),
            ["deskOpVoid"] = ("作废", "Void"),
            ["deskOpComplex"] = ("疑难复杂", "Mark complex"),
            ["deskOpMerge"] = ("并案", "Merge"),
            ["deskNewType"] = ("新类型（不改则留空）", "New type (empty: unchanged)"),
            ["deskNewSubject"] = ("新诉求分类（不改则留空）", "New subject (empty: unchanged)"),
            ["deskNewUnit"] = ("改派至单位", "Reassign to"),
            ["deskComplexDays"] = ("工作日（1–15，可不填）", "Working days (1–15, optional)"),
            ["deskMergeInto"] = ("并入工单编号", "Merge into case number"),
            ["deskOpDone"] = ("操作已完成。", "Done."),
    };
}
