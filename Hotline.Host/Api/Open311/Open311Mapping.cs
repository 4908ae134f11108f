using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Domain.Privacy;
using Hotline.Domain.Routing;

namespace Hotline.Host.Api.Open311;

/// <summary>The columns of a case that Open311 reads (and the two it reads only to mask them in the description).</summary>
internal sealed record Open311CaseRow(
    Guid Id,
    string Number,
    string? SubjectCode,
    CaseType Type,
    CaseStatus Status,
    string Content,
    string? LeadUnitCode,
    string? Address,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? DeadlineAt,
    string? CitizenName,
    string? CitizenPhone);

/// <summary>
/// How the hotline's subjects and cases appear as GeoReport v2 services and requests. Nothing here reads the database.
/// </summary>
public static class Open311Mapping
{
    /// <summary>The attribute giving the case type.</summary>
    public const string CaseTypeAttribute = "case_type";

    /// <summary>The attribute giving the urgency.</summary>
    public const string UrgencyAttribute = "urgency";

    /// <summary>The attribute giving the six-digit district code.</summary>
    public const string DistrictCodeAttribute = "district_code";

    /// <summary>The attribute giving the channel (Web when not given).</summary>
    public const string ChannelAttribute = "channel";

    /// <summary>The channel of an Open311 request that does not say otherwise.</summary>
    public const CaseChannel DefaultChannel = CaseChannel.Web;

    /// <summary>The Chinese name of a case type (诉求类型).</summary>
    public static string CaseTypeName(CaseType type) => CaseNames.Type(type);

    /// <summary>The Chinese name of an urgency.</summary>
    public static string UrgencyName(CaseUrgency urgency) => urgency switch
    {
        CaseUrgency.Normal => "一般",
        CaseUrgency.Urgent => "紧急",
        CaseUrgency.Emergency => "特急",
        _ => urgency.ToString(),
    };

    /// <summary>The Chinese name of a channel.</summary>
    public static string ChannelName(CaseChannel channel) => CaseNames.Channel(channel);

