namespace Hotline.Workbench.Administration.Subjects;

/// <summary>The words of the subject screen (诉求分类).</summary>
internal static class SubjectWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
            ["asTitle"] = ("诉求分类", "Subjects"),
            ["asList"] = ("分类树", "Subject tree"),
            ["asAdd"] = ("新增分类", "Add a subject"),
            ["asNew"] = ("新分类", "New subject"),
            ["asParent"] = ("上级分类", "Category"),
            ["asNoParent"] = ("无（一级分类）", "None (a top-level category)"),
            ["asTypes"] = ("受理的工单类型", "Case types accepted"),
            ["asDefault"] = ("默认工单类型", "Default case type"),
    };
}
