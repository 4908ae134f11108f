using Hotline.Domain.Knowledge;

namespace Hotline.Domain.Reference;

/// <summary><c>knowledge.csv</c>: knowledge-base answers (知识库), one article a row.</summary>
public sealed class KnowledgeLayout : ReferenceLayout<KnowledgeArticle>
{
    /// <inheritdoc />
    public override ReferenceKind Kind => ReferenceKind.Knowledge;

    /// <inheritdoc />
    public override IReadOnlyList<ReferenceColumn> Columns { get; } =
    [
        new("id", "编号", true, "the article's id, its key (KB-0001)"),
        new("title", "标题", true, "the title"),
        new("question", "问题", true, "the question as citizens ask it"),
        new("answer", "答复", true, "the answer the operator gives"),
        new("subjectCode", "诉求分类编码", false, "the subject it answers"),
        new("keywords", "关键词", false, "search keywords separated by spaces"),
        new("updatedAt", "更新时间", false, "when it was last checked (2026-01-15 or 2026-01-15T09:30:00+08:00; without an offset UTC); empty: now for a new article, unchanged for an existing one"),
        new("active", "启用", false, "true or false (是/否); empty means true"),
    ];

    internal override KnowledgeArticle ReadRow(ReferenceCells cells) => new()
    {
        Id = cells.Code("id"),
        Title = cells.Text("title", 200),
        Question = cells.Text("question", MaxTextLength),
        Answer = cells.Text("answer", MaxTextLength),
        SubjectCode = cells.OptionalCode("subjectCode"),
        Keywords = cells.OptionalText("keywords", 500) ?? "",
        // DateTimeOffset.MinValue stands for "not given": the importer keeps the stored date or takes now.
        UpdatedAt = cells.Timestamp("updatedAt") ?? DateTimeOffset.MinValue,
        IsActive = cells.Flag("active", empty: true),
    };

    internal override IReadOnlyList<string> WriteRow(KnowledgeArticle entity) =>
        [entity.Id, entity.Title, entity.Question, entity.Answer, entity.SubjectCode ?? "", entity.Keywords, ReferenceText.Timestamp(entity.UpdatedAt), ReferenceText.Flag(entity.IsActive)];

    internal override string Key(KnowledgeArticle entity) => entity.Id;
}
