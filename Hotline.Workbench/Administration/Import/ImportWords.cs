namespace Hotline.Workbench.Administration.Import;

/// <summary>The words of the 数据导入 screen.</summary>
internal static class ImportWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["import"] = ("数据导入", "Data import"),
        ["imKind"] = ("数据类型", "Kind of data"),
        ["imKind.Units"] = ("承办单位", "Handling units"),
        ["imKind.Subjects"] = ("诉求分类（事项）", "Subjects"),
        ["imKind.Routing"] = ("派单规则", "Routing rules"),
        ["imKind.Knowledge"] = ("知识库", "Knowledge base"),
        ["imFile"] = ("文件（CSV 或 xlsx，最大 {0} MB）", "File (CSV or xlsx, at most {0} MB)"),
        ["imTooLarge"] = ("文件超过 {0} MB。", "The file is larger than {0} MB."),
        ["imNoFile"] = ("请先选择文件。", "Choose a file first."),
        ["imDryRun"] = ("试运行（不修改数据）", "Dry run (changes nothing)"),
        ["imConfirm"] = ("确认导入", "Import"),
        ["imReport"] = ("试运行报告：{0}", "Dry run report: {0}"),
        ["imApplied"] = ("已导入 {0}。", "{0} imported."),
        ["imRows"] = ("行数", "Rows"),
        ["imAdded"] = ("新增", "To add"),
        ["imUpdated"] = ("修改", "To change"),
        ["imUnchanged"] = ("不变", "Unchanged"),
        ["imProblems"] = ("问题（共 {0} 处，全部改正后才能导入）", "Problems ({0}; all must be fixed before importing)"),
        ["imNoProblems"] = ("未发现问题，可以确认导入。", "No problem found: the file may be imported."),
        ["imRow"] = ("行", "Row"),
        ["imColumn"] = ("列", "Column"),
        ["imReason"] = ("原因", "Reason"),
        ["imWholeFile"] = ("整个文件", "The whole file"),
        ["imChanged"] = ("导入期间数据已被他人修改，未做任何更改，请重新试运行。", "The data changed meanwhile; nothing was changed. Run the dry run again."),
        ["imExport"] = ("导出现有数据", "Export what is stored"),
        ["imExportAs"] = ("{0}（{1}）", "{0} ({1})"),
    };
}
