namespace Hotline.Workbench.Notifications;

/// <summary>The words of the notification bell and of the notifications themselves (their text keys).</summary>
internal static class NotificationWords
{
    /// <summary>Each key's words: Chinese, English. <c>{0}</c> is the notification's first argument.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["notify.bell"] = ("通知，{0}条未读", "Notifications, {0} unread"),
        ["notify.title"] = ("通知", "Notifications"),
        ["notify.none"] = ("暂无通知", "No notifications"),
        ["notify.markAllRead"] = ("全部标为已读", "Mark all read"),
        ["notify.markedRead"] = ("已全部标为已读", "All marked read"),
        ["notify.arrived"] = ("新通知：{0}", "New notification: {0}"),
        ["notify.newTask"] = ("新任务：{0}", "New task: {0}"),
        ["notify.signForSoon"] = ("即将超过签收时限：{0}", "Sign-for limit near: {0}"),
        ["notify.yellow"] = ("黄牌预警：办理时限将至", "Yellow card: the deadline is near"),
        ["notify.red"] = ("红牌预警：已超期", "Red card: overdue"),
        ["notify.answerRefused"] = ("办理答复被退回，请重新办理", "The answer was sent back; handle it again"),
        ["notify.returnRefused"] = ("退单申请未获同意，请继续办理", "The return was refused; keep handling it"),
        ["notify.escalated"] = ("督办升级：{0}级督办", "Escalated: supervision level {0}"),
        ["notify.instructed"] = ("督办意见：{0}", "Supervisor's instruction: {0}"),
        ["notify.notice"] = ("通知：{0}", "Notice: {0}"),
    };
}
