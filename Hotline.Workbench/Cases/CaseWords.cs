namespace Hotline.Workbench.Cases;

/// <summary>The words of case lists and the case page.</summary>
internal static class CaseWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["myCases"] = ("我的工单", "My cases"),
            ["search"] = ("搜索工单（内容、地址）", "Search cases (content, address)"),
            ["searchButton"] = ("搜索", "Search"),
            ["noCases"] = ("暂无工单", "No cases"),
            ["number"] = ("工单编号", "Case number"),
            ["status"] = ("状态", "Status"),
            ["type"] = ("类型", "Type"),
            ["urgency"] = ("紧急程度", "Urgency"),
            ["subject"] = ("诉求分类", "Subject"),
            ["district"] = ("区县", "District"),
            ["address"] = ("地址", "Address"),
            ["content"] = ("诉求内容", "Request"),
            ["citizen"] = ("来电人", "Caller"),
            ["phone"] = ("电话", "Phone"),
            ["deadline"] = ("办理时限", "Deadline"),
            ["deadlineRule"] = ("时限规则", "Deadline rule"),
            ["provisional"] = ("（暂定）", " (provisional)"),
            ["ladder"] = ("督办层级", "Supervision level"),
            ["warning"] = ("预警", "Warning"),
            ["leadUnit"] = ("承办单位", "Lead unit"),
            ["assistingUnits"] = ("协办单位", "Assisting units"),
            ["timeline"] = ("办理过程", "Timeline"),
            ["deliveryEmail"] = ("邮件通知", "E-mail"),
            ["deliverySms"] = ("短信通知", "Text message"),
            ["deliveryCitizen"] = ("市民", "Citizen"),
            ["deliveryQueued"] = ("待发送", "Queued"),
            ["deliverySent"] = ("已发送", "Sent"),
            ["deliveryFailed"] = ("第{0}次发送失败，{1}重试", "Try {0} failed; trying again at {1}"),
            ["deliveryGivenUp"] = ("第{0}次发送失败，已停止重试", "Try {0} failed; no more tries"),
            ["pendingTasks"] = ("待办任务", "Pending tasks"),
            ["task"] = ("任务", "Task"),
            ["unit"] = ("单位", "Unit"),
            ["due"] = ("到期", "Due"),
            ["signDue"] = ("签收期限", "Sign-for limit"),
            ["linkedCases"] = ("关联工单", "Linked cases"),
            ["mergedInto"] = ("已并入", "Merged into"),
            ["createdAt"] = ("受理时间", "Registered"),
            ["caseFile"] = ("工单详情", "Case"),
            ["attachments"] = ("附件", "Attachments"),
            ["attachmentName"] = ("文件名", "File"),
            ["attachmentType"] = ("类型", "Type"),
            ["attachmentSize"] = ("大小", "Size"),
            ["attachmentBy"] = ("上传人", "Uploaded by"),
            ["attachmentAt"] = ("上传时间", "Uploaded"),
    };
}
