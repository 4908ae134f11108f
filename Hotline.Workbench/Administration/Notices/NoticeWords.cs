namespace Hotline.Workbench.Administration.Notices;

/// <summary>The words of the notice template screen (通知模板).</summary>
internal static class NoticeWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["ntplTitle"] = ("通知模板", "Notice templates"),
            ["ntplList"] = ("通知类型", "Kinds of notice"),
            ["ntplSubject"] = ("邮件标题", "E-mail subject"),
            ["ntplBody"] = ("通知内容", "Text"),
            ["ntplChannels"] = ("发送渠道", "Channels"),
            ["ntplEmail"] = ("邮件", "E-mail"),
            ["ntplSms"] = ("短信", "Text message"),
            ["ntplPlaceholders"] = ("可用占位符（点击插入到正在编辑的字段）", "Placeholders (click to insert into the field being edited)"),
            ["ntplInsert"] = ("插入 {0}", "Insert {0}"),
            ["ntplPreview"] = ("预览（示例数据）", "Preview (example values)"),
            ["ntplReset"] = ("恢复默认", "Restore the default"),
            ["ntplResetDone"] = ("已恢复默认模板。", "The default template is back."),
            ["ntplDefault"] = ("默认", "Default"),
            ["ntplCustom"] = ("已修改", "Changed"),
            ["ntplOff"] = ("不发送", "Not sent"),
            ["ntplExampleTask"] = ("承办", "Handling"),
            ["ntplExampleContent"] = ("您反映的占道经营问题已处理完毕。", "The street stall you reported has been removed."),
            ["ntplKind.NewTask"] = ("新任务", "New task"),
            ["ntplKind.SignForSoon"] = ("即将超签收时限", "Sign-for limit near"),
            ["ntplKind.Yellow"] = ("黄牌", "Yellow card"),
            ["ntplKind.Red"] = ("红牌", "Red card"),
            ["ntplKind.SentBack"] = ("退回", "Sent back"),
            ["ntplKind.Escalated"] = ("督办升级", "Escalated"),
            ["ntplKind.Instructed"] = ("督办意见", "Supervisor's instruction"),
            ["ntplKind.Notice"] = ("流程通知", "Workflow notice"),
            ["ntplKind.Reply"] = ("答复市民", "Reply to the citizen"),
    };
}
