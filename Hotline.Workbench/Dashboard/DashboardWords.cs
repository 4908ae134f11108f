namespace Hotline.Workbench.Dashboard;

/// <summary>The words of the leader's dashboard (领导驾驶舱).</summary>
internal static class DashboardWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["dbTitle"] = ("领导驾驶舱", "Leader's dashboard"),
            ["dbMonth"] = ("统计月份", "Month"),
            ["dbUnit"] = ("承办单位", "Unit"),
            ["dbAllUnits"] = ("全部单位", "All units"),
            ["dbShow"] = ("查看", "Show"),
            ["dbPeriod"] = ("{0} 至 {1}，点击图形查看对应工单。", "{0} to {1}; click a chart to list its cases."),
            ["dbVolumeChannel"] = ("受理量趋势（按渠道）", "Intake per day by channel"),
            ["dbVolumeType"] = ("受理量趋势（按类型）", "Intake per day by type"),
            ["dbIndicators"] = ("十项考核指标（按单位）", "The ten indicators per unit"),
            ["dbIndicator"] = ("指标", "Indicator"),
            ["dbRanking"] = ("月度单位考核排名", "Monthly unit ranking"),
            ["dbHotSpots"] = ("区县热点（按日受理量，红框为热点）", "Hot spots by district (cases per day; red border: hot spot)"),
            ["dbOverdue"] = ("当前超期工单（按承办单位）", "Overdue cases now, by lead unit"),
            ["dbTable"] = ("数据表", "Data table"),
            ["dbDate"] = ("日期", "Date"),
            ["dbTotal"] = ("合计", "Total"),
            ["dbRank"] = ("名次", "Rank"),
            ["dbScore"] = ("得分", "Score"),
            ["dbRate"] = ("比率", "Rate"),
            ["dbNumerator"] = ("分子", "Numerator"),
            ["dbDenominator"] = ("分母", "Denominator"),
            ["dbCount"] = ("件数", "Cases"),
            ["dbHot"] = ("热点", "hot spot"),
            ["dbNoData"] = ("本期无数据", "No data in this period"),
            ["dbChartLabel"] = ("{0}：图表，数据见下方数据表", "{0}: chart; its data is in the table below"),
            ["ind.OnTimeCompletion"] = ("按期办结率", "On-time completion"),
            ["ind.Completion"] = ("办结率", "Completion"),
            ["ind.Satisfaction"] = ("满意率", "Satisfaction"),
            ["ind.Resolution"] = ("解决率", "Resolution"),
            ["ind.Callback"] = ("回访率", "Callback"),
            ["ind.TimelySignFor"] = ("签收及时率", "Timely sign-for"),
            ["ind.Return"] = ("退单率", "Return"),
            ["ind.Extension"] = ("延期率", "Extension"),
            ["ind.Rehandle"] = ("重办率", "Re-handling"),
            ["ind.DirectAnswer"] = ("直接办结率", "Direct answer"),
            ["ind.CitizenSatisfaction"] = ("好差评满意率", "Citizens' own rating"),
    };
}