    /// <summary>Open311's status: only <c>open</c> and <c>closed</c> exist there.</summary>
    public static string Status(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.AnsweredDirectly or CaseStatus.Merged or CaseStatus.Voided ? "closed" : "open";

    /// <summary>The lifecycle status in Chinese, for <c>status_notes</c>.</summary>
    public static string StatusNotes(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "已受理",
        CaseStatus.AnsweredDirectly => "已直接答复办结",
        CaseStatus.Dispatched => "已派单",
        CaseStatus.Handling => "办理中",
        CaseStatus.AwaitingReview => "办理完毕，待审核",
        CaseStatus.Replied => "已答复",
        CaseStatus.AwaitingCallback => "已答复，待回访",
        CaseStatus.Closed => "已办结",
        CaseStatus.Merged => "已并案办理",
        CaseStatus.Voided => "已作废",
        _ => status.ToString(),
    };

    /// <summary>A moment as ISO 8601 in the hotline's zone, with its offset (<c>2026-03-02T09:00:00+08:00</c>).</summary>
    public static string FormatTime(DateTimeOffset moment, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A subject as a service; <paramref name="subjects"/> (by code) gives the names of its categories.</summary>
    public static Open311Service ToService(Subject subject, IReadOnlyDictionary<string, Subject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(subjects);
        var path = new List<string> { subject.Name };
        var seen = new HashSet<string>(StringComparer.Ordinal) { subject.Code };
        for (var parent = subject.ParentCode; parent is not null && seen.Add(parent) && subjects.TryGetValue(parent, out var category); parent = category.ParentCode)
            path.Insert(0, category.Name);
        return new Open311Service(subject.Code, subject.Name, string.Join(" › ", path), Metadata: true, Type: "realtime", Keywords: null, Group: CaseTypeName(subject.DefaultCaseType));
    }

    /// <summary>The definition of a subject's service: case type (default the subject's), urgency, district and channel.</summary>
    public static Open311ServiceDefinition Definition(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new Open311ServiceDefinition(subject.Code,
        [
            new Open311AttributeDefinition(true, CaseTypeAttribute, "singlevaluelist", Required: false, DatatypeDescription: "取值之一（键或中文名）",
                Order: 1, Description: $"诉求类型；不填为 {CaseTypeName(subject.DefaultCaseType)}（{subject.DefaultCaseType}）。",
                Values: Enum.GetValues<CaseType>().Where(subject.CaseTypes.Contains).Select(t => new Open311AttributeValue(t.ToString(), CaseTypeName(t))).ToList()),
            new Open311AttributeDefinition(true, UrgencyAttribute, "singlevaluelist", Required: false, DatatypeDescription: "取值之一（键或中文名）",
                Order: 2, Description: $"紧急程度；不填为 {UrgencyName(CaseUrgency.Normal)}（{CaseUrgency.Normal}）。",
                Values: Enum.GetValues<CaseUrgency>().Select(u => new Open311AttributeValue(u.ToString(), UrgencyName(u))).ToList()),
            new Open311AttributeDefinition(true, DistrictCodeAttribute, "string", Required: false, DatatypeDescription: "六位数字，如 360103",
                Order: 3, Description: "问题所在地的行政区划代码（区县），用于按属地派单；不填由派单中心分派。", Values: null),
            new Open311AttributeDefinition(true, ChannelAttribute, "singlevaluelist", Required: false, DatatypeDescription: "取值之一（键或中文名）",
                Order: 4, Description: $"受理渠道；不填为 {ChannelName(DefaultChannel)}（{DefaultChannel}）。",
                Values: Enum.GetValues<CaseChannel>().Select(c => new Open311AttributeValue(c.ToString(), ChannelName(c))).ToList()),
        ]);
    }

    /// <summary>
    /// A case as a public service request. A report (举报) shows its progress only: what was reported, where, and its
    /// photo could name the person who reported it, whom the hotline must protect.
    /// </summary>
    internal static Open311ServiceRequest ToRequest(Open311CaseRow row, string? serviceName, string? agencyName, TimeZoneInfo zone, string? mediaUrl = null)
    {
        var closed = Status(row.Status) == "closed";
        var withheld = row.Type == CaseType.Report;
        return new Open311ServiceRequest(
            row.Number,
            Status(row.Status),
            StatusNotes(row.Status),
            serviceName,
            row.SubjectCode ?? "",
            withheld ? null : PersonalDataMasker.Mask(row.Content, row.CitizenName, row.CitizenPhone),
            agencyName,
            FormatTime(row.CreatedAt, zone),
            FormatTime(closed ? row.ClosedAt ?? row.UpdatedAt : row.UpdatedAt, zone),
            row.DeadlineAt is { } deadline ? FormatTime(deadline, zone) : null,
            withheld || row.Address is null ? null : PersonalDataMasker.Mask(row.Address, row.CitizenName, row.CitizenPhone),
            Latitude: null,
            Longitude: null,
            MediaUrl: withheld ? null : mediaUrl);
    }

    /// <summary>The citizen's name from Open311's first and last names: 张 + 敏 → 张敏 (Chinese order), Min + Zhang → Min Zhang.</summary>
    public static string? CitizenName(string? firstName, string? lastName)
    {
        var first = firstName?.Trim();
        var last = lastName?.Trim();
        if (string.IsNullOrEmpty(first))
            return string.IsNullOrEmpty(last) ? null : last;
        if (string.IsNullOrEmpty(last))
            return first;
        return IsCjk(first) || IsCjk(last) ? last + first : first + " " + last;
    }

    private static bool IsCjk(string text) => text.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff');

    /// <summary>What the citizen is told after posting: the case number, and when it should be done.</summary>
    internal static string ServiceNotice(Case created, TimeZoneInfo zone)
    {
        var notice = $"您的诉求已受理，工单号 {created.Number}。";
        if (created.Status is CaseStatus.Closed or CaseStatus.AnsweredDirectly)
            return notice + "已办结。";
        if (created.DeadlineAt is { } deadline)
        {
            var local = TimeZoneInfo.ConvertTime(deadline, zone);
            notice += $"预计 {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} 前办结{(created.IsDeadlineProvisional ? "（时限暂定）" : "")}。";
        }

        return notice + "可凭工单号查询办理进度。";
    }
}
