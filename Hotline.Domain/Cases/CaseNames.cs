namespace Hotline.Domain.Cases;

/// <summary>The Chinese names of channels and case types, as Open311's service list and the report workbooks write them.</summary>
public static class CaseNames
{
    /// <summary>The Chinese name of a case type (诉求类型).</summary>
    public static string Type(CaseType type) => type switch
    {
        CaseType.Consultation => "咨询",
        CaseType.Help => "求助",
        CaseType.Complaint => "投诉",
        CaseType.Report => "举报",
        CaseType.Suggestion => "建议",
        CaseType.Praise => "表扬",
        _ => type.ToString(),
    };

    /// <summary>The Chinese name of a channel (受理渠道).</summary>
    public static string Channel(CaseChannel channel) => channel switch
    {
        CaseChannel.Phone => "电话",
        CaseChannel.Web => "网站",
        CaseChannel.Sms => "短信",
        CaseChannel.WeChat => "微信",
        CaseChannel.App => "APP",
        CaseChannel.MayorMailbox => "市长信箱",
        CaseChannel.ProvincialPlatform => "省派工单",
        CaseChannel.PoliceTransfer => "110非警务警情转办",
        _ => channel.ToString(),
    };
}
