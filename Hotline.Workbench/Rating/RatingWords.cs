namespace Hotline.Workbench.Rating;

/// <summary>The words of the citizens' rating page (好差评).</summary>
internal static class RatingWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["rtTitle"] = ("12345热线办理评价", "Rate how the hotline handled your request"),
        ["rtCase"] = ("工单编号", "Case number"),
        ["rtContent"] = ("您反映的问题", "What you told us"),
        ["rtReply"] = ("答复内容", "Our reply"),
        ["rtQuestion"] = ("您对本次办理是否满意？", "Are you satisfied with how it was handled?"),
        ["rtSatisfied"] = ("满意", "Satisfied"),
        ["rtBasically"] = ("基本满意", "Basically satisfied"),
        ["rtUnsatisfied"] = ("不满意", "Unsatisfied"),
        ["rtComment"] = ("意见或建议（选填，最多500字）", "Comment (optional, at most 500 characters)"),
        ["rtSubmit"] = ("提交评价", "Submit"),
        ["rtChoose"] = ("请选择满意、基本满意或不满意。", "Choose satisfied, basically satisfied or unsatisfied."),
        ["rtTooLong"] = ("意见最多500字。", "The comment has at most 500 characters."),
        ["rtThanks"] = ("感谢您的评价！您的意见已记录。", "Thank you: your rating was recorded."),
        ["rtInvalid"] = ("该评价链接已失效", "This rating link no longer works"),
    };
}
