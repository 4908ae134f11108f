using System.Globalization;
using Hotline.Workbench.Account;
using Hotline.Workbench.Administration;
using Hotline.Workbench.Administration.Audit;
using Hotline.Workbench.Administration.Calendar;
using Hotline.Workbench.Administration.Import;
using Hotline.Workbench.Administration.Knowledge;
using Hotline.Workbench.Administration.Notices;
using Hotline.Workbench.Administration.Routing;
using Hotline.Workbench.Administration.Subjects;
using Hotline.Workbench.Administration.Units;
using Hotline.Workbench.Administration.Users;
using Hotline.Workbench.Attachments;
using Hotline.Workbench.Callbacks;
using Hotline.Workbench.CaseQuery;
using Hotline.Workbench.Cases;
using Hotline.Workbench.Dashboard;
using Hotline.Workbench.Dispatch;
using Hotline.Workbench.Inbox;
using Hotline.Workbench.Intake;
using Hotline.Workbench.Notifications;
using Hotline.Workbench.Reports;
using Hotline.Workbench.Supervision;

namespace Hotline.Workbench.Shared;

/// <summary>
/// The workbench's words in Chinese (the default) and English, chosen by the request's culture (the language cookie the
/// host's localization reads; a circuit keeps the culture of the request that opened it).
/// </summary>
public static class Texts
{
    /// <summary>The cultures offered; the first is the default.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    /// <summary>The page's language, for <c>lang</c>.</summary>
    public static string Language => IsEnglish ? "en" : "zh-CN";

    /// <summary>The other language, the one the switch offers.</summary>
    public static string OtherLanguage => IsEnglish ? "zh-CN" : "en";

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The word for <paramref name="key"/> in the page's language (the key itself when there is none).</summary>
    public static string T(string key) =>
        Words.TryGetValue(key, out var pair) ? (IsEnglish ? pair.En : pair.Zh) : key;

    /// <summary>Whether <paramref name="key"/> has words.</summary>
    public static bool Has(string key) => Words.ContainsKey(key);

    /// <summary>
    /// Every key's words, one dictionary per screen (each screen's folder has its <c>*Words</c> class); a key defined
    /// twice fails at start-up.
    /// </summary>
    private static readonly Dictionary<string, (string Zh, string En)> Words = Join(
        CommonWords.All, AccountWords.All, CaseWords.All, InboxWords.All, IntakeWords.All, NotificationWords.All, CallbackWords.All,
        DispatchWords.All, SupervisionWords.All, AdminWords.All, UnitWords.All, SubjectWords.All, RoutingWords.All, UserWords.All,
        CaseQueryWords.All, DashboardWords.All, ReportWords.All,
        CalendarWords.All, KnowledgeWords.All, ImportWords.All, AuditWords.All, Rating.RatingWords.All, AttachmentWords.All, Quality.QualityWords.All, NoticeWords.All);

    private static Dictionary<string, (string Zh, string En)> Join(params IReadOnlyDictionary<string, (string Zh, string En)>[] parts)
    {
        var all = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal);
        foreach (var (key, words) in parts.SelectMany(p => p))
        {
            if (!all.TryAdd(key, words))
                throw new InvalidOperationException($"The workbench's word '{key}' is defined twice.");
        }

        return all;
    }
}
