namespace Hotline.Workbench.Quality;

/// <summary>The words of the quality desk (质检台).</summary>
internal static class QualityWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["quality"] = ("质检台", "Quality desk"),
        ["qcIntro"] = ("三查·查工单：抽检已办结工单。检查不合格的工单退回承办单位重办。", "Quality checks of closed cases (三查 查工单). A failed check sends the case back to its unit."),
        ["qcNone"] = ("暂无待质检工单", "No cases to check"),
        ["qcContent"] = ("诉求内容", "Request"),
        ["qcAnswer"] = ("办理结果", "Answer"),
        ["qcCallback"] = ("回访结果", "Callback"),
        ["qcClosedAt"] = ("办结时间", "Closed"),
        ["qcCheck"] = ("质检", "Check"),
        ["qcChecklist"] = ("检查项", "Checklist"),
        ["qcClassification"] = ("分类正确", "Classified right"),
        ["qcAnswerComplete"] = ("答复完整", "Answer complete"),
        ["qcHandledProperly"] = ("办理规范", "Handled properly"),
        ["qcNote"] = ("质检意见", "Note"),
        ["qcPass"] = ("合格", "Pass"),
        ["qcFail"] = ("不合格，退回重办", "Fail: send back"),
        ["qcPassNeedsAll"] = ("合格须所有检查项均通过。", "A pass needs every item ticked."),
        ["qcFailNeedsItem"] = ("不合格须至少有一项未通过。", "A fail needs an item left unticked."),
        ["qcDonePassed"] = ("质检合格，工单保持办结。", "Check passed; the case stays closed."),
        ["qcDoneFailed"] = ("质检不合格，工单已退回承办单位重办。", "Check failed; the case is back with its unit to be handled again."),
        ["qualityNotFound"] = ("该质检任务不存在，或您无权查看。", "This quality check does not exist or is not yours to see."),
        ["qualityNotYours"] = ("质检任务由督办员办理。", "Quality checks are done by supervisors."),
        ["cbSecond"] = ("查回访", "Second callback"),
    };
}
