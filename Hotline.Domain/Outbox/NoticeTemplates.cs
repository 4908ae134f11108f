using System.Text.RegularExpressions;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Outbox;

/// <summary>
/// The words of each kind of notice: the shipped defaults, an administrator's versions (<see cref="NoticeTemplate"/>),
/// the placeholders a kind fills and the rendering. A placeholder is a name in braces (<c>{工单号}</c>); a kind's
/// template may use only the placeholders that kind fills (<see cref="PlaceholdersOf"/>).
/// </summary>
public static partial class NoticeTemplates
{
    /// <summary>The longest subject line.</summary>
    public const int SubjectMaxLength = 200;

    /// <summary>The longest text (a long text message is sent in parts by the gateway).</summary>
    public const int BodyMaxLength = 1000;

    /// <summary>The case number.</summary>
    public const string CaseNumber = "工单号";

    /// <summary>The task's name.</summary>
    public const string Task = "事项";

    /// <summary>The notice's own words (an instruction, a workflow's notice, the reply).</summary>
    public const string Content = "内容";

    /// <summary>The ladder's level.</summary>
    public const string Level = "级别";

    /// <summary>The reply's one-time rating link (好差评).</summary>
    public const string RatingLink = "评价链接";

    /// <summary>The placeholders <paramref name="kind"/> fills.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(NotificationKind kind) => kind switch
    {
        NotificationKind.NewTask or NotificationKind.SignForSoon => [CaseNumber, Task],
        NotificationKind.Escalated => [CaseNumber, Level],
        NotificationKind.Instructed or NotificationKind.Notice => [CaseNumber, Content],
        NotificationKind.Reply => [CaseNumber, Content, RatingLink],
        _ => [CaseNumber],
    };

    /// <summary>The shipped words of <paramref name="kind"/>.</summary>
    public static NoticeTemplate Default(NotificationKind kind)
    {
        var (subject, body) = kind switch
        {
            NotificationKind.NewTask => ("新工单 {工单号}", "【12345热线】新工单{工单号}（{事项}）已派至贵单位，请及时签收办理。"),
            NotificationKind.SignForSoon => ("工单 {工单号} 即将超过签收时限", "【12345热线】工单{工单号}（{事项}）即将超过签收时限，请尽快签收。"),
            NotificationKind.Yellow => ("黄牌预警：工单 {工单号}", "【12345热线】工单{工单号}即将到期，已亮黄牌，请抓紧办理。"),
            NotificationKind.Red => ("红牌：工单 {工单号} 已超期", "【12345热线】工单{工单号}已超过办理时限，已亮红牌，请立即办理并说明情况。"),
            NotificationKind.SentBack => ("工单 {工单号} 已退回", "【12345热线】工单{工单号}的答复或退单未通过审核，已退回，请重新办理。"),
            NotificationKind.Escalated => ("督办升级：工单 {工单号}", "【12345热线】工单{工单号}已升至{级别}级督办，请高度重视、限时办结。"),
            NotificationKind.Instructed => ("督办意见：工单 {工单号}", "【12345热线】工单{工单号}督办意见：{内容}"),
            NotificationKind.Notice => ("工单 {工单号} 通知", "【12345热线】{内容}（工单号{工单号}）"),
            NotificationKind.Reply => ("您的诉求 {工单号} 已答复", "【12345热线】您反映的问题（工单号{工单号}）答复如下：{内容} 请您对本次办理进行评价：{评价链接}"),
            _ => ("工单 {工单号}", "【12345热线】工单{工单号}有新动态，请登录工作台查看。"),
        };
        return new NoticeTemplate { Kind = kind, Subject = subject, Body = body };
    }

    /// <summary>The template of every kind: the administrators' where saved, the default otherwise.</summary>
    public static async Task<Dictionary<NotificationKind, NoticeTemplate>> LoadAsync(HotlineDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var saved = await db.NoticeTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, cancellationToken);
        return Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => saved.GetValueOrDefault(k) ?? Default(k));
    }

    /// <summary>
    /// <paramref name="text"/> with each placeholder replaced by its value (a placeholder without a value by nothing);
    /// values are inserted as they are, never read as placeholders themselves.
    /// </summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups["name"].Value) ?? "");
    }

    /// <summary>The placeholders in <paramref name="text"/> that <paramref name="kind"/> does not fill.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(NotificationKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = PlaceholdersOf(kind);
        return [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Where(n => !known.Contains(n)).Distinct()];
    }

    [GeneratedRegex(@"\{(?<name>[^{}\s]{1,20})\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
