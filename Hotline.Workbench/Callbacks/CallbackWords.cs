namespace Hotline.Workbench.Callbacks;

/// <summary>The words of the callback desk (回访台).</summary>
internal static class CallbackWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["callbacks"] = ("回访台", "Callback desk"),
            ["cbNone"] = ("暂无待回访工单", "No callbacks to make"),
            ["cbReply"] = ("答复内容", "Reply given"),
            ["cbAttempt"] = ("回访次数", "Call"),
            ["cbAttemptN"] = ("第 {0} 次", "Call {0}"),
            ["cbEarlierUnreachable"] = ("（前 {0} 次未接通）", " ({0} unreachable before)"),
            ["cbDue"] = ("回访时限", "Due"),
            ["cbCall"] = ("回访", "Call back"),
            ["cbNote"] = ("回访记录（市民意见）", "Note (what the citizen said)"),
            ["cbResults"] = ("回访结果", "Result"),
            ["cbSatisfied"] = ("满意", "Satisfied"),
            ["cbBasicallySatisfied"] = ("基本满意", "Basically satisfied"),
            ["cbUnsatisfied"] = ("不满意", "Unsatisfied"),
            ["cbUnreachable"] = ("未接通", "Unreachable"),
            ["cbResolved"] = ("已解决", "resolved"),
            ["cbUnresolved"] = ("未解决", "not resolved"),
            ["cbWaiting"] = ("等待再次回访", "Waiting to call again"),
            ["cbWaitingNote"] = ("未接通的工单由流程在 2 个工作小时后自动再次派发回访。", "After an unreachable call the workflow sends the callback again two working hours later."),
            ["cbUnreachableCount"] = ("未接通次数", "Unreachable calls"),
            ["cbNextCall"] = ("下次回访时间", "Next call"),
            ["cbDoneClosed"] = ("已记录回访结果，工单已办结。", "Callback recorded; the case is closed."),
            ["cbDoneRehandle"] = ("已记录回访结果：市民不满意或问题未解决，工单已退回承办单位重办。", "Callback recorded: the citizen is unsatisfied or the problem is not resolved; the case goes back to the unit to be handled again."),
            ["cbDoneRetry"] = ("已记录未接通，流程将于 {0} 再次回访。", "Unreachable recorded; the workflow calls again at {0}."),
            ["cbDoneUnreachableClosed"] = ("已记录未接通：回访次数已用完，工单按无法联系办结。", "Unreachable recorded: no calls are left; the case is closed as unreachable."),
            ["cbDone"] = ("已记录回访结果。", "Callback recorded."),
            ["callbackNotFound"] = ("该回访任务不存在，或您无权查看。", "This callback task does not exist or is not yours to see."),
            ["callbackNotYours"] = ("回访任务由回访员办理。", "Callback tasks are worked by callback agents."),
    };
}
