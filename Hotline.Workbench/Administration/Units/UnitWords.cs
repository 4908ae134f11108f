namespace Hotline.Workbench.Administration.Units;

/// <summary>The words of the unit screen (单位管理).</summary>
internal static class UnitWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["auTitle"] = ("单位管理", "Units"),
            ["auTree"] = ("单位树", "Unit tree"),
            ["auSearch"] = ("按名称或编码查找单位", "Find a unit by name or code"),
            ["auFound"] = ("找到 {0} 个单位", "{0} units found"),
            ["auExpand"] = ("展开", "Expand"),
            ["auCollapse"] = ("收起", "Collapse"),
            ["auAddRoot"] = ("新增根单位", "Add a root unit"),
            ["auAddChild"] = ("新增下级单位", "Add a child unit"),
            ["auNew"] = ("新单位", "New unit"),
            ["auParent"] = ("上级单位", "Parent unit"),
            ["auNoParent"] = ("无（根单位）", "None (a root)"),
            ["auLevel"] = ("层级", "Level"),
            ["auLevel.CityDepartment"] = ("市直部门", "City department"),
            ["auLevel.District"] = ("区县", "District"),
            ["auLevel.Town"] = ("乡镇街道", "Town or street"),
            ["auLevel.Community"] = ("村居社区", "Village or community"),
            ["auDistrict"] = ("所属区县（行政区划代码）", "District (division code)"),
            ["auDuty"] = ("24小时值班", "On duty round the clock"),
            ["auResponse"] = ("响应级别", "Response level"),
            ["auResponse.Standard"] = ("常规", "Standard"),
            ["auResponse.Priority"] = ("重点", "Priority"),
            ["auResponse.Emergency"] = ("应急", "Emergency"),
            ["auPhone"] = ("热线联络电话", "Contact phone"),
            ["auEmail"] = ("通知邮箱", "Notice e-mail"),
            ["auCounts"] = ("未办结任务 {0} 件，下级单位 {1} 个。", "{0} open tasks, {1} child units."),
            ["auReassign"] = ("转派未办结任务", "Reassign its open tasks"),
            ["auReassignTo"] = ("转派给", "To unit"),
            ["auReassignReason"] = ("转派理由", "Reason"),
            ["auMoved"] = ("已转派：{0}", "Moved: {0}"),
            ["auNotMoved"] = ("未能转派：{0}", "Not moved: {0}"),
            ["auLeft"] = ("该单位剩余未办结任务 {0} 件。", "{0} open tasks left at the unit."),
    };
}
