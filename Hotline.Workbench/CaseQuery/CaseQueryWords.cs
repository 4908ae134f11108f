namespace Hotline.Workbench.CaseQuery;

/// <summary>The words of the case list (工单查询).</summary>
internal static class CaseQueryWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["cqTitle"] = ("工单查询", "Case list"),
            ["cqFilters"] = ("筛选条件", "Filters"),
            ["cqNoFilter"] = ("全部工单（无筛选条件）", "All cases (no filter)"),
            ["cqTotal"] = ("共 {0} 件", "{0} cases"),
            ["cqTotalCapped"] = ("超过 {0:N0} 件，请增加筛选条件缩小范围", "More than {0:N0} cases: add filters to narrow the list"),
            ["cqChannel"] = ("渠道", "Channel"),
            ["cqPeriod"] = ("受理日期", "Registered"),
            ["cqFromTo"] = ("{0} 至 {1}", "{0} to {1}"),
            ["cqFromOnly"] = ("{0} 起", "from {0}"),
            ["cqToOnly"] = ("至 {0}", "until {0}"),
            ["cqOverdue"] = ("仅已超期未办结", "Overdue open cases only"),
            ["cqNotOverdue"] = ("不限超期", "Overdue or not"),
            ["cqInvalid"] = ("筛选条件有误：", "Some filters are not valid: "),
    };
}
