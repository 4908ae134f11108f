namespace Hotline.Workbench.Supervision;

/// <summary>The words of the supervision board (督办台).</summary>
internal static class SupervisionWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["supervision"] = ("督办台", "Supervision board"),
            ["svNone"] = ("暂无预警或督办中的工单", "No case has a warning or is under supervision"),
            ["svShown"] = ("共 {0} 件，显示前 {1} 件。", "{0} cases; the first {1} are shown."),
            ["svLevel3"] = ("三级 · 领导包案", "Level 3 · a leader takes the case"),
            ["svLevel2"] = ("二级 · 13710 专项督办", "Level 2 · the 13710 track"),
            ["svLevel1"] = ("一级 · 提级督办（函告单位负责人）", "Level 1 · letter to the unit's head"),
            ["svRed"] = ("红牌 · 已超期", "Red · overdue"),
            ["svYellow"] = ("黄牌 · 临近期限", "Yellow · deadline near"),
            ["svHeldBy"] = ("当前承办", "Held by"),
            ["svNext"] = ("下一节点", "Next checkpoint"),
            ["svNextNone"] = ("无（流程不再计时）", "None (the workflow has no timer)"),
            ["svStep.wait-yellow"] = ("黄牌预警", "yellow warning"),
            ["svStep.wait-red"] = ("红牌", "red card"),
            ["svStep.wait-level1"] = ("一级提级督办", "level 1 letter"),
            ["svStep.wait-level2"] = ("二级 13710 督办", "level 2, the 13710 track"),
            ["svStep.wait-1d"] = ("当日研究部署", "same-day checkpoint"),
            ["svStep.wait-3d"] = ("3 日反馈进展", "3-day checkpoint"),
            ["svStep.wait-7d"] = ("7 日一般问题解决", "7-day checkpoint"),
            ["svStep.wait-1m"] = ("1 个月复杂问题解决", "1-month checkpoint"),
            ["svStep.wait-tracking"] = ("跟踪至办结", "tracking checkpoint"),
            ["svUnit.WorkingDays"] = ("{0} 个工作日", "{0} working day(s)"),
            ["svUnit.CalendarDays"] = ("{0} 个自然日", "{0} calendar day(s)"),
            ["svUnit.WorkingHours"] = ("{0} 个工作小时", "{0} working hour(s)"),
            ["svUnit.CalendarMonths"] = ("{0} 个月", "{0} month(s)"),
            ["svCount.beforeDeadline"] = ("办理期限前 {0}", "{0} before the deadline"),
            ["svCount.atDeadline"] = ("办理期限届满时", "when the deadline passes"),
            ["svCount.afterDeadline"] = ("办理期限后 {0}", "{0} after the deadline"),
            ["svCount.afterStart"] = ("本节点开始后 {0}", "{0} after this step began"),
            ["svCount.sameDay"] = ("起算当日", "the same day"),
            ["svCount.afterMoment"] = ("起算后 {0}", "{0} after the start"),
            ["svInstruction"] = ("督办意见", "Instruction"),
            ["svInstruct"] = ("下达督办意见", "Give an instruction"),
            ["svInstructSubmit"] = ("下达", "Send"),
            ["svInstructInvalid"] = ("请填写督办意见（1 至 1000 字）。", "Write an instruction of 1 to 1000 characters."),
            ["svInstructed"] = ("已向承办单位下达督办意见：{0}", "Instruction sent to the lead unit: {0}"),
            ["svInstructEnded"] = ("工单 {0} 已办结，不能再下达督办意见。", "Case {0} has ended; no instruction can be given."),
            ["svInstructNotFound"] = ("找不到工单 {0}。", "Case {0} was not found."),
    };
}
