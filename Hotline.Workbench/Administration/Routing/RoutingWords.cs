namespace Hotline.Workbench.Administration.Routing;

/// <summary>The words of the routing screen (派单规则) and its simulator.</summary>
internal static class RoutingWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["arTitle"] = ("派单规则", "Routing rules"),
            ["arMatrix"] = ("派单规则表", "Routing matrix"),
            ["arId"] = ("规则编号", "Rule id"),
            ["arSubject"] = ("诉求分类", "Subject"),
            ["arDistrict"] = ("区县", "District"),
            ["arAnyDistrict"] = ("全部", "All"),
            ["arLead"] = ("主办单位", "Lead unit"),
            ["arAssisting"] = ("协办单位", "Assisting units"),
            ["arAssistingHint"] = ("按住 Ctrl 可多选", "Hold Ctrl to choose several"),
            ["arPriority"] = ("优先级", "Priority"),
            ["arActions"] = ("操作", "Actions"),
            ["arAdd"] = ("新增规则", "Add a rule"),
            ["arNew"] = ("新规则", "New rule"),
            ["arUnitFilter"] = ("单位", "Unit"),
            ["arConfirmDelete"] = ("确认删除规则 {0}", "Confirm: delete rule {0}"),
            ["arSimulator"] = ("派单模拟", "Routing simulator"),
            ["arSimulate"] = ("模拟", "Simulate"),
            ["arResultLead"] = ("主办：{0}", "Lead: {0}"),
            ["arResultAssisting"] = ("协办：{0}", "Assisting: {0}"),
            ["arResultRule"] = ("命中规则：{0}（诉求分类：{1}）", "Rule matched: {0} (subject: {1})"),
            ["arResultDefault"] = ("没有规则命中，由派单台（首接负责）派单。", "No rule matched: the dispatch desk owns the case."),
    };
}
