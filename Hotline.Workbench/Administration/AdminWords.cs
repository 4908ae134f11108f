namespace Hotline.Workbench.Administration;

/// <summary>The words of the administration landing page and what its screens share (saving, versions, refusals).</summary>
internal static class AdminWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["admin"] = ("系统管理", "Administration"),
            ["adminIntro"] = ("参考数据和账号的维护。每次修改都记入审计日志。", "Reference data and accounts. Every change is written to the audit log."),
            ["adminSave"] = ("保存", "Save"),
            ["adminSaved"] = ("已保存。", "Saved."),
            ["adminNew"] = ("新增", "Add"),
            ["adminEdit"] = ("修改", "Edit"),
            ["adminDelete"] = ("删除", "Delete"),
            ["adminDeleted"] = ("已删除。", "Deleted."),
            ["adminSearch"] = ("查找", "Search"),
            ["adminFilter"] = ("筛选", "Filter"),
            ["adminCode"] = ("编码", "Code"),
            ["adminName"] = ("名称", "Name"),
            ["adminActive"] = ("启用", "Active"),
            ["adminInactive"] = ("已停用", "Inactive"),
            ["adminAll"] = ("全部", "All"),
            ["adminVersion"] = ("版本", "Version"),
            ["adminInvalid"] = ("未保存：请修改标出的字段。", "Not saved: correct the marked fields."),
            ["adminStale"] = ("未保存：其他人已修改了该记录，已重新读取，请核对后再保存。", "Not saved: someone else changed the record; it has been read again, check it and save again."),
            ["adminRefused"] = ("未保存：", "Not saved: "),
            ["adminNotFound"] = ("该记录已不存在。", "The record no longer exists."),
            ["adminNothing"] = ("暂无记录", "No records"),
            ["adminClose"] = ("关闭", "Close"),
            ["adminYes"] = ("是", "Yes"),
            ["adminNo"] = ("否", "No"),
            ["adminTotal"] = ("共 {0} 条", "{0} in all"),
    };
}
